// A page's drawing read straight from its content stream, as the part of pdf.js's operator list the reader uses:
// saved and restored states, transformations, RGB and grey colours, and each painted path's paint operator and
// bounding box (text-marks.ts and ruled-tables.ts read nothing else). pdf.js's own operator list also carries the
// text, glyph by glyph, and costs about a third of reading the page's text again; a page whose drawing is plain is
// read here instead, with pdf.js's own arithmetic (its number parsing, its colour conversion to 0-255, its
// single-precision bounding boxes), so the list is the same. Anything else (a form or image, another colour space,
// a curve, an operator or operand out of the ordinary, or a path pdf.js would merge with its transformation) makes
// the page's drawing not plain: null, and pdf.js reads it.
import { afterLiteralString, BYTE_CLASS, DELIMITER, WHITE } from "./content-census.ts";

/** pdf.js's operator ids for what a page's drawing is given as. */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  setStrokeRGBColor: number;
  setFillRGBColor: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  endPath: number;
}

export interface Drawing {
  fnArray: number[];
  argsArray: unknown[];
}

const PAINTS: Record<string, keyof PathOps> = {
  S: "stroke",
  s: "closeStroke",
  f: "fill",
  F: "fill",
  "f*": "eoFill",
  B: "fillStroke",
  "B*": "eoFillStroke",
  b: "closeFillStroke",
  "b*": "closeEOFillStroke",
  n: "endPath",
};
/** Paint operators that close the path first (pdf.js adds the close to the path). */
const CLOSING = new Set(["s", "b", "b*"]);
/**
 * Operators that add nothing the reader uses and that pdf.js may leave out of its list (a path's pieces, a clip,
 * marked content, text shown without a font, a line width or dash it finds odd).
 */
const MAYBE_SILENT = new Set(["m", "l", "re", "h", "W", "W*", "BX", "EX", "MP", "DP", "BMC", "BDC", "EMC", "Tj", "TJ", "'", '"', "w", "d"]);
/** Operators pdf.js always puts in its list (given their operands), and that add nothing the reader uses. */
const LISTED = new Map(
  Object.entries({ J: 1, j: 1, M: 1, ri: 1, i: 1, BT: 0, ET: 0, Tc: 1, Tw: 1, Tz: 1, TL: 1, Tf: 2, Tr: 1, Ts: 1, Td: 2, TD: 2, Tm: 6, "T*": 0 }),
);
/** A valid operator has at most six operands (cm); pdf.js refuses more than 33. */
const MAX_OPERANDS = 6;

const HEX = Array.from({ length: 256 }, (_, value) => value.toString(16).padStart(2, "0"));

/** "#rrggbb" as pdf.js writes a colour: each component times 255, rounded and clamped as a Uint8ClampedArray does. */
function hexColour(components: readonly number[]): string {
  const rgb = new Uint8ClampedArray(3);
  for (let i = 0; i < 3; i++) rgb[i] = components[components.length === 1 ? 0 : i]! * 255;
  return `#${HEX[rgb[0]!]}${HEX[rgb[1]!]}${HEX[rgb[2]!]}`;
}

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/** A number token as pdf.js's lexer reads it (digits accumulated, then divided by the power of ten); NaN if odd. */
function pdfNumber(token: string): number {
  if (!PLAIN_NUMBER.test(token)) return Number.NaN;
  let at = 0;
  let sign = 1;
  if (token[0] === "-") [sign, at] = [-1, 1];
  else if (token[0] === "+") at = 1;
  let divideBy = 0;
  if (token[at] === ".") [divideBy, at] = [10, at + 1];
  let value = token.charCodeAt(at++) - 0x30;
  for (; at < token.length; at++) {
    if (token[at] === ".") divideBy = 1;
    else {
      if (divideBy !== 0) divideBy *= 10;
      value = value * 10 + token.charCodeAt(at) - 0x30;
    }
  }
  // Past 2^53 the digits are no longer summed exactly, and the result might not be pdf.js's.
  if (value > Number.MAX_SAFE_INTEGER) return Number.NaN;
  return sign * (divideBy !== 0 ? value / divideBy : value);
}

