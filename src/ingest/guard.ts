// Limits checked before any parser sees a file. mammoth (through jszip) has no size guard: a 300 KB DOCX whose
// word/document.xml inflates to 100 MB takes Node down with an out-of-memory error no try/catch can stop. So
// the zip's central directory is read first (yauzl, milliseconds) and the declared sizes are judged; then every
// entry is inflated as a stream and thrown away, which catches sizes forged in the directory (yauzl's
// validateEntrySizes stops a stream that runs past its declared size). Parsing itself then runs in a worker
// thread with a memory cap and a timeout (worker-pool.ts), for whatever this cannot foresee.
import yauzl from "yauzl";
import { ProblemError } from "../model/problem.ts";

export interface IngestLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest total of a zip's entries once inflated, in bytes. */
  maxTotalUncompressedBytes: number;
  /** Largest single entry once inflated, in bytes. */
  maxEntryUncompressedBytes: number;
  /** Most entries a zip may hold (a plan with pictures has well under a few hundred). */
  maxEntries: number;
  /** Highest inflated:compressed ratio for an entry larger than `ratioCheckMinBytes`. */
  maxCompressionRatio: number;
  ratioCheckMinBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<IngestLimits> = Object.freeze({
  maxFileBytes: 20 * MB,
  maxTotalUncompressedBytes: 200 * MB,
  maxEntryUncompressedBytes: 50 * MB,
  maxEntries: 2000,
  // Word XML compresses about 5-20:1; a long table of identical rows may reach 50:1.
  maxCompressionRatio: 100,
  ratioCheckMinBytes: 1 * MB,
});

export function resolveLimits(limits: Partial<IngestLimits> = {}): IngestLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

export const ZIP_BOMB_MESSAGE =
  "This file expands to far more data than a plan could hold, so it was not opened (it may be damaged or built to overload the checker). Open the plan in Word, save a fresh copy as .docx, and upload that.";
const CORRUPT_ZIP_MESSAGE =
  "This Word file is damaged or incomplete (it may not have finished downloading or copying). Open it in Word, save it again as a Word Document (.docx), and upload it again.";

const zipBomb = (): ProblemError => new ProblemError({ code: "ZIP_BOMB", message: ZIP_BOMB_MESSAGE });
const corruptZip = (): ProblemError => new ProblemError({ code: "CORRUPT_FILE", message: CORRUPT_ZIP_MESSAGE });

export function formatMegabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

/** TOO_LARGE when a file of `size` bytes is over the limit (checked before the file is even read, where possible). */
export function checkFileSize(size: number, limits: IngestLimits): void {
  if (size > limits.maxFileBytes) {
    throw new ProblemError({
      code: "TOO_LARGE",
      message: `This file is ${formatMegabytes(size)}, over the ${formatMegabytes(limits.maxFileBytes)} limit. Remove large pictures from the plan or compress them, save it again as .docx or .pdf, and try again.`,
    });
  }
}

interface EntrySummary {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/**
 * Checks a zip that claims to be a Word document: sizes, entry count and compression ratios as declared, that it
 * holds a Word document, then the real inflated sizes. Throws ZIP_BOMB, CORRUPT_FILE or UNSUPPORTED_FORMAT.
 */
export async function checkWordZip(bytes: Uint8Array, limits: IngestLimits): Promise<void> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = await readCentralDirectory(buffer, limits);
  checkIsWordDocument(entries);
  await inflateAll(buffer);
}

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (error, zipfile) => {
      if (error || !zipfile) reject(corruptZip());
      else resolve(zipfile);
    });
  });
}

/** The central directory's entries, judged one by one as they are read: no entry is inflated here. */
async function readCentralDirectory(buffer: Buffer, limits: IngestLimits): Promise<EntrySummary[]> {
  const zipfile = await openZip(buffer);
  return new Promise((resolve, reject) => {
    const entries: EntrySummary[] = [];
    let total = 0;
    const fail = (problem: ProblemError): void => {
      zipfile.close();
      reject(problem);
    };
    zipfile.on("entry", (entry: yauzl.Entry) => {
      total += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (
        entries.length + 1 > limits.maxEntries ||
        entry.uncompressedSize > limits.maxEntryUncompressedBytes ||
        total > limits.maxTotalUncompressedBytes ||
        (entry.uncompressedSize > limits.ratioCheckMinBytes && ratio > limits.maxCompressionRatio)
      ) {
        return fail(zipBomb());
      }
      if (entry.isEncrypted()) {
        return fail(new ProblemError({ code: "UNSUPPORTED_FORMAT", message: "This zip file is password-protected. Upload the plan as an unprotected Word document (.docx) or a PDF." }));
      }
      entries.push({ name: entry.fileName, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize });
      zipfile.readEntry();
    });
    zipfile.on("end", () => resolve(entries));
    zipfile.on("error", () => fail(corruptZip()));
    zipfile.readEntry();
  });
}

/** A zip that is not a Word document: say what it is when we can tell (an Excel workbook, an OpenDocument file). */
function checkIsWordDocument(entries: EntrySummary[]): void {
  const names = entries.map((entry) => entry.name.toLowerCase());
  if (names.some((name) => name.startsWith("word/"))) return;
  const kind = names.some((name) => name.startsWith("xl/"))
    ? "an Excel workbook"
    : names.some((name) => name.startsWith("ppt/"))
      ? "a PowerPoint presentation"
      : names.includes("mimetype") && names.includes("content.xml")
        ? "an OpenDocument file (LibreOffice or OpenOffice)"
        : "a zip archive";
  throw new ProblemError({
    code: "UNSUPPORTED_FORMAT",
    message: `This file is ${kind}, not a Word document. Upload the plan as a Word document (.docx) or a PDF${kind.startsWith("an OpenDocument") ? " (in LibreOffice: File > Save As > Word 2007-365)" : ""}.`,
  });
}

/** Inflates every entry and discards the data: yauzl stops any stream that runs past its declared size. */
async function inflateAll(buffer: Buffer): Promise<void> {
  const zipfile = await openZip(buffer);
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown): void => {
      zipfile.close();
      reject(error instanceof Error && /too many bytes/i.test(error.message) ? zipBomb() : corruptZip());
    };
    zipfile.on("entry", (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith("/")) return zipfile.readEntry();
      zipfile.openReadStream(entry, (error, stream) => {
        if (error || !stream) return fail(error);
        stream.on("data", () => undefined);
        stream.on("error", fail);
        stream.on("end", () => zipfile.readEntry());
      });
    });
    zipfile.on("end", () => resolve());
    zipfile.on("error", fail);
    zipfile.readEntry();
  });
}
