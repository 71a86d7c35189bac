// The public API: read documents, load a rule set, audit, format. The CLI, the service and batch all go through it.
export { audit, auditFiles, readPlan, VERSION, type AuditFiles, type AuditRunOptions, type InputFile, type ReadOptions } from "./audit.ts";
export { loadRuleSet, parseRuleSet, listRuleSets, RULES_DIR } from "./config/loader.ts";
export { DEFAULT_GRADES, type GradeBands, type LoadedRule, type LoadedRuleSet } from "./config/rule-set.ts";
export { formatReport, isReportFormat, REPORT_FORMATS, type ReportFormat } from "./report/formatters/index.ts";
export { reportProblems, reportSchema } from "./report/validate.ts";
export { isProblemError, ProblemError, type Problem, type ProblemCode, type RuleSetIssue } from "./model/problem.ts";
export type { AuditInputs } from "./rules/types.ts";
export type * from "./model/report.ts";
export type { EhcpDocument } from "./model/document.ts";
