// DOCX -> PDF with LibreOffice (one soffice call for many files), and reading the PDFs back with pdftotext to find
// on which page each section starts (for the contents page). Only the generator uses this; tests never do.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { SAMPLE_TIMESTAMP } from "./deterministic.ts";

const PROFILE = "file:///tmp/lo-profile-ehcp-samples";

export function convertToPdf(docxPaths: string[], outDir: string): void {
  if (docxPaths.length === 0) return;
  try {
    execFileSync("soffice", [`-env:UserInstallation=${PROFILE}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, ...docxPaths], {
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 10 * 60_000,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-writer-nogui");
    throw error;
  }
}

/** The text of each page, in reading order. */
export function pdfPages(pdfPath: string): string[] {
  const text = execFileSync("pdftotext", [pdfPath, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return text.split("\f").slice(0, -1);
}

const squash = (text: string): string => text.replace(/\s+/g, " ").trim();

/**
 * The page on which each heading first appears after the contents page. `find` is what to look for on the page:
 * the heading itself, or (for section tables) the label at the start of a line.
 */
export function headingPages(pages: string[], entries: { text: string; find: RegExp | string }[]): Map<string, number> {
  const contentsPage = pages.findIndex((page) => /^\s*Contents\s*$/m.test(page));
  const result = new Map<string, number>();
  let from = contentsPage + 1;
  for (const entry of entries) {
    const at = pages.findIndex((page, index) => index >= from && (typeof entry.find === "string" ? squash(page).includes(squash(entry.find)) : entry.find.test(page)));
    if (at < 0) throw new Error(`Contents page: cannot find "${entry.text}" in the PDF`);
    result.set(entry.text, at + 1);
    from = at; // sections appear in order; the next one starts on this page or later
  }
  return result;
}

/**
 * LibreOffice writes the conversion time, a random document id and a checksum of both into the PDF. Overwrite both with fixed values of
 * the same length, so byte offsets in the cross-reference table stay valid and an unchanged sample stays unchanged.
 */
export function stabilisePdf(pdfPath: string): void {
  const bytes = readFileSync(pdfPath);
  let text = bytes.toString("latin1");
  const stamp = SAMPLE_TIMESTAMP.replace(/\D/g, "").slice(0, 14); // YYYYMMDDHHMMSS
  text = text.replace(/(\/(?:CreationDate|ModDate)\s*\(D:)(\d{14})([^)]*)\)/g, (_all, start: string, _date: string, zone: string) => `${start}${stamp}${zone.replace(/\d/g, "0")})`);
  text = text.replace(/(\/DocChecksum \/)([0-9A-F]{32})/g, (_all, key: string, hex: string) => key + "0".repeat(hex.length));
  text = text.replace(/<([0-9A-Fa-f]{32})>/g, (_all, hex: string) => `<${"0".repeat(hex.length)}>`);
  text = text.replace(/(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]*)(<\/xmp)/g, (_all, open: string, value: string, close: string) => open + value.replace(/\d/g, "0") + close);
  const output = Buffer.from(text, "latin1");
  if (output.length !== bytes.length) throw new Error(`stabilising ${pdfPath} changed its length`);
  writeFileSync(pdfPath, output);
}
