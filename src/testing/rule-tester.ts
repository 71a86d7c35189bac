// ESLint-style rule tester: `ruleTester(rule).run({ valid: [...], invalid: [...] })` defines vitest cases.
// Each case runs through the real kernel (runRule) with the rule's default options merged with the case's,
// after validating them against the rule's options schema, so a test can never use options a rule set could not.
import { describe, expect, it } from "vitest";
import type { EhcpDocument, SectionId } from "../model/document.ts";
import type { CheckResult, CheckStatus, Finding, Severity } from "../model/report.ts";
import { validateAgainst } from "../config/ajv.ts";
import { mergeSettings } from "../config/merge.ts";
import { checkRuleMeta } from "../rules/registry.ts";
import { runRule, type RuleConfig } from "../rules/run-rule.ts";
import type { AuditInputs, RuleModule, RuleSettings } from "../rules/types.ts";

/** "Today" for rule tests unless a case says otherwise, so results never depend on the day tests run. */
export const DEFAULT_TEST_AUDIT_DATE = "2025-09-01";

interface CaseBase {
  name: string;
  /** The plan alone... */
  doc?: EhcpDocument;
  /** ...or the full inputs (responses and advice default to none). */
  inputs?: { plan: EhcpDocument } & Partial<Omit<AuditInputs, "plan">>;
  /** Merged onto the rule's defaultOptions the way a rule set's options are (`"key+"` appends to a list). */
  options?: Record<string, unknown>;
  scope?: SectionId[] | null;
  /** The configured severity (defaults to meta.defaultSeverity). */
  severity?: Severity;
  settings?: Partial<RuleSettings>;
  /** Expected check status. Valid cases default to "pass"; say "not-applicable" explicitly when that is meant. */
  status?: CheckStatus;
  /** Substring the check's note must contain. */
  note?: string;
  /** Expected check score (0..1), compared to 3 decimals. */
  score?: number;
}

export interface ValidCase extends CaseBase {}

export interface ExpectedFinding {
  messageId?: string;
  section?: SectionId | null;
  /** Substring of the reported excerpt; "" asserts the excerpt is empty. */
  excerpt?: string;
  /** Substring of the formatted message. */
  message?: string;
  /** Substring of the suggestion. */
  suggestion?: string;
  severity?: Severity;
  document?: Finding["document"];
}

export interface InvalidCase extends CaseBase {
  /** Every finding the rule must report, in order; the count must match exactly. */
  findings: ExpectedFinding[];
}

export interface RuleTestCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

/** A finding as the kernel produced it, with the message id the rule reported it under. */
export interface TestedFinding extends Finding {
  messageId: string;
}

export interface TestedCheck extends Omit<CheckResult, "findings"> {
  findings: TestedFinding[];
}

/** Run one case through the kernel; throws when the case's options do not satisfy the rule's schema. */
export function runRuleCase(rule: RuleModule, testCase: CaseBase): TestedCheck {
  const inputs = caseInputs(testCase);
  const options = mergeSettings(rule.meta.defaultOptions, testCase.options ?? {});
  const problems = validateAgainst(rule.meta.optionsSchema, options);
  if (problems.length > 0) {
    throw new Error(`Case "${testCase.name}" gives options the rule's schema refuses: ${problems.map((p) => `options${p.pointer} ${p.message}`).join("; ")}`);
  }
  const config: RuleConfig = {
    severity: testCase.severity ?? rule.meta.defaultSeverity,
    weight: rule.meta.defaultWeight,
    critical: rule.meta.defaultCritical ?? false,
    options,
    scope: testCase.scope ?? null,
  };
  const settings: RuleSettings = { auditDate: DEFAULT_TEST_AUDIT_DATE, ...testCase.settings };
  // Capture message ids by wrapping `report`: the kernel emits findings in the same order it is called.
  const messageIds: string[] = [];
  const spy: RuleModule = {
    meta: rule.meta,
    check: (context) =>
      rule.check({
        ...context,
        report(finding) {
          messageIds.push(finding.messageId);
          context.report(finding);
        },
      }),
  };
  const result = runRule(spy, inputs, config, settings);
  return { ...result, findings: result.findings.map((finding, i) => ({ ...finding, messageId: messageIds[i] ?? "" })) };
}

