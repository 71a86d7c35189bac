// The page content streams of a PDF judged from its raw bytes before pdf.js reads a page: how far they inflate
// (pdf.js reads about 2 MB of dense text a second, twice: once for the text, once for the drawing), and how
// deep their graphics states (q ... Q) and arrays nest. pdf.js's text extraction slows with the square of
// the graphics-state depth (each saved state is a prototype of the next), and it runs without yielding, so no
// clock can stop it: a page of 200,000 nested states would take an hour. Real pages nest a few dozen at most.
// Content streams are never inside object streams, so they can be found in the file as it is; streams this does
// not understand (other filters, encryption) are passed over and left to pdf.js and the process's own limits.
import { inflateSync } from "node:zlib";
import type { IngestLimits } from "../guard.ts";

export interface ContentCensus {
  /** The deepest graphics-state nesting (q without its Q yet) in any content stream. */
  maxStateDepth: number;
  /** The deepest nesting of arrays and dictionaries among any content stream's operands. */
  maxOperandDepth: number;
}

export type ContentStreamProblem =
  | { kind: "inflates-too-far"; limitBytes: number; compressedBytes: number }
  | { kind: "too-much-content"; totalBytes: number }
  | { kind: "state-depth"; depth: number }
  | { kind: "operand-depth"; depth: number };

export type ContentLimits = Pick<IngestLimits, "maxContentStreamBytes" | "maxContentBytes" | "maxStateDepth" | "maxOperandDepth">;

const STREAM = Buffer.from("stream", "latin1");
const OBJ = Buffer.from("obj", "latin1");
const ENDSTREAM = Buffer.from("endstream", "latin1");
/** How far back from "stream" a stream's dictionary is looked for. */
const DICTIONARY_WINDOW = 4096;

/** Streams that are not page content: images, fonts, ICC profiles, metadata, cross-reference and object streams. */
const NOT_CONTENT = /\/Subtype\s*\/(?!Form\b)|\/Length[123]\b|\/Type\s*\/(?:XRef|ObjStm|Metadata|EmbeddedFile|CMap)\b|\/FunctionType\b|\/ShadingType\b|\/N\s+\d|\/DecodeParms\b/;

/** The first problem found in the file's content streams, or null. Linear in the file's size and its content. */
export function contentStreamProblem(bytes: Uint8Array, limits: ContentLimits): ContentStreamProblem | null {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let from = 0;
  let totalBytes = 0;
  for (;;) {
    const at = file.indexOf(STREAM, from);
    if (at < 0) return null;
    from = at + STREAM.length;
    // "endstream", or "stream" not after a dictionary's ">>", is not a stream's start.
    if (at >= 3 && file.subarray(at - 3, at).toString("latin1") === "end") continue;
    const objAt = file.lastIndexOf(OBJ, at);
    if (objAt < 0 || at - objAt > DICTIONARY_WINDOW) continue;
    const dictionary = file.subarray(objAt, at).toString("latin1");
    if (!/>>\s*$/.test(dictionary)) continue;
    let start = from;
    if (file[start] === 0x0d) start++;
    if (file[start] === 0x0a) start++;
    const end = file.indexOf(ENDSTREAM, start);
    if (end < 0) return null;
    // On past the stream's data either way: its bytes are not searched for more streams.
    from = end + ENDSTREAM.length;
    if (NOT_CONTENT.test(dictionary)) continue;
    const content = decoded(file.subarray(start, end), filtersOf(dictionary), limits.maxContentStreamBytes);
    if (content === "too-far") return { kind: "inflates-too-far", limitBytes: limits.maxContentStreamBytes, compressedBytes: end - start };
    if (content === null) continue;
    totalBytes += content.length;
    if (totalBytes > limits.maxContentBytes) return { kind: "too-much-content", totalBytes };
    const census = censusOf(content);
    if (census.maxStateDepth > limits.maxStateDepth) return { kind: "state-depth", depth: census.maxStateDepth };
    if (census.maxOperandDepth > limits.maxOperandDepth) return { kind: "operand-depth", depth: census.maxOperandDepth };
  }
}

const PAGES_TYPE = /\/Type\s*\/Pages(?![A-Za-z])/g;
const ENDOBJ = Buffer.from("endobj", "latin1");
/** How far a page-tree object is read for its /Count (its /Kids may list thousands of pages first). */
const PAGE_TREE_WINDOW = 2 * 1024 * 1024;

/**
 * The largest page count any page-tree node in the file declares, read from the bytes (a node inside a compressed
 * object stream is not seen: pdf.js's count then decides). pdf.js's own loading takes time in proportion to the
 * page count (2 s for 20,000 pages), so a file with 200,000 is refused before pdf.js loads it.
 */
