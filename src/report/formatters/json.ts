// The JSON report exactly as the contract (src/report/report.schema.json) describes it.
import type { AuditReport } from "../../model/report.ts";

export const formatJson = (report: AuditReport): string => `${JSON.stringify(report, null, 2)}\n`;