function caseInputs(testCase: CaseBase): AuditInputs {
  if (testCase.inputs) return { responses: [], advice: [], ...testCase.inputs };
  if (testCase.doc) return { plan: testCase.doc, responses: [], advice: [] };
  throw new Error(`Case "${testCase.name}" needs either "doc" or "inputs"`);
}

const describeFinding = (f: TestedFinding): string =>
  `[${f.messageId}] ${f.severity} ${f.section ?? "-"}: ${f.message}${f.excerpt ? ` — "${f.excerpt}"` : ""}`;

function expectCheckLevel(check: TestedCheck, testCase: CaseBase): void {
  if (testCase.note !== undefined) expect(check.note ?? "", "check note").toContain(testCase.note);
  if (testCase.score !== undefined) expect(check.score, "check score").toBeCloseTo(testCase.score, 3);
}

function expectFinding(actual: TestedFinding, wanted: ExpectedFinding, index: number): void {
  const label = `finding ${index + 1} (${describeFinding(actual)})`;
  if (wanted.messageId !== undefined) expect(actual.messageId, `${label}: messageId`).toBe(wanted.messageId);
  if (wanted.section !== undefined) expect(actual.section, `${label}: section`).toBe(wanted.section);
  if (wanted.severity !== undefined) expect(actual.severity, `${label}: severity`).toBe(wanted.severity);
  if (wanted.document !== undefined) expect(actual.document ?? "plan", `${label}: document`).toBe(wanted.document);
  if (wanted.excerpt !== undefined) {
    if (wanted.excerpt === "") expect(actual.excerpt, `${label}: excerpt`).toBe("");
    else expect(actual.excerpt, `${label}: excerpt`).toContain(wanted.excerpt);
  }
  if (wanted.message !== undefined) expect(actual.message, `${label}: message`).toContain(wanted.message);
  if (wanted.suggestion !== undefined) expect(actual.suggestion, `${label}: suggestion`).toContain(wanted.suggestion);
}

export interface RuleTester {
  run(cases: RuleTestCases): void;
}

/** Define a vitest suite for `rule`: its meta, then every valid and invalid case. */
export function ruleTester(rule: RuleModule): RuleTester {
  return {
    run(cases) {
      describe(`rule ${rule.meta.id}`, () => {
        it("has a sound meta (id, category, source, messages, options schema and defaults)", () => {
          expect(checkRuleMeta(rule)).toEqual([]);
        });
        if (cases.valid.length + cases.invalid.length === 0) {
          it("has test cases", () => expect.fail("a rule needs at least one valid or invalid case"));
        }
        describe("valid", () => {
          for (const testCase of cases.valid) {
            it(testCase.name, () => {
              const check = runRuleCase(rule, testCase);
              expect(check.findings.map(describeFinding), "no findings expected").toEqual([]);
              expect(check.status, "check status").toBe(testCase.status ?? "pass");
              expectCheckLevel(check, testCase);
            });
          }
        });
        describe("invalid", () => {
          for (const testCase of cases.invalid) {
            it(testCase.name, () => {
              if (testCase.findings.length === 0) expect.fail("an invalid case must list at least one expected finding");
              const check = runRuleCase(rule, testCase);
              expect(check.findings.length, `number of findings; got:\n${check.findings.map(describeFinding).join("\n")}`).toBe(testCase.findings.length);
              testCase.findings.forEach((wanted, i) => expectFinding(check.findings[i]!, wanted, i));
              if (testCase.status !== undefined) expect(check.status, "check status").toBe(testCase.status);
              expectCheckLevel(check, testCase);
            });
          }
        });
      });
    },
  };
}
