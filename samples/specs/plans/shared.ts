// Small helpers shared by the plan specs: the provision ground-truth labels and a provision table builder.
import type { Expectations, SpecBlock, SpecText } from "../../spec.ts";

export const SPECIFIC: Expectations = { provision: "specific" };
export const VAGUE: Expectations = { provision: "vague" };
export const NOT_PROVISION = { notProvision: true } as const;

/** A provision table: each row is its cells and whether, read as a whole, it is specific. */
export function provisionTable(header: string[], rows: [SpecText[], Expectations][], widths?: number[]): SpecBlock {
  return {
    table: {
      header,
      rows: rows.map(([cells]) => cells),
      expect: rows.map(([, expectation]) => expectation),
      ...(widths ? { widths } : {}),
    },
  };
}
