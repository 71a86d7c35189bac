// The OpenAPI 3.1 description of the service, served at /api/openapi.json. The report's schema is the published one
// (src/report/report.schema.json): its $defs become components here, so there is one definition of the report.
import { reportSchema, VERSION } from "../index.ts";
import { CATEGORY_IDS } from "../model/report.ts";
import { batchOpenApiPaths } from "./batch-routes.ts";
import type { ServiceLimits } from "./config.ts";
import { PROBLEM_CODES, PROBLEM_TYPES, type ServiceProblemCode } from "./problems.ts";

type Json = Record<string, unknown>;

const REPORT_PREFIX = "Report";
const pascal = (name: string): string => name[0]!.toUpperCase() + name.slice(1);
const schemaRef = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

/** Copies a schema, pointing its "#/$defs/x" references at the components they become. */
function rehome(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rehome);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (key === "$ref" && typeof inner === "string" && inner.startsWith("#/$defs/")) return [key, `#/components/schemas/${REPORT_PREFIX}${pascal(inner.slice("#/$defs/".length))}`];
      return [key, rehome(inner)];
    }),
  );
}

/** The report schema as components: AuditReport, and Report<Def> for each of its $defs. */
export function reportComponents(): Record<string, unknown> {
  const { $schema: _schema, $id: _id, $defs, ...root } = reportSchema as Json & { $defs?: Record<string, unknown> };
  const components: Record<string, unknown> = { AuditReport: rehome(root) };
  for (const [name, def] of Object.entries($defs ?? {})) components[`${REPORT_PREFIX}${pascal(name)}`] = rehome(def);
  return components;
}

const problemResponse = (description: string, codes: ServiceProblemCode[], headers?: Json): Json => ({
  description: `${description} Codes: ${codes.join(", ")}.`,
  ...(headers ? { headers } : {}),
  content: { "application/problem+json": { schema: schemaRef("Problem") } },
});

const RETRY_AFTER = { "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer" } } };

const codesWithStatus = (status: number): ServiceProblemCode[] => PROBLEM_CODES.filter((code) => PROBLEM_TYPES[code].status === status);

/** Problem responses every /api route may give. */
function commonProblems(): Json {
  return {
    "401": problemResponse("An API key is configured and the request has none, or an unknown one.", ["UNAUTHORIZED"]),
    "429": problemResponse("Too many requests from this client; wait and try again.", ["RATE_LIMITED"], RETRY_AFTER),
    "500": problemResponse("An internal error; quote the requestId when reporting it.", ["INTERNAL"]),
  };
}

const REPORT_FORMAT_PARAMETER = {
  name: "format",
  in: "query",
  required: false,
  description:
    "The report's format. Without it, the Accept header decides (text/html, text/markdown, text/plain, the Word type, application/pdf), and JSON is the default. docx: a DOCX plan comes back with a Word comment on each finding (and the grade, reason and fix-first list in a first comment on the title); otherwise the report as a Word document. pdf: a PDF plan comes back with a highlight and a note on each finding's words (and the grade, reason and fix-first list in a first note on page 1); a Word or text plan is refused with 400 BAD_REQUEST (ask for docx).",
  schema: { type: "string", enum: ["json", "html", "markdown", "text", "docx", "pdf"] },
};

const REPORT_CONTENT = {
  "application/json": { schema: schemaRef("AuditReport") },
  "text/html": { schema: { type: "string" }, description: "One self-contained, accessible page." },
  "text/markdown": { schema: { type: "string" } },
  "text/plain": { schema: { type: "string" } },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { schema: { type: "string", format: "binary" }, description: "format=docx: the plan with comments, or the report as a Word document." },
  "application/pdf": { schema: { type: "string", format: "binary" }, description: "format=pdf: a PDF plan with a highlight and a note on each finding." },
};

const FILE = { type: "string", contentMediaType: "application/octet-stream", description: "A Word document (.docx), a PDF with a text layer, or a plain-text file." };

