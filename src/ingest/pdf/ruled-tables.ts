// A page's ruled tables, found as pdf-parse's getTable() finds them and with its own geometry helpers (LineStore
// joins the stroked lines and rectangles into grids, TableData places text in cells), but from the operator list
// and text items the reader already has: getTable() would have pdf.js extract the page's text again.
import { Line, LineStore, Point, Rectangle } from "pdf-parse";
import { OPS, Util } from "pdfjs-dist/legacy/build/pdf.mjs";

/** The part of a pdf.js text item a table cell is filled from. */
export interface CellTextItem {
  str: string;
  transform: number[];
  hasEOL: boolean;
}

/** What one page gives the table finder: its drawing, its text items, and the page's viewport transform. */
export interface TableSource {
  operators: { fnArray: readonly number[]; argsArray: readonly unknown[] };
  textItems: readonly CellTextItem[];
  /** The viewport's transform at scale 1 (PDF user space to the page as shown, y downwards). */
  viewportTransform: number[];
}

/** Shorter than this (in points) either way, a stroked path is neither a border line nor a cell's rectangle. */
const MIN_BORDER_LENGTH = 5;

/** Each ruled table of the page as rows of cell texts (a cell's lines joined by "\n"), in getTable()'s order. */
export function ruledTables({ operators, textItems, viewportTransform }: TableSource): string[][][] {
  const store = bordersOf(operators, viewportTransform);
  store.normalize();
  const tables = store.getTableData();
  if (tables.length === 0) return [];
  for (const item of textItems) {
    // The item's start in the page as shown (the same sums as getTable(), so a cell edge falls the same way).
    const at = Util.transform(Util.transform(viewportTransform, item.transform), [1, 0, 0, -1, 0, 0]);
    for (const table of tables) {
      const cell = table.findCell(at[4]!, at[5]!);
      if (cell) {
        cell.text.push(item.str);
        if (item.hasEOL) cell.text.push("\n");
        break;
      }
    }
  }
  return tables.map((table) => table.toArray());
}

/** The stroked lines and rectangles of the page (table borders, among other lines), as getTable() collects them. */
function bordersOf({ fnArray, argsArray }: TableSource["operators"], viewportTransform: number[]): LineStore {
  const store = new LineStore();
  const stack: number[][] = [];
  let matrix = [1, 0, 0, 1, 0, 0];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null | undefined;
    if (fn === OPS.constructPath) {
      if ((args?.[0] ?? 0) !== OPS.stroke) continue;
      const box = (args?.[2] ?? [Infinity, Infinity, -Infinity, -Infinity]) as ArrayLike<number>;
      if (box[0] === Infinity) continue;
      const [width, height] = [box[2]! - box[0]!, box[3]! - box[1]!];
      if (width > MIN_BORDER_LENGTH && height > MIN_BORDER_LENGTH) {
        store.addRectangle(new Rectangle(new Point(box[0]!, box[1]!), width, height).transform(matrix).transform(viewportTransform));
      } else if ((width > MIN_BORDER_LENGTH && height === 0) || (width === 0 && height > MIN_BORDER_LENGTH)) {
        store.add(new Line(new Point(box[0]!, box[1]!), new Point(box[2]!, box[3]!)).transform(matrix).transform(viewportTransform));
      }
    } else if (fn === OPS.save) {
      stack.push(matrix);
    } else if (fn === OPS.restore) {
      matrix = stack.pop() ?? matrix;
    } else if (fn === OPS.transform) {
      matrix = Util.transform(matrix, args as number[]);
    }
  }
  return store;
}
