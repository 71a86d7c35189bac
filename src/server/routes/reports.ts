// POST /api/reports/format: a JSON report (one this service or the CLI made) in, the same report in another format
// out. The web page uses it to offer the HTML report for download without sending the plan again.
import { Router } from "express";
import { reportProblems, type AuditReport } from "../../index.ts";
import type { ServiceLimits } from "../config.ts";
import { methodNotAllowed, ServiceProblem } from "../problems.ts";
import { requestedFormat, sendReport } from "../report-response.ts";
import { jsonBody, jsonParser } from "./rulesets.ts";

export function reportsRouter(deps: { limits: ServiceLimits }): Router {
  const router = Router();
  router.post("/api/reports/format", jsonParser(deps.limits), async (req, res) => {
    const format = requestedFormat(req);
    const report = jsonBody(req, "the report");
    const problems = reportProblems(report);
    if (problems.length > 0) {
      throw new ServiceProblem("BAD_REQUEST", `This is not an ehcp-qa report (schema version 1): ${problems.slice(0, 3).join("; ")}${problems.length > 3 ? `; and ${problems.length - 3} more` : ""}.`);
    }
    await sendReport(res, report as AuditReport, format);
  });
  router.all("/api/reports/format", methodNotAllowed(["POST"]));
  return router;
}