/** The drawing of one content stream (a page's only one) as pdf.js would list it, or null when it is not plain. */
export function drawingOf(content: Uint8Array, ops: PathOps): Drawing | null {
  const fnArray: number[] = [];
  const argsArray: unknown[] = [];
  const emit = (fn: number, args: unknown): void => {
    fnArray.push(fn);
    argsArray.push(args);
  };
  // The operands since the last operator: numbers, NaN for any other kind.
  const operands: number[] = [];
  let depth = 0;
  // The current path: how many pieces pdf.js has for it, and its bounding box as pdf.js keeps it.
  let pieces = 0;
  let box = new Float32Array([Infinity, Infinity, -Infinity, -Infinity]);
  // The operators pdf.js surely lists, the last three: save, transform, path, restore in a row is a pattern pdf.js
  // merges into one path (the box then transformed), which is left to pdf.js.
  const listed: string[] = [];
  const list = (kind: string): void => {
    listed.push(kind);
    if (listed.length > 3) listed.shift();
  };
  const numbers = (count: number): number[] | null => (operands.length === count && operands.every(Number.isFinite) ? operands : null);

  const operator = (name: string): boolean => {
    if (name === "q" || name === "Q") {
      if (operands.length > 0 || pieces > 0) return false;
      if (name === "Q" && listed.join() === "save,transform,path") return false;
      emit(name === "q" ? ops.save : ops.restore, null);
      list(name === "q" ? "save" : "restore");
      return true;
    }
    if (name === "cm") {
      const matrix = numbers(6);
      if (!matrix) return false;
      emit(ops.transform, [...matrix]);
      list("transform");
      return true;
    }
    if (name === "re" || name === "m" || name === "l") {
      const values = numbers(name === "re" ? 4 : 2);
      if (!values) return false;
      const [x, y] = values as [number, number];
      const [x1, y1] = name === "re" ? [x + values[2]!, y + values[3]!] : [x, y];
      box[0] = Math.min(box[0]!, x, x1);
      box[1] = Math.min(box[1]!, y, y1);
      box[2] = Math.max(box[2]!, x, x1);
      box[3] = Math.max(box[3]!, y, y1);
      pieces++;
      return true;
    }
    if (name === "h") {
      if (operands.length > 0) return false;
      pieces++;
      return true;
    }
    const paint = PAINTS[name];
    if (paint !== undefined) {
      if (operands.length > 0) return false;
      if (CLOSING.has(name)) pieces++;
      emit(ops.constructPath, [ops[paint], [null], pieces === 0 ? null : box.slice()]);
      pieces = 0;
      box = new Float32Array([Infinity, Infinity, -Infinity, -Infinity]);
      list("path");
      return true;
    }
    if (name === "RG" || name === "rg" || name === "G" || name === "g") {
      const components = numbers(name.toLowerCase() === "rg" ? 3 : 1);
      if (!components) return false;
      emit(name === "RG" || name === "G" ? ops.setStrokeRGBColor : ops.setFillRGBColor, [hexColour(components)]);
      list("other");
      return true;
    }
    const operandCount = LISTED.get(name);
    if (operandCount !== undefined) {
      list("other");
      return operands.length === operandCount;
    }
    return MAYBE_SILENT.has(name);
  };

  let index = 0;
  const length = content.length;
  while (index < length) {
    const byte = content[index]!;
    const byteClass = BYTE_CLASS[byte];
    if (byteClass === WHITE) {
      index++;
    } else if (byteClass !== DELIMITER) {
      const start = index;
      while (index < length && BYTE_CLASS[content[index]!] === 0) index++;
      if (depth > 0) continue;
      const token = String.fromCharCode(...content.subarray(start, index));
      const first = token.charCodeAt(0);
      if ((first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e) operands.push(pdfNumber(token));
      else if (token === "true" || token === "false" || token === "null") operands.push(Number.NaN);
      else if (!operator(token)) return null;
      else operands.length = 0;
      if (operands.length > MAX_OPERANDS) return null;
    } else if (byte === 0x25 /* % */) {
      while (index < length && content[index] !== 0x0a && content[index] !== 0x0d) index++;
    } else if (byte === 0x28 /* ( */) {
      index = afterLiteralString(content, index);
      if (depth === 0) operands.push(Number.NaN);
    } else if (byte === 0x5b /* [ */ || (byte === 0x3c && content[index + 1] === 0x3c) /* << */) {
      depth++;
      index += byte === 0x5b ? 1 : 2;
    } else if (byte === 0x5d /* ] */ || (byte === 0x3e && content[index + 1] === 0x3e) /* >> */) {
      if (depth === 0) return null;
      depth--;
      index += byte === 0x5d ? 1 : 2;
      if (depth === 0) operands.push(Number.NaN);
    } else if (byte === 0x3c /* < hex string */) {
      while (index < length && content[index] !== 0x3e) index++;
      index++;
      if (depth === 0) operands.push(Number.NaN);
    } else if (byte === 0x2f /* / name */) {
      index++;
      while (index < length && BYTE_CLASS[content[index]!] === 0) index++;
      if (depth === 0) operands.push(Number.NaN);
    } else {
      return null;
    }
    if (operands.length > MAX_OPERANDS) return null;
  }
  return depth === 0 ? { fnArray, argsArray } : null;
}