export function declaredPageCount(bytes: Uint8Array): number {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = file.toString("latin1");
  let largest = 0;
  for (const match of text.matchAll(PAGES_TYPE)) {
    const start = file.lastIndexOf(OBJ, match.index);
    if (start < 0) continue;
    const end = file.indexOf(ENDOBJ, match.index);
    const object = text.slice(start, Math.min(end < 0 ? text.length : end, start + PAGE_TREE_WINDOW));
    const count = /\/Count\s+(\d{1,12})\b/.exec(object);
    if (count) largest = Math.max(largest, Number(count[1]));
  }
  return largest;
}

/** The stream's filters, in order; null when one is not FlateDecode (left to pdf.js). */
function filtersOf(dictionary: string): number | null {
  const match = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dictionary);
  if (!match) return 0;
  const names = match[1]!.match(/\/[A-Za-z0-9]+/g) ?? [];
  return names.every((name) => name === "/FlateDecode" || name === "/Fl") ? names.length : null;
}

/** The stream inflated (as many times as it is deflated), "too-far" past the limit, null when it cannot be. */
function decoded(data: Buffer, flateCount: number | null, limit: number): Buffer | "too-far" | null {
  if (flateCount === null) return null;
  let content = data;
  for (let pass = 0; pass < flateCount; pass++) {
    try {
      // A partial flush: a stream cut short still gives what it holds, as pdf.js would read it.
      content = inflateSync(content, { maxOutputLength: limit, finishFlush: 2 /* Z_SYNC_FLUSH */ });
    } catch (error) {
      if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return "too-far";
      return null;
    }
  }
  return content.length > limit ? "too-far" : content;
}

const isWhite = (byte: number): boolean => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
const isDelimiter = (byte: number): boolean => "()<>[]{}/%".includes(String.fromCharCode(byte));

/** Graphics-state and operand nesting in one content stream, read token by token. */
export function censusOf(content: Uint8Array): ContentCensus {
  let stateDepth = 0;
  let operandDepth = 0;
  const census: ContentCensus = { maxStateDepth: 0, maxOperandDepth: 0 };
  let index = 0;
  const length = content.length;
  while (index < length) {
    const byte = content[index]!;
    if (isWhite(byte)) {
      index++;
    } else if (byte === 0x25 /* % */) {
      while (index < length && content[index] !== 0x0a && content[index] !== 0x0d) index++;
    } else if (byte === 0x28 /* ( */) {
      index = afterLiteralString(content, index);
    } else if (byte === 0x5b /* [ */ || (byte === 0x3c && content[index + 1] === 0x3c) /* << */) {
      operandDepth++;
      census.maxOperandDepth = Math.max(census.maxOperandDepth, operandDepth);
      index += byte === 0x5b ? 1 : 2;
    } else if (byte === 0x5d /* ] */ || (byte === 0x3e && content[index + 1] === 0x3e) /* >> */) {
      operandDepth = Math.max(0, operandDepth - 1);
      index += byte === 0x5d ? 1 : 2;
    } else if (byte === 0x3c /* < hex string */) {
      while (index < length && content[index] !== 0x3e) index++;
      index++;
    } else if (isDelimiter(byte)) {
      index++;
    } else {
      const start = index;
      while (index < length && !isWhite(content[index]!) && !isDelimiter(content[index]!)) index++;
      const tokenLength = index - start;
      if (tokenLength === 1 && byte === 0x71 /* q */) {
        stateDepth++;
        census.maxStateDepth = Math.max(census.maxStateDepth, stateDepth);
      } else if (tokenLength === 1 && byte === 0x51 /* Q */) {
        stateDepth = Math.max(0, stateDepth - 1);
      } else if (tokenLength === 2 && byte === 0x49 /* I */ && content[start + 1] === 0x44 /* D */) {
        index = afterInlineImage(content, index);
      }
    }
  }
  return census;
}

/** After a "(...)" string: balanced parentheses, backslash escapes. */
function afterLiteralString(content: Uint8Array, open: number): number {
  let depth = 0;
  for (let index = open; index < content.length; index++) {
    const byte = content[index];
    if (byte === 0x5c /* \ */) index++;
    else if (byte === 0x28) depth++;
    else if (byte === 0x29 && --depth === 0) return index + 1;
  }
  return content.length;
}

/** After an inline image's data: the "EI" that stands alone after it (its bytes are not operators). */
function afterInlineImage(content: Uint8Array, afterId: number): number {
  for (let index = afterId + 1; index + 1 < content.length; index++) {
    if (content[index] === 0x45 && content[index + 1] === 0x49 && isWhite(content[index - 1]!) && (index + 2 >= content.length || isWhite(content[index + 2]!))) return index + 2;
  }
  return content.length;
}
