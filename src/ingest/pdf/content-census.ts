// The page content streams of a PDF judged from its raw bytes before pdf.js reads a page: how far they inflate
// (pdf.js reads about 2 MB of dense text a second, twice: once for the text, once for the drawing), and how
// deep their graphics states (q ... Q) and arrays nest. pdf.js's text extraction slows with the square of
// the graphics-state depth (each saved state is a prototype of the next), and it runs without yielding, so no
// clock can stop it: a page of 200,000 nested states would take an hour. Real pages nest a few dozen at most.
// Content streams are never inside object streams, so they can be found in the file as it is; streams this does
// not understand (other filters, encryption) are passed over and left to pdf.js and the process's own limits.
// The same pass notes whether each stream may draw a line, so the reader asks pdf.js for the drawing of only those
// pages (page-objects.ts).
import { inflateSync } from "node:zlib";
import type { IngestLimits } from "../guard.ts";

export interface ContentCensus {
  /** The deepest graphics-state nesting (q without its Q yet) in any content stream. */
  maxStateDepth: number;
  /** The deepest nesting of arrays and dictionaries among any content stream's operands. */
  maxOperandDepth: number;
  /**
   * The stream may draw a line: it strokes a path, fills one that is not a plain rectangle or is a rectangle
   * thinner than MIN_SHAPE_SIDE either way (a rule, a border), paints a form or image (which may hold lines), or
   * leaves a path for the next stream to paint. Only such drawing can be a table border, a rule under or through
   * text, or a change bar (ruled-tables.ts, text-marks.ts); a page whose stream draws none needs no operator list.
   */
  mayDrawLines: boolean;
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

/** A content stream's object, "12 0" (object number and generation), its census and its content (inflated). */
export type StreamCensusListener = (object: string, census: ContentCensus, content: Uint8Array) => void;

/**
 * The first problem found in the file's content streams, or null. Linear in the file's size and its content.
 * `onStream` hears the census of each stream read whole, with its object's number when the file names it.
 */
export function contentStreamProblem(bytes: Uint8Array, limits: ContentLimits, onStream?: StreamCensusListener): ContentStreamProblem | null {
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
    const filters = filtersOf(dictionary);
    const content = decoded(file.subarray(start, end), filters, limits.maxContentStreamBytes);
    if (content === "too-far") return { kind: "inflates-too-far", limitBytes: limits.maxContentStreamBytes, compressedBytes: end - start };
    if (content === null) continue;
    totalBytes += content.length;
    if (totalBytes > limits.maxContentBytes) return { kind: "too-much-content", totalBytes };
    const census = censusOf(content);
    if (census.maxStateDepth > limits.maxStateDepth) return { kind: "state-depth", depth: census.maxStateDepth };
    if (census.maxOperandDepth > limits.maxOperandDepth) return { kind: "operand-depth", depth: census.maxOperandDepth };
    const object = OBJECT_HEADER.exec(file.subarray(Math.max(0, objAt - OBJECT_HEADER_WINDOW), objAt).toString("latin1"));
    if (object && readWhole(dictionary, filters, end - start)) onStream?.(`${Number(object[1])} ${Number(object[2])}`, census, content);
  }
}

/**
 * Whether the stream's data as found (up to the first "endstream") is all of it, as pdf.js reads it (by /Length):
 * an uncompressed stream may hold the word "endstream" in its text, and then its length must say it was not cut.
 */
function readWhole(dictionary: string, filters: number | null, foundBytes: number): boolean {
  const length = /\/Length\s+(\d+)(?![0-9])(?!\s+\d+\s+R)/.exec(dictionary);
  // The data ends with the line break before "endstream", which is not counted in /Length.
  if (length) return foundBytes >= Number(length[1]) && foundBytes <= Number(length[1]) + 2;
  return filters !== 0;
}

/** "12 0 " just before "obj": the object's number and generation. */
const OBJECT_HEADER = /(?<![0-9])(\d{1,10})\s+(\d{1,5})\s+$/;
const OBJECT_HEADER_WINDOW = 32;

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

/** Each byte's class in a content stream: white space, a delimiter, or part of a token. */
const WHITE = 1;
const DELIMITER = 2;
const BYTE_CLASS = new Uint8Array(256);
for (const byte of [0x20, 0x0a, 0x0d, 0x09, 0x0c, 0x00]) BYTE_CLASS[byte] = WHITE;
for (const character of "()<>[]{}/%") BYTE_CLASS[character.charCodeAt(0)] = DELIMITER;
const isWhite = (byte: number): boolean => BYTE_CLASS[byte] === WHITE;
/** A token that starts like this is a number (an operand), not an operator. */
const startsNumber = (byte: number): boolean => (byte >= 0x30 && byte <= 0x39) || byte === 0x2b || byte === 0x2d || byte === 0x2e;

