// One Ajv setup for every schema we validate: rule sets, rule options, the report. Draft 2020-12.
// Compiling a schema is the dear part of loading a rule set (about 350 ms of CPU for the built-in rules' schemas), so the
// build writes the validators of every schema it knows as code (Ajv standalone, see standalone-validators.ts) next to
// this file. A process of dist/ uses those and loads no Ajv at all; a schema without one (running from src/, a rule of
// a test's own) is compiled here, with the same options, so both give the same errors.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Ajv2020, CodeOptions, ErrorObject, Plugin } from "ajv/dist/2020.js";
import type { JsonSchema } from "../rules/types.ts";

/** A compiled schema: Ajv's own validate function or a precompiled one; `errors` is set after a failed call. */
export type SchemaValidator = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** Precompiled validators by `schemaKey` of their schema. */
export type PrecompiledValidators = ReadonlyMap<string, SchemaValidator>;

/** Where the build writes the precompiled validators: beside this file, so only dist/ has them. */
export const PRECOMPILED_VALIDATORS_URL = new URL("./precompiled-validators.js", import.meta.url);

/** An Ajv instance with our options; `code` asks for source that standalone code generation can write out. */
export function createAjv(code?: CodeOptions): Ajv2020 {
  // Loaded on demand (Ajv is CommonJS): a process that has every validator precompiled never loads it.
  const require = createRequire(import.meta.url);
  const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const formatsModule = require("ajv-formats") as Plugin<unknown> & { default?: Plugin<unknown> };
  // ajv-formats has both `module.exports` and `exports.default`; take whichever the loader gives.
  const addFormats = formatsModule.default ?? formatsModule;
  // strict: a misspelt keyword in an options schema ("minimun") is an error, not silently ignored.
  // strictRequired is off so `anyOf: [{ required: ["a"] }, { required: ["b"] }]` ("one or the other") is allowed.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true, ...(code ? { code } : {}) });
  addFormats(ajv, undefined);
  return ajv;
}

/** A schema's key among the precompiled validators: its whole JSON, so an edited schema never meets a stale validator. */
export function schemaKey(schema: JsonSchema): string {
  return JSON.stringify(schema);
}

const precompiledFile = fileURLToPath(PRECOMPILED_VALIDATORS_URL);
let precompiled: PrecompiledValidators = existsSync(precompiledFile) ? ((await import(PRECOMPILED_VALIDATORS_URL.href)) as { validators: PrecompiledValidators }).validators : new Map();
let compiled = new WeakMap<object, SchemaValidator>();
let ajv: Ajv2020 | undefined;

/** Use these precompiled validators from now on (an empty map compiles every schema): how tests compare the two paths. */
export function usePrecompiledValidators(validators: PrecompiledValidators): void {
  precompiled = validators;
  compiled = new WeakMap();
}

/** The validator of a schema (looked up or compiled once per schema object). Throws when the schema itself is invalid. */
export function compileSchema(schema: JsonSchema): SchemaValidator {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = precompiled.get(schemaKey(schema));
    if (!validate) {
      ajv ??= createAjv();
      validate = ajv.compile(schema);
    }
    compiled.set(schema, validate);
  }
  return validate;
}

/** A problem with a value, located by JSON pointer relative to the value validated. */
export interface SchemaProblem {
  pointer: string;
  message: string;
  /** The Ajv keyword that failed, for callers that phrase hints by keyword. */
  keyword: string;
  params: Record<string, unknown>;
  /** The value that failed (Ajv's verbose mode), for hints such as "did you mean". */
  data?: unknown;
  /** The schema object holding the failed keyword (e.g. its `properties`, to suggest a close one). */
  parentSchema?: Record<string, unknown>;
}

/** Validate `value`; returns every problem (empty when valid). */
export function validateAgainst(schema: JsonSchema, value: unknown): SchemaProblem[] {
  const validate = compileSchema(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(toProblem);
}

/** The reason a schema cannot be compiled, or null when it is a valid JSON Schema. */
export function schemaError(schema: JsonSchema): string | null {
  try {
    compileSchema(schema);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function toProblem(error: ErrorObject): SchemaProblem {
  const params = error.params as Record<string, unknown>;
  const problem: SchemaProblem = { pointer: error.instancePath, message: describeError(error), keyword: error.keyword, params, data: error.data };
  if (error.parentSchema) problem.parentSchema = error.parentSchema as Record<string, unknown>;
  return problem;
}

/** Plain-English wording of an Ajv error: what was expected. */
export function describeError(error: Pick<ErrorObject, "keyword" | "params" | "message">): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return `"${String(params.missingProperty)}" is required here`;
    case "additionalProperties":
      return `"${String(params.additionalProperty)}" is not a setting allowed here`;
    case "type":
      return `expected ${article(String(params.type))}`;
    case "enum":
      return `expected one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "const":
      return `expected ${JSON.stringify(params.allowedValue)}`;
    case "minimum":
    case "exclusiveMinimum":
    case "maximum":
    case "exclusiveMaximum":
      return `expected a number ${String(params.comparison)} ${String(params.limit)}`;
    case "minItems":
      return `expected a list of at least ${String(params.limit)} item(s)`;
    case "maxItems":
      return `expected a list of at most ${String(params.limit)} item(s)`;
    case "minLength":
      return params.limit === 1 ? "expected some text, not an empty string" : `expected text of at least ${String(params.limit)} characters`;
    case "pattern":
      return PATTERN_WORDS[String(params.pattern)] ?? "expected text in a different form (see rules/schema/ruleset.schema.json)";
    case "uniqueItems":
      return "expected a list without repeated items";
    case "format":
      return `expected a valid ${String(params.format)}`;
    default:
      return error.message ?? `failed the "${error.keyword}" check`;
  }
}

// The schema's patterns in words: a caseworker editing a rule set should never see a regular expression.
const PATTERN_WORDS: Record<string, string> = {
  "^[a-z0-9][a-z0-9-]*$": 'expected a name in lower-case letters, digits and hyphens (for example "my-la")',
  "^[a-z][a-z0-9]*(-[a-z0-9]+)*$": 'expected an id in lower-case words joined by hyphens (for example "hearing-advice-listed")',
};

function article(type: string): string {
  const words: Record<string, string> = {
    string: "text",
    number: "a number",
    integer: "a whole number",
    boolean: "true or false",
    array: "a list",
    object: "an object ({ ... })",
    null: "null",
  };
  return type
    .split(",")
    .map((t) => words[t] ?? t)
    .join(" or ");
}
