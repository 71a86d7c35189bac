// The rule sets: which there are, what each checks, and whether a rule set someone has written is valid.
import express, { Router, type Request, type RequestHandler } from "express";
import type { LoadedRuleSet } from "../../index.ts";
import type { ServiceLimits } from "../config.ts";
import { methodNotAllowed, ServiceProblem } from "../problems.ts";
import type { RuleSetCatalog } from "../rule-sets.ts";
import { DEFAULT_RULESET } from "./audits.ts";

/** How an uploaded rule set is named in its problems. */
export const UPLOADED_RULESET_LABEL = "uploaded rule set";

export function ruleSetDetails(ruleSet: LoadedRuleSet) {
  return {
    name: ruleSet.name,
    version: ruleSet.version,
    description: ruleSet.description,
    grades: ruleSet.grades,
    categoryWeights: ruleSet.categoryWeights,
    rules: ruleSet.rules.map((rule) => ({
      id: rule.id,
      category: rule.module.meta.category,
      title: rule.module.meta.title,
      description: rule.module.meta.description,
      enabled: rule.enabled,
      severity: rule.config.severity,
      weight: rule.config.weight,
      critical: rule.config.critical,
      source: rule.module.meta.source,
      kind: rule.kind,
    })),
  };
}

/** A JSON body, or BAD_REQUEST saying how to send one. */
export function jsonBody(req: Request, what: string): unknown {
  if (!req.is("application/json") && !req.is("application/*+json")) {
    throw new ServiceProblem("BAD_REQUEST", `Send ${what} as JSON, with the header Content-Type: application/json.`);
  }
  return req.body as unknown;
}

export function jsonParser(limits: Pick<ServiceLimits, "maxJsonBytes">): RequestHandler {
  return express.json({ limit: limits.maxJsonBytes, type: ["application/json", "application/*+json"] });
}

export function ruleSetsRouter(deps: { ruleSets: RuleSetCatalog; limits: ServiceLimits }): Router {
  const router = Router();

  router.get("/api/rulesets", async (_req, res) => {
    res.json({ default: DEFAULT_RULESET, ruleSets: await deps.ruleSets.list() });
  });

  router.post("/api/rulesets/validate", jsonParser(deps.limits), async (req, res) => {
    const json = jsonBody(req, "the rule set");
    // Throws INVALID_RULESET with every issue (file, JSON pointer, message, hint). An uploaded rule set may extend a
    // shipped one by name, never by path.
    const ruleSet = await deps.ruleSets.parse(json, UPLOADED_RULESET_LABEL);
    res.json({ valid: true, name: ruleSet.name, version: ruleSet.version, rules: ruleSet.rules.length, rulesEnabled: ruleSet.rules.filter((rule) => rule.enabled).length });
  });
  router.all("/api/rulesets/validate", methodNotAllowed(["POST"]));

  router.get("/api/rulesets/:name", async (req, res) => {
    res.json(ruleSetDetails(await deps.ruleSets.load(req.params.name)));
  });
  return router;
}
