// A page's drawing read straight from its content stream, as the part of pdf.js's operator list the reader uses:
// saved and restored states, transformations, RGB and grey colours, and each painted path's paint operator and
// bounding box (text-marks.ts and ruled-tables.ts read nothing else). pdf.js's own operator list also carries the
// text, glyph by glyph, and costs about a third of reading the page's text again; a page whose drawing is plain is
// read here instead, with pdf.js's own arithmetic (its number parsing, its colour conversion to 0-255, its
// single-precision bounding boxes), so the list is the same. Anything else (a form or image, another colour space,
// a curve, an operator or operand out of the ordinary, or a path pdf.js would merge with its transformation) makes
// the page's drawing not plain: null, and pdf.js reads it.
import { scanContent } from "./content-census.ts";
import type { DrawingOps } from "./text-marks.ts";

/** pdf.js's operator ids for what a page's drawing is given as: those the rules are read from, and the other ends of a path. */
export interface PathOps extends DrawingOps {
  closeFillStroke: number;
  closeEOFillStroke: number;
  endPath: number;
}

export interface Drawing {
  fnArray: number[];
  argsArray: unknown[];
}

/** What an operator does to the list, as far as the reader is concerned. */
type OperatorRole =
  | { role: "save" | "restore" | "transform" | "close" }
  /** A path's piece (m, l: one point; re: a rectangle). */
  | { role: "piece"; operands: 2 | 4 }
  | { role: "paint"; paint: keyof PathOps; closes: boolean }
  | { role: "colour"; stroke: boolean; components: 1 | 3 }
  /** pdf.js always lists it (given its operands), and it adds nothing the reader uses. */
  | { role: "listed"; operands: number }
  /** It adds nothing the reader uses, and pdf.js may leave it out of its list. */
  | { role: "silent" };

const paint = (name: keyof PathOps, closes = false): OperatorRole => ({ role: "paint", paint: name, closes });
const listedWith = (operands: number): OperatorRole => ({ role: "listed", operands });
const SILENT: OperatorRole = { role: "silent" };

/**
 * The operators a plain page draws with. Silent ones: a clip (drawn as part of the path), marked content, text
 * shown without a font, and a line width or dash pdf.js finds odd are left out of pdf.js's list.
 */
