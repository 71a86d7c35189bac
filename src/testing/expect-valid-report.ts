// Every report a test produces goes through this: the published schema and the contract's cross-field rules.
import { expect } from "vitest";
import type { AuditReport } from "../model/report.ts";
import { reportProblems } from "../report/validate.ts";

export function expectValidReport(report: unknown): asserts report is AuditReport {
  expect(reportProblems(report), "the report breaks its published schema").toEqual([]);
}
