// What a file is, read from its first bytes, never from its name: a caseworker's "plan.docx" may be a PDF,
// a picture, or an old Word file renamed.
import type { DocumentFormat } from "../model/document.ts";
import { ProblemError } from "../model/problem.ts";

/** Said of any file no reader takes: a caseworker's next step is to save the plan again from Word. */
export const UNREADABLE_FILE_MESSAGE =
  "This file is not a Word document or a PDF. Save it as .docx or .pdf and try again (a plan pasted from a case system can also be given as a .txt or .md text file).";

/** PDF readers accept the "%PDF-" marker anywhere in the first 1024 bytes (some producers put junk before it). */
const PDF_HEADER_WINDOW = 1024;
/** A text file may hold a few stray control characters (form feeds, a pasted symbol), but not many. */
const MAX_CONTROL_CHARACTER_SHARE = 0.01;

const startsWith = (bytes: Uint8Array, signature: number[], at = 0): boolean => signature.every((byte, index) => bytes[at + index] === byte);
const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

const OLE_COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURES = [ascii("PK\x03\x04"), ascii("PK\x05\x06")];
const PICTURES: [string, number[]][] = [
  ["PNG", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ["JPEG", [0xff, 0xd8, 0xff]],
  ["GIF", ascii("GIF8")],
  ["TIFF", ascii("II*\x00")],
  ["TIFF", ascii("MM\x00*")],
  ["BMP", ascii("BM")],
];

function unsupported(message: string): ProblemError {
  return new ProblemError({ code: "UNSUPPORTED_FORMAT", message });
}

/**
 * The format a file's content says it is. A zip is a Word document candidate: guard.ts checks its contents.
 * Throws EMPTY_FILE or UNSUPPORTED_FORMAT (with what the file looks like, and what to do) otherwise.
 */
export function detectFormat(bytes: Uint8Array): DocumentFormat {
  if (bytes.length === 0) {
    throw new ProblemError({ code: "EMPTY_FILE", message: "This file is empty. Check that you chose the right file, save the plan again, and try again." });
  }
  const head = bytes.subarray(0, PDF_HEADER_WINDOW);
  if (Buffer.from(head.buffer, head.byteOffset, head.byteLength).includes("%PDF-")) return "pdf";
  if (ZIP_SIGNATURES.some((signature) => startsWith(bytes, signature))) return "docx";
  if (startsWith(bytes, OLE_COMPOUND_FILE)) throw unsupported(oleMessage(bytes));
  if (startsWith(bytes, ascii("{\\rtf"))) {
    throw unsupported("This is a Rich Text (.rtf) file. Open it in Word, save it as a Word Document (.docx), and try again.");
  }
  const picture = PICTURES.find(([, signature]) => startsWith(bytes, signature));
  if (picture) {
    throw unsupported(
      `This file is a picture (${picture[0]}), not a Word document or a PDF. Upload the plan as .docx or .pdf; if you only have a scan, run it through OCR (text recognition) first.`,
    );
  }
  if (decodeText(bytes) !== null) return "text";
  throw unsupported(UNREADABLE_FILE_MESSAGE);
}

/** Word's old binary format and password-protected Word documents are both OLE compound files. */
function oleMessage(bytes: Uint8Array): string {
  // An encrypted .docx is an OLE file holding a stream named "EncryptedPackage" (names are UTF-16).
  const encrypted = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from("EncryptedPackage", "utf16le"));
  return encrypted
    ? "This Word document is password-protected. Open it in Word, remove the password (File > Info > Protect Document), save it, and try again."
    : "This is an old-style Word file (.doc). Open it in Word, choose Save As > Word Document (.docx), and try again.";
}

/**
 * The file's text when it is a plain-text file: UTF-8 (with or without a byte-order mark), or failing that
 * Windows-1252 (what older Windows editors save); null when it holds NUL bytes or many control characters.
 */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  let control = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f) control++;
  }
  return control <= text.length * MAX_CONTROL_CHARACTER_SHARE ? text : null;
}
