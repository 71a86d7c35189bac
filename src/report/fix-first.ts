// "Fix these first": the findings that matter most, so a QA officer with 40 findings knows where to start.
// Importance = severity × the check's weight × the statutory importance of its category (× 1.5 for a critical check).
import { STATUTORY_CATEGORIES } from "../config/rule-set.ts";
import { SECTION_IDS } from "../model/document.ts";
import type { CheckResult, Finding, FixFirstItem, Severity } from "../model/report.ts";

const SEVERITY_WEIGHT: Record<Severity, number> = { error: 3, warning: 1, info: 0 };
/** Several findings of one check are usually one problem: at most this many of them in the list. */
const PER_CHECK = 2;
export const FIX_FIRST_COUNT = 5;

/** Document order of a finding: section order, then the block's position ("b12" -> 12); absent things last in their section. */
export function planOrder(finding: Finding): number {
  const section = finding.section === null ? -1 : SECTION_IDS.indexOf(finding.section);
  const block = Number(finding.location.block?.slice(1));
  return (section + 1) * 1e6 + (Number.isFinite(block) ? block : 999_999);
}

export function importance(finding: Finding, check: CheckResult): number {
  const statutory = STATUTORY_CATEGORIES.includes(check.category) ? 2 : 1;
  return SEVERITY_WEIGHT[finding.severity] * Math.max(check.weight, 0.5) * statutory * (check.critical ? 1.5 : 1);
}

/** The most important findings (notes never), most important first, ties in plan order. */
export function fixFirst(checks: readonly CheckResult[], count = FIX_FIRST_COUNT): FixFirstItem[] {
  const ranked = checks
    .flatMap((check) => check.findings.map((finding) => ({ check, finding, importance: importance(finding, check) })))
    .filter((item) => item.importance > 0 && item.finding.id !== undefined)
    .sort((a, b) => b.importance - a.importance || planOrder(a.finding) - planOrder(b.finding));
  const taken = new Map<string, number>();
  const items: FixFirstItem[] = [];
  for (const { check, finding, importance: value } of ranked) {
    if (items.length === count) break;
    const already = taken.get(check.id) ?? 0;
    if (already >= PER_CHECK) continue;
    taken.set(check.id, already + 1);
    items.push({
      findingId: finding.id!,
      check: check.id,
      severity: finding.severity,
      message: finding.message,
      section: finding.section,
      place: finding.location.description ?? "",
      importance: Math.round(value * 100) / 100,
    });
  }
  return items;
}
