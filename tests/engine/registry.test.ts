import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { builtinRules } from "../../src/rules/builtin/index.ts";
import { builtinRegistry, checkRuleMeta, createRegistry } from "../../src/rules/registry.ts";
import type { RuleModule } from "../../src/rules/types.ts";

const BUILTIN_DIR = fileURLToPath(new URL("../../src/rules/builtin/", import.meta.url));

describe("built-in rule registry", () => {
  it("every rule file is registered under its file name, once", () => {
    const files = readdirSync(BUILTIN_DIR).filter((f) => f.endsWith(".ts") && f !== "index.ts").map((f) => f.slice(0, -3)).sort();
    expect(builtinRules.map((r) => r.meta.id).sort()).toEqual(files);
    expect(builtinRegistry().size).toBe(builtinRules.length);
  });

  it("every built-in rule's meta is sound", () => {
    for (const rule of builtinRules) expect(checkRuleMeta(rule), rule.meta.id).toEqual([]);
  });

  it("refuses duplicate ids and unsound metas", () => {
    const rule = builtinRules[0] ?? ({ meta: { id: "x", category: "structure", title: "t", description: "d", source: "s", defaultSeverity: "error", defaultWeight: 1, optionsSchema: { type: "object" }, defaultOptions: {}, messages: { m: "m" } }, check: () => undefined } as RuleModule);
    expect(() => createRegistry([rule, rule])).toThrow(/share the id/);
    expect(() => createRegistry([{ ...rule, meta: { ...rule.meta, source: "" } }])).toThrow(/unsound meta: source/);
  });
});
