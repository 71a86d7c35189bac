// The child-voice and professional-advice rules as the default rule set carries them.
import { describe, expect, it } from "vitest";
import defaultRuleSet from "../../rules/default.json" with { type: "json" };
import { loadRuleSet } from "../../src/config/loader.ts";
import adviceCurrent from "../../src/rules/builtin/advice-current.ts";
import adviceRecommendations from "../../src/rules/builtin/advice-recommendations.ts";
import adviceUsed from "../../src/rules/builtin/advice-used.ts";
import aspirationsReflectedInOutcomes from "../../src/rules/builtin/aspirations-reflected-in-outcomes.ts";
import childAspirations from "../../src/rules/builtin/child-aspirations.ts";
import childCommunication from "../../src/rules/builtin/child-communication.ts";
import childVoice from "../../src/rules/builtin/child-voice.ts";
import requiredAdvice from "../../src/rules/builtin/required-advice.ts";
import { builtinRegistry } from "../../src/rules/registry.ts";

const rules = [childVoice, childAspirations, childCommunication, aspirationsReflectedInOutcomes, requiredAdvice, adviceCurrent, adviceUsed, adviceRecommendations];

describe("rules/default.json", () => {
  for (const rule of rules) {
    it(`carries ${rule.meta.id}'s options, mirrored by its defaultOptions, and registers the rule`, () => {
      const entry = (defaultRuleSet.rules as Record<string, { options?: unknown }>)[rule.meta.id];
      expect(entry?.options).toEqual(rule.meta.defaultOptions);
      expect(builtinRegistry().get(rule.meta.id)).toBe(rule);
    });
  }

  it("loads with these rules in their categories", async () => {
    const loaded = await loadRuleSet("default");
    const byId = new Map(loaded.rules.map((rule) => [rule.id, rule]));
    for (const rule of rules) {
      expect(byId.get(rule.meta.id)?.module.meta.category, rule.meta.id).toBe(rule.meta.category);
      expect(byId.get(rule.meta.id)?.config.options, rule.meta.id).toEqual(rule.meta.defaultOptions);
    }
  });
});
