// GET /rules and /rules/<id>: every rule's page, made from its meta and the rule set's settings for it (?ruleset=,
// default "default"). HTML for people: a finding in the report links here. An unknown id answers 404 with the nearest
// id; an unknown rule set answers 404 naming the ones there are.
import { Router, type Request, type Response } from "express";
import { isProblemError, type LoadedRuleSet } from "../../index.ts";
import { findRule, ruleIndexHtml, rulePage, rulePageHtml, unknownRuleHtml } from "../../report/rule-page.ts";
import { HTML_REPORT_CSP } from "../report-response.ts";
import type { RuleSetCatalog } from "../rule-sets.ts";
import { DEFAULT_RULESET } from "./audits.ts";

/** Where a rule's page is, keeping the rule set asked for. */
export function rulePageHref(id: string, ruleSet?: string): string {
  return `/rules/${encodeURIComponent(id)}${ruleSet && ruleSet !== DEFAULT_RULESET ? `?ruleset=${encodeURIComponent(ruleSet)}` : ""}`;
}

function sendPage(res: Response, status: number, html: string): void {
  // Inline style only, no scripts: the same policy as the HTML report.
  res.setHeader("Content-Security-Policy", HTML_REPORT_CSP);
  res.status(status).type("text/html; charset=utf-8").send(html);
}

/** The rule set asked for, or a 404 page that says which there are. */
async function ruleSetOf(req: Request, res: Response, ruleSets: RuleSetCatalog): Promise<{ ruleSet: LoadedRuleSet; name: string } | undefined> {
  const name = typeof req.query.ruleset === "string" ? req.query.ruleset : DEFAULT_RULESET;
  try {
    return { ruleSet: await ruleSets.load(name), name };
  } catch (error) {
    if (!isProblemError(error)) throw error;
    sendPage(res, 404, unknownRuleHtml(error.problem.message, undefined, "/rules"));
    return undefined;
  }
}

export function rulePagesRouter(deps: { ruleSets: RuleSetCatalog }): Router {
  const router = Router();
  router.get("/rules", async (req, res) => {
    const found = await ruleSetOf(req, res, deps.ruleSets);
    if (found) sendPage(res, 200, ruleIndexHtml(found.ruleSet, (id) => rulePageHref(id, found.name), "/"));
  });
  router.get("/rules/:id", async (req, res) => {
    const found = await ruleSetOf(req, res, deps.ruleSets);
    if (!found) return;
    const rule = findRule(found.ruleSet, req.params.id);
    const rulesHref = found.name === DEFAULT_RULESET ? "/rules" : `/rules?ruleset=${encodeURIComponent(found.name)}`;
    if ("rule" in rule) sendPage(res, 200, rulePageHtml(rulePage(rule.rule, found.ruleSet), { rules: rulesHref, home: "/" }));
    else sendPage(res, 404, unknownRuleHtml(rule.message, rule.suggestion ? rulePageHref(rule.suggestion, found.name) : undefined, rulesHref));
  });
  return router;
}
