// The kernel: runs one rule over the inputs and turns what it reported into a CheckResult. No I/O.
import type { Block, EhcpDocument, SectionId } from "../model/document.ts";
import type { CheckResult, Finding, FindingLocation, Severity } from "../model/report.ts";
import type { AuditInputs, ReportedFinding, RuleModule, RuleSettings } from "./types.ts";

/** A rule as the rule set configures it, after defaults are applied and options validated. */
export interface RuleConfig {
  severity: Severity;
  weight: number;
  critical: boolean;
  options: Record<string, unknown>;
  scope: SectionId[] | null;
  /** Overrides of meta.title / meta.source (declarative rules carry their own). */
  title?: string;
  source?: string;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Fill "{{name}}" placeholders from data; unknown placeholders are left as they are. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

function documentFor(inputs: AuditInputs, which: ReportedFinding["document"]): EhcpDocument[] {
  switch (which) {
    case "draft":
      return inputs.draft ? [inputs.draft] : [];
    case "response":
      return inputs.responses;
    case "advice":
      return inputs.advice;
    default:
      return [inputs.plan];
  }
}

function locate(inputs: AuditInputs, reported: ReportedFinding): FindingLocation {
  if (reported.location) return reported.location;
  if (!reported.blockId) return {};
  let block: Block | undefined;
  for (const doc of documentFor(inputs, reported.document)) {
    block = doc.blocks.find((candidate) => candidate.id === reported.blockId);
    if (block) break;
  }
  if (!block) return { block: reported.blockId };
  return { block: block.id, ...block.location };
}

const foldWhiteSpace = (text: string): string => text.replace(/\s+/g, " ").trim();

export function runRule(rule: RuleModule, inputs: AuditInputs, config: RuleConfig, settings: RuleSettings): CheckResult {
  const findings: Finding[] = [];
  const outcome =
    rule.check({
      inputs,
      plan: inputs.plan,
      options: config.options,
      scope: config.scope,
      settings,
      report(reported) {
        const template = rule.meta.messages[reported.messageId];
        if (template === undefined) throw new Error(`Rule ${rule.meta.id} reported unknown messageId "${reported.messageId}"`);
        const wanted = reported.severity ?? config.severity;
        // The rule set's severity is a ceiling: an LA that sets a rule to "warning" never gets errors from it.
        const severity = SEVERITY_RANK[wanted] <= SEVERITY_RANK[config.severity] ? wanted : config.severity;
        const finding: Finding = {
          severity,
          message: formatMessage(template, reported.data),
          section: reported.section,
          excerpt: foldWhiteSpace(reported.excerpt ?? ""),
          suggestion: reported.suggestion ?? "",
          location: locate(inputs, reported),
        };
        if (reported.document && reported.document !== "plan") finding.document = reported.document;
        if (reported.correction) finding.correction = reported.correction;
        findings.push(finding);
      },
    }) ?? {};

  const base = {
    id: rule.meta.id,
    category: rule.meta.category,
    title: config.title ?? rule.meta.title,
    weight: config.weight,
    critical: config.critical,
    source: config.source ?? rule.meta.source,
  };
  if (outcome.notApplicable !== undefined) {
    return { ...base, status: "not-applicable", score: 0, note: outcome.notApplicable, findings };
  }
  const status = findings.some((f) => f.severity === "error")
    ? "fail"
    : findings.some((f) => f.severity === "warning")
      ? "warning"
      : "pass";
  const derived = status === "fail" ? 0 : status === "warning" ? 0.5 : 1;
  const score = Math.min(1, Math.max(0, outcome.score ?? derived));
  const result: CheckResult = { ...base, status, score, findings };
  if (outcome.note !== undefined) result.note = outcome.note;
  return result;
}