export function openApiDocument(limits: ServiceLimits): Json {
  const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  return {
    openapi: "3.1.0",
    info: {
      title: "ehcp-qa",
      version: VERSION,
      summary: "Quality-assurance checks for Education, Health and Care (EHC) plans.",
      description:
        "Upload an EHC plan (DOCX or PDF), optionally with its earlier draft, response letters and advice reports, and get a scored audit report. " +
        "Uploads are held in memory for the request only: never written to disk, never logged. Errors are RFC 9457 problem details with a stable `code`.",
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "/" }],
    security: [{}, { bearer: [] }, { apiKey: [] }],
    paths: {
      "/api/audits": {
        post: {
          operationId: "createAudit",
          summary: "Audit a plan",
          description: `Reads the files (each at most ${mb(limits.maxFileBytes)} and ${limits.maxWordsPerDocument} words, at most ${limits.maxFiles} files, ${mb(limits.maxRequestBytes)} and ${limits.maxWordsPerCheck} words in all) and returns the report, exactly as the CLI's \`audit\` command.`,
          parameters: [REPORT_FORMAT_PARAMETER],
          requestBody: {
            required: true,
            content: {
              "multipart/form-data": {
                schema: {
                  type: "object",
                  required: ["plan"],
                  properties: {
                    plan: { ...FILE, description: "The plan to check (required)." },
                    draft: { ...FILE, description: "The earlier draft: checks that corrections asked for on it are in the plan." },
                    response: { type: "array", items: FILE, description: "Response letters listing corrections (0 or more)." },
                    advice: { type: "array", items: FILE, description: "Professional advice reports the plan should carry (0 or more)." },
                    ruleset: { type: "string", default: "default", description: "The name of a rule set (see GET /api/rulesets)." },
                  },
                },
              },
            },
          },
          responses: {
            "200": { description: "The audit report.", content: REPORT_CONTENT },
            "400": problemResponse("No plan, a file in an unknown field, an unknown rule set or format, or a malformed upload.", ["BAD_REQUEST"]),
            "413": problemResponse("A file, or the whole upload, is over the limit, there are too many files, or a document has far more words than a plan.", ["TOO_LARGE"]),
            "415": problemResponse("A file is not a Word document, a PDF or a text file.", ["UNSUPPORTED_FORMAT"]),
            "422": problemResponse("A file could not be read, or the rule set has mistakes.", codesWithStatus(422)),
            "503": problemResponse("The queue of checks waiting for a place is full, or a check waited too long; try again after Retry-After seconds.", ["BUSY"], RETRY_AFTER),
            ...commonProblems(),
          },
        },
      },
      "/api/rulesets": {
        get: {
          operationId: "listRuleSets",
          summary: "The rule sets available",
          responses: { "200": { description: "Each rule set's name, version and description.", content: { "application/json": { schema: schemaRef("RuleSetList") } } }, ...commonProblems() },
        },
      },
      "/api/rulesets/{name}": {
        get: {
          operationId: "getRuleSet",
          summary: "One rule set and its rules",
          parameters: [{ name: "name", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": { description: "The rule set's grade bands, category weights and every rule.", content: { "application/json": { schema: schemaRef("RuleSetDetails") } } },
            "404": problemResponse("There is no rule set with this name.", ["FILE_NOT_FOUND"]),
            "422": problemResponse("The rule set's file has mistakes.", ["INVALID_RULESET"]),
            ...commonProblems(),
          },
        },
      },
      "/api/rulesets/validate": {
        post: {
          operationId: "validateRuleSet",
          summary: "Check a rule set",
          description: "A rule set as JSON (it may extend a shipped rule set by name). Answers `valid: true`, or 422 with every issue: the JSON pointer, what was expected and a hint.",
          requestBody: { required: true, content: { "application/json": { schema: { type: "object" } } } },
          responses: {
            "200": { description: "The rule set is valid.", content: { "application/json": { schema: schemaRef("RuleSetValid") } } },
            "400": problemResponse("The body is not JSON.", ["BAD_REQUEST"]),
            "413": problemResponse(`The body is over ${mb(limits.maxJsonBytes)}.`, ["TOO_LARGE"]),
            "422": problemResponse("The rule set has mistakes; `issues` lists them.", ["INVALID_RULESET"]),
            ...commonProblems(),
          },
        },
      },
      "/api/reports/format": {
        post: {
          operationId: "formatReport",
          summary: "Turn a JSON report into another format",
          description: "Formats a report made earlier (by this service or the CLI) without sending the plan again.",
          parameters: [REPORT_FORMAT_PARAMETER],
          requestBody: { required: true, content: { "application/json": { schema: schemaRef("AuditReport") } } },
          responses: {
            "200": { description: "The report in the format asked for.", content: REPORT_CONTENT },
            "400": problemResponse("The body is not a valid report, or the format is unknown.", ["BAD_REQUEST"]),
            "413": problemResponse(`The body is over ${mb(limits.maxJsonBytes)}.`, ["TOO_LARGE"]),
            ...commonProblems(),
          },
        },
      },
      "/api/openapi.json": {
        get: { operationId: "getOpenApi", summary: "This document", security: [{}], responses: { "200": { description: "The OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } } } },
      },
      "/healthz": {
        get: {
          operationId: "health",
          summary: "Is the service up",
          security: [{}],
          responses: {
            "200": { description: "Up.", content: { "application/json": { schema: schemaRef("Health") } } },
            "503": { description: "Shutting down: finishing the checks in progress.", content: { "application/json": { schema: schemaRef("Health") } } },
          },
        },
      },
      ...batchOpenApiPaths(),
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "Only when the service is started with EHCP_QA_API_KEYS." },
        apiKey: { type: "apiKey", in: "header", name: "X-API-Key", description: "The same keys, in a header." },
      },
      schemas: {
        ...reportComponents(),
        Problem: {
          type: "object",
          description: "RFC 9457 problem details.",
          required: ["type", "title", "status", "detail", "code", "instance", "requestId"],
          properties: {
            type: { type: "string", format: "uri", description: "tag:ehcp-qa,2025:problem:<code in kebab case>" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string", description: "What happened and what to do, in plain English for a caseworker." },
            code: { type: "string", enum: PROBLEM_CODES },
            instance: { type: "string", description: "urn:uuid:<requestId>" },
            requestId: { type: "string", description: "Also in the X-Request-Id header and the service's log." },
            file: { type: "string", description: "The uploaded file the problem is about." },
            role: { type: "string", enum: ["plan", "draft", "response", "advice"], description: "The upload field of that file." },
            issues: { type: "array", items: schemaRef("RuleSetIssue"), description: "INVALID_RULESET: every mistake found." },
            retryAfter: { type: "integer", description: "BUSY and RATE_LIMITED: seconds to wait." },
          },
        },
        RuleSetIssue: {
          type: "object",
          required: ["file", "pointer", "message"],
          properties: { file: { type: "string" }, pointer: { type: "string", description: "JSON pointer to the mistake." }, message: { type: "string" }, hint: { type: "string" } },
        },
        RuleSetList: {
          type: "object",
          required: ["default", "ruleSets"],
          properties: {
            default: { type: "string", description: "The rule set used when none is named." },
            ruleSets: {
              type: "array",
              items: {
                type: "object",
                required: ["name", "version", "description"],
                properties: {
                  name: { type: "string" },
                  version: { type: "string" },
                  description: { type: "string" },
                  problem: { type: "object", description: "Set when the rule set's file has mistakes and it cannot be used.", properties: { code: { type: "string" }, message: { type: "string" } } },
                },
              },
            },
          },
        },
        RuleSetDetails: {
          type: "object",
          required: ["name", "version", "description", "grades", "categoryWeights", "rules"],
          properties: {
            name: { type: "string" },
            version: { type: "string" },
            description: { type: "string" },
            grades: {
              type: "object",
              description: "Lowest score for each grade, the caps failing categories put on the grade, and the floor when no category fails.",
              properties: {
                outstanding: { type: "number" },
                good: { type: "number" },
                "requires-improvement": { type: "number" },
                caps: { type: "array", items: { type: "object", properties: { failing: { type: "integer" }, of: { type: "array", items: { type: "string", enum: [...CATEGORY_IDS] } }, grade: { type: "string" } } } },
                floor: { type: "string" },
              },
            },
            categoryWeights: { type: "object", propertyNames: { enum: [...CATEGORY_IDS] }, additionalProperties: { type: "number" } },
            rules: {
              type: "array",
              items: {
                type: "object",
                required: ["id", "category", "title", "enabled", "severity", "weight", "critical", "source"],
                properties: {
                  id: { type: "string" },
                  category: { type: "string", enum: [...CATEGORY_IDS] },
                  title: { type: "string" },
                  description: { type: "string" },
                  enabled: { type: "boolean" },
                  severity: { type: "string", enum: ["error", "warning", "info"] },
                  weight: { type: "number" },
                  critical: { type: "boolean" },
                  source: { type: "string", description: "The regulation, Code of Practice paragraph or case the rule rests on." },
                  kind: { type: "string", description: "\"built-in\", or the declarative kind of a rule defined in the rule set." },
                },
              },
            },
          },
        },
        RuleSetValid: {
          type: "object",
          required: ["valid", "name", "version"],
          properties: { valid: { const: true }, name: { type: "string" }, version: { type: "string" }, rules: { type: "integer" }, rulesEnabled: { type: "integer" } },
        },
        Health: {
          type: "object",
          required: ["status", "version"],
          properties: { status: { type: "string", enum: ["ok", "stopping"] }, version: { type: "string" }, auditsInProgress: { type: "integer" }, auditsWaiting: { type: "integer", description: "Checks waiting for a place (the admission queue)." } },
        },
      },
    },
  };
}
