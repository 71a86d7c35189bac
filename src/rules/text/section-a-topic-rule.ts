// "Section A covers <topic>" rules (aspirations, how to communicate with the child) differ only in their topic's
// word list and wording; this builds one from those, so the two rules share one body.
import type { EhcpDocument } from "../../model/document.ts";
import type { RuleMeta, RuleModule } from "../types.ts";
import { defineRule } from "../define-rule.ts";
import { findTopic, topicSchema, type TopicLexicon } from "./section-a-topics.ts";
import { childLabel, childRef } from "./voice.ts";

export interface SectionATopicRule {
  meta: Omit<RuleMeta, "optionsSchema" | "defaultOptions" | "messages" | "category" | "defaultSeverity" | "defaultWeight" | "source">;
  /** The options key holding the topic's word list (kept per rule so rule sets name it plainly). */
  optionKey: string;
  defaults: TopicLexicon;
  /** "Section A does not ... {{child}} ..." */
  missingMessage: string;
  notApplicable: string;
  /** Note when nothing was found. */
  noneNote: string;
  /** Note when lines were found: "3 lines about aspirations". */
  foundNote: (count: number, child: string) => string;
  suggestion: (child: string, plan: EhcpDocument) => string;
}

export function sectionATopicRule(spec: SectionATopicRule): RuleModule {
  type Options = Record<string, TopicLexicon>;
  return defineRule<Options>({
    meta: {
      ...spec.meta,
      category: "child-voice",
      source: "SEND Code of Practice 2015, paras 9.61–9.62 (Section A); Children and Families Act 2014 s19",
      defaultSeverity: "warning",
      defaultWeight: 1,
      optionsSchema: {
        type: "object",
        properties: { [spec.optionKey]: topicSchema },
        required: [spec.optionKey],
        additionalProperties: false,
      },
      defaultOptions: { [spec.optionKey]: spec.defaults },
      messages: { missing: spec.missingMessage },
    },
    check({ plan, options, scope, report }) {
      const { sections, found } = findTopic(plan, scope, options[spec.optionKey]!);
      if (sections.length === 0) return { notApplicable: spec.notApplicable };
      const name = childLabel(childRef(plan.facts));
      if (found.length === 0) {
        report({
          messageId: "missing",
          data: { child: name },
          section: sections[0]!.id,
          excerpt: "",
          blockId: sections[0]!.headingBlockId ?? undefined,
          suggestion: spec.suggestion(name, plan),
        });
        return { note: spec.noneNote };
      }
      return { note: `${spec.foundNote(found.length, name)}, for example "${found[0]!.text}"` };
    },
  });
}