/**
 * What a content-stream token is: a word (a number, an operator, true, false or null), a "(string)", an opening or
 * closing array or dictionary ([ << ] >>), a <hex string>, a /name, or a byte no token starts with.
 */
export type ContentToken = "word" | "string" | "open" | "close" | "hex" | "name" | "other";

/**
 * Reads a content stream token by token, white space and comments skipped, and gives each token's kind and
 * [start, end) to `visit`, which may answer the index to go on from (past an inline image's data) or false to stop.
 * True when the stream was read to its end. The census and the page-drawing reader (./page-drawing.ts) both read
 * streams this way.
 */
export function scanContent(content: Uint8Array, visit: (kind: ContentToken, start: number, end: number) => number | boolean | void): boolean {
  let index = 0;
  const length = content.length;
  while (index < length) {
    const byte = content[index]!;
    const byteClass = BYTE_CLASS[byte];
    const start = index;
    let kind: ContentToken;
    if (byteClass === WHITE) {
      index++;
      continue;
    } else if (byteClass !== DELIMITER) {
      while (index < length && BYTE_CLASS[content[index]!] === 0) index++;
      kind = "word";
    } else if (byte === 0x25 /* % */) {
      while (index < length && content[index] !== 0x0a && content[index] !== 0x0d) index++;
      continue;
    } else if (byte === 0x28 /* ( */) {
      index = afterLiteralString(content, index);
      kind = "string";
    } else if (byte === 0x5b /* [ */ || (byte === 0x3c && content[index + 1] === 0x3c) /* << */) {
      index += byte === 0x5b ? 1 : 2;
      kind = "open";
    } else if (byte === 0x5d /* ] */ || (byte === 0x3e && content[index + 1] === 0x3e) /* >> */) {
      index += byte === 0x5d ? 1 : 2;
      kind = "close";
    } else if (byte === 0x3c /* < hex string */) {
      while (index < length && content[index] !== 0x3e) index++;
      index++;
      kind = "hex";
    } else if (byte === 0x2f /* / name */) {
      index++;
      while (index < length && BYTE_CLASS[content[index]!] === 0) index++;
      kind = "name";
    } else {
      index++;
      kind = "other";
    }
    const next = visit(kind, start, index);
    if (next === false) return false;
    if (typeof next === "number") index = next;
  }
  return true;
}

/** A filled rectangle at least this many points wide and high is a shape (a page's background, a shaded cell), not a line. */
const MIN_SHAPE_SIDE = 3;

/** An operator of up to three letters as a number: its bytes, first letter lowest. */
const code = (operator: string): number => [...operator].reduceRight((sum, letter) => sum * 256 + letter.charCodeAt(0), 0);
const [SAVE, RESTORE, TRANSFORM, RECTANGLE, END_PATH, PAINT_FORM] = ["q", "Q", "cm", "re", "n", "Do"].map(code);
/** Path-painting operators that stroke (a line may be drawn whatever the path's shape). */
const STROKES = new Set(["S", "s", "B", "B*", "b", "b*"].map(code));
const FILLS = new Set(["f", "F", "f*"].map(code));
/** Path construction other than a rectangle. */
const PATH_SEGMENTS = new Set(["m", "l", "c", "v", "y"].map(code));

/**
 * Whether painted paths may be lines, followed operator by operator: the transformation (q, Q, cm) and the
 * current path's rectangles (re). Anything it does not follow exactly (a rotated or skewed transformation, an
 * operand that is not a number) counts as a line.
 */
class LineWatch {
  mayDrawLines = false;
  private matrix = [1, 0, 0, 1];
  private readonly saved: number[][] = [];
  /** The current path's rectangles, [width, height] each, in the units of the transformation at the time. */
  private rectangles: number[] = [];
  private otherSegments = false;

  /** `operator` as `code` gives it; `operands` reads its numbers (NaN for an operand that is not one). */
  operator(operator: number, operands: () => number[]): void {
    if (this.mayDrawLines) return;
    if (operator === SAVE) this.saved.push(this.matrix);
    else if (operator === RESTORE) this.matrix = this.saved.pop() ?? this.matrix;
    else if (operator === TRANSFORM) this.transform(operands());
    else if (operator === RECTANGLE) this.rectangle(operands());
    else if (PATH_SEGMENTS.has(operator)) this.otherSegments = true;
    else if (operator === END_PATH) this.endPath();
    else if (FILLS.has(operator)) this.fill();
    else if (STROKES.has(operator) || operator === PAINT_FORM) this.mayDrawLines = true;
  }