const OPERATORS = new Map<string, OperatorRole>(
  Object.entries({
    q: { role: "save" },
    Q: { role: "restore" },
    cm: { role: "transform" },
    h: { role: "close" },
    m: { role: "piece", operands: 2 },
    l: { role: "piece", operands: 2 },
    re: { role: "piece", operands: 4 },
    S: paint("stroke"),
    s: paint("closeStroke", true),
    f: paint("fill"),
    F: paint("fill"),
    "f*": paint("eoFill"),
    B: paint("fillStroke"),
    "B*": paint("eoFillStroke"),
    b: paint("closeFillStroke", true),
    "b*": paint("closeEOFillStroke", true),
    n: paint("endPath"),
    RG: { role: "colour", stroke: true, components: 3 },
    rg: { role: "colour", stroke: false, components: 3 },
    G: { role: "colour", stroke: true, components: 1 },
    g: { role: "colour", stroke: false, components: 1 },
    ...Object.fromEntries(["W", "W*", "BX", "EX", "MP", "DP", "BMC", "BDC", "EMC", "Tj", "TJ", "'", '"', "w", "d"].map((name) => [name, SILENT])),
    ...Object.fromEntries(Object.entries({ J: 1, j: 1, M: 1, ri: 1, i: 1, BT: 0, ET: 0, Tc: 1, Tw: 1, Tz: 1, TL: 1, Tf: 2, Tr: 1, Ts: 1, Td: 2, TD: 2, Tm: 6, "T*": 0 }).map(([name, count]) => [name, listedWith(count)])),
  }) as [string, OperatorRole][],
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

const isDigit = (byte: number): boolean => byte >= 0x30 && byte <= 0x39;

/**
 * The number written in content[start, end) as pdf.js's lexer reads it (the digits summed, then divided by the
 * power of ten); NaN for anything but a plain decimal (pdf.js reads some odd forms its own way).
 */
function pdfNumber(content: Uint8Array, start: number, end: number): number {
  let at = start;
  let sign = 1;
  if (content[at] === 0x2d /* - */) [sign, at] = [-1, at + 1];
  else if (content[at] === 0x2b /* + */) at++;
  let divideBy = 0;
  let value = 0;
  let digits = 0;
  for (; at < end; at++) {
    const byte = content[at]!;
    if (byte === 0x2e /* . */) {
      if (divideBy !== 0) return Number.NaN;
      // A leading point: pdf.js starts at ten, the first digit not counted.
      divideBy = digits === 0 ? 10 : 1;
      if (digits === 0) {
        if (at + 1 >= end || !isDigit(content[at + 1]!)) return Number.NaN;
        value = content[++at]! - 0x30;
        digits++;
      }
    } else if (isDigit(byte)) {
      if (divideBy !== 0) divideBy *= 10;
      value = value * 10 + byte - 0x30;
      digits++;
    } else return Number.NaN;
  }
  // Past 2^53 the digits are no longer summed exactly, and the result might not be pdf.js's.
  if (digits === 0 || value > Number.MAX_SAFE_INTEGER) return Number.NaN;
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
  // The operands since the last operator, as [start, end) in the content (start -1 for one that is not a number),
  // read as numbers only by an operator that uses them.
  const starts = new Int32Array(MAX_OPERANDS + 1);
  const ends = new Int32Array(MAX_OPERANDS + 1);
  let operandCount = 0;
  const operand = (start: number, end: number): void => {
    starts[operandCount] = start;
    ends[operandCount] = end;
    operandCount++;
  };
  let depth = 0;
  // The current path: how many pieces pdf.js has for it, and its bounding box as pdf.js keeps it.
  let pieces = 0;
  let box = new Float32Array([Infinity, Infinity, -Infinity, -Infinity]);
  // What pdf.js surely lists last (and before that): save, transform, path, restore in a row is a pattern pdf.js
  // merges into one path (the box then transformed), which is left to pdf.js.
  let [thirdLast, secondLast, last] = ["", "", ""];
  const list = (kind: string): void => {
    [thirdLast, secondLast, last] = [secondLast, last, kind];
  };
  const numbers = (count: number): number[] | null => {
    if (operandCount !== count) return null;
    const values: number[] = [];
    for (let i = 0; i < count; i++) {
      const value = starts[i]! < 0 ? Number.NaN : pdfNumber(content, starts[i]!, ends[i]!);
      if (!Number.isFinite(value)) return null;
      values.push(value);
    }
    return values;
  };

  /** Follows one operator; false when the page's drawing is not plain. */
  const operator = (name: string): boolean => {
    const role = OPERATORS.get(name);
    if (role === undefined) return false;
    switch (role.role) {
      case "save":
      case "restore":
        if (operandCount > 0 || pieces > 0) return false;
        if (role.role === "restore" && thirdLast === "save" && secondLast === "transform" && last === "path") return false;
        emit(role.role === "save" ? ops.save : ops.restore, null);
        list(role.role);
        return true;
      case "transform": {
        const matrix = numbers(6);
        if (!matrix) return false;
        emit(ops.transform, matrix);
        list("transform");
        return true;
      }
      case "piece": {
        const values = numbers(role.operands);
        if (!values) return false;
        const [x, y] = values as [number, number];
        const [x1, y1] = role.operands === 4 ? [x + values[2]!, y + values[3]!] : [x, y];
        box[0] = Math.min(box[0]!, x, x1);
        box[1] = Math.min(box[1]!, y, y1);
        box[2] = Math.max(box[2]!, x, x1);
        box[3] = Math.max(box[3]!, y, y1);
        pieces++;
        return true;
      }
      case "close":
        if (operandCount > 0) return false;
        pieces++;
        return true;
      case "paint":
        if (operandCount > 0) return false;
        if (role.closes) pieces++;
        emit(ops.constructPath, [ops[role.paint], [null], pieces === 0 ? null : box.slice()]);
        pieces = 0;
        box = new Float32Array([Infinity, Infinity, -Infinity, -Infinity]);
        list("path");
        return true;
      case "colour": {
        const components = numbers(role.components);
        if (!components) return false;
        emit(role.stroke ? ops.setStrokeRGBColor : ops.setFillRGBColor, [hexColour(components)]);
        list("other");
        return true;
      }
      case "listed":
        list("other");
        return operandCount === role.operands;
      case "silent":
        return true;
    }
  };

  const read = scanContent(content, (kind, start, end) => {
    switch (kind) {
      case "word": {
        if (depth > 0) return;
        const byte = content[start]!;
        if (isDigit(byte) || byte === 0x2b || byte === 0x2d || byte === 0x2e) operand(start, end);
        else {
          // Operators have at most three letters; true, false and null are operands.
          const size = end - start;
          const token = size === 1 ? String.fromCharCode(byte) : size === 2 ? String.fromCharCode(byte, content[start + 1]!) : size <= 5 ? String.fromCharCode(...content.subarray(start, end)) : "";
          if (token === "true" || token === "false" || token === "null") operand(-1, -1);
          else if (!operator(token)) return false;
          else operandCount = 0;
        }
        break;
      }
      case "open":
        depth++;
        break;
      case "close":
        if (depth === 0) return false;
        depth--;
        if (depth === 0) operand(-1, -1);
        break;
      case "string":
      case "hex":
      case "name":
        if (depth === 0) operand(-1, -1);
        break;
      case "other":
        return false;
    }
    return operandCount <= MAX_OPERANDS;
  });
  if (!read) return null;
  return depth === 0 ? { fnArray, argsArray } : null;
}