  /** The stream ends: a path left unpainted is painted by the next stream of the page. */
  end(): void {
    if (this.rectangles.length > 0 || this.otherSegments) this.mayDrawLines = true;
  }

  private transform(operands: readonly number[]): void {
    const [a, b, c, d] = operands;
    if (operands.length !== 6 || operands.some((value) => !Number.isFinite(value)) || b !== 0 || c !== 0) {
      this.mayDrawLines = true;
      return;
    }
    this.matrix = [a! * this.matrix[0]!, 0, 0, d! * this.matrix[3]!];
  }

  private rectangle(operands: readonly number[]): void {
    if (operands.length !== 4 || operands.some((value) => !Number.isFinite(value))) this.mayDrawLines = true;
    else this.rectangles.push(Math.abs(operands[2]! * this.matrix[0]!), Math.abs(operands[3]! * this.matrix[3]!));
  }

  private fill(): void {
    if (this.otherSegments || this.rectangles.length === 0) this.mayDrawLines = true;
    for (const side of this.rectangles) if (!(side >= MIN_SHAPE_SIDE)) this.mayDrawLines = true;
    this.endPath();
  }

  private endPath(): void {
    this.rectangles = [];
    this.otherSegments = false;
  }
}

/** The first letters of the operators LineWatch follows (q Q cm re m l c v y h n f F f* S s B B* b b* Do). */
const WATCHED_START = new Uint8Array(256);
for (const letter of "qQcrmlvyhnfFSsBbD") WATCHED_START[letter.charCodeAt(0)] = 1;
/** The operands kept before an operator: cm has the most, six. */
const MAX_OPERANDS = 6;

/** Graphics-state and operand nesting in one content stream, read token by token, and whether it may draw lines. */
export function censusOf(content: Uint8Array): ContentCensus {
  let stateDepth = 0;
  let operandDepth = 0;
  let maxStateDepth = 0;
  let maxOperandDepth = 0;
  const lines = new LineWatch();
  // The operator's operands (outside arrays and dictionaries), the last MAX_OPERANDS of them, as [start, end) in
  // the content; start -1 for one that is not a number (a string, a name, an array, a dictionary). Read as
  // numbers only for an operator that is followed.
  const starts = new Int32Array(MAX_OPERANDS);
  const ends = new Int32Array(MAX_OPERANDS);
  let operandCount = 0;
  const operand = (start: number, end: number): void => {
    if (operandDepth > 0) return;
    starts[operandCount % MAX_OPERANDS] = start;
    ends[operandCount % MAX_OPERANDS] = end;
    operandCount++;
  };
  const operandValues = (): number[] => {
    const values: number[] = [];
    for (let i = Math.max(0, operandCount - MAX_OPERANDS); i < operandCount; i++) {
      const start = starts[i % MAX_OPERANDS]!;
      values.push(start < 0 ? Number.NaN : Number(String.fromCharCode(...content.subarray(start, ends[i % MAX_OPERANDS]))));
    }
    return values;
  };
  scanContent(content, (kind, start, end) => {
    switch (kind) {
      case "word": {
        const byte = content[start]!;
        if (startsNumber(byte)) {
          operand(start, end);
          return;
        }
        const tokenLength = end - start;
        // Operators are at most three letters ("BDC").
        if (tokenLength <= 3 && WATCHED_START[byte] === 1) {
          lines.operator(byte + (tokenLength > 1 ? content[start + 1]! * 256 : 0) + (tokenLength > 2 ? content[start + 2]! * 65536 : 0), operandValues);
        }
        operandCount = 0;
        if (tokenLength === 1 && byte === 0x71 /* q */) {
          stateDepth++;
          maxStateDepth = Math.max(maxStateDepth, stateDepth);
        } else if (tokenLength === 1 && byte === 0x51 /* Q */) {
          stateDepth = Math.max(0, stateDepth - 1);
        } else if (tokenLength === 2 && byte === 0x49 /* I */ && content[start + 1] === 0x44 /* D */) {
          return afterInlineImage(content, end);
        }
        return;
      }
      case "open":
        operand(-1, -1);
        operandDepth++;
        maxOperandDepth = Math.max(maxOperandDepth, operandDepth);
        return;
      case "close":
        operandDepth = Math.max(0, operandDepth - 1);
        return;
      case "string":
      case "hex":
      case "name": // an operand, whatever its letters
        operand(-1, -1);
        return;
      case "other":
        return;
    }
  });
  lines.end();
  return { maxStateDepth, maxOperandDepth, mayDrawLines: lines.mayDrawLines };
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
