// A final plan issued with Word comments or tracked changes in it, or still marked "draft", was issued unresolved.
import { defineRule } from "../define-rule.ts";

export default defineRule<Record<string, never>>({
  meta: {
    id: "final-resolved",
    category: "draft-corrections",
    title: "The final has no comments, tracked changes or draft marking left in",
    description: "Flags a final plan that still carries Word comments or tracked changes, or is still marked as a draft.",
    source: "SEND Regulations 2014, reg 14; SEND Code of Practice 2015, para 9.80",
    rationale: "A final plan is the issued, legal version: comments, tracked changes or \"DRAFT\" left in it make it unclear which wording is binding.",
    examples: {
      pass: [
        { text: "A final plan with every comment resolved and every tracked change accepted or rejected." },
      ],
      fail: [
        { text: "A final plan that still carries a reviewer's Word comment in Section F." },
        { text: "A plan checked as the final that is still headed \"Draft\"." },
      ],
    },
    defaultSeverity: "error",
    defaultWeight: 2,
    optionsSchema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      comment: 'The final still has a Word comment from {{author}}: "{{text}}"',
      trackedChange: "The final still has a tracked {{kind}} by {{author}}.",
      markedDraft: "This plan was checked as the final (a draft was given with it) but it is still marked as a draft.",
    },
  },
  check({ inputs, plan, report }) {
    const isFinal = plan.facts.status === "final" || plan.facts.status === "amended";
    if (plan.facts.status === "draft" && inputs.draft) {
      report({ messageId: "markedDraft", section: null, excerpt: "", suggestion: 'Change the status on the front page to "Final EHC plan" before it is issued.' });
    }
    if (!isFinal && !inputs.draft) {
      // The same answer about the status as every other check gives: "draft" only when the plan says so.
      return plan.facts.status === "draft"
        ? { notApplicable: "This is a draft: comments and tracked changes are expected in a draft." }
        : { notApplicable: "The plan does not say whether it is a draft or a final, so comments and tracked changes left in were not checked." };
    }
    for (const comment of plan.comments) {
      report({
        messageId: "comment",
        data: { author: comment.author || "unknown", text: comment.text },
        section: plan.blocks.find((block) => block.id === comment.blockId)?.section ?? null,
        excerpt: comment.anchorText,
        blockId: comment.blockId ?? undefined,
        suggestion: "Resolve the comment (make the change or record why not), delete it, and re-issue the final.",
      });
    }
    for (const change of plan.trackedChanges) {
      report({
        messageId: "trackedChange",
        data: { kind: change.kind, author: change.author || "unknown" },
        section: plan.blocks.find((block) => block.id === change.blockId)?.section ?? null,
        excerpt: change.text,
        blockId: change.blockId ?? undefined,
        suggestion: "Accept or reject every tracked change, turn off Track Changes, and re-issue the final.",
      });
    }
    // A PDF keeps only what was printed or annotated (sticky notes, struck-through and underlined edits), so "none"
    // is said with that limit.
    const clean = plan.format === "pdf"
      ? "No sticky notes or marked-up edits were found in this PDF, but a PDF does not always carry Word comments or tracked changes: check the Word file of the final for any left in."
      : "The plan has no Word comments or tracked changes left in.";
    // Without a draft the category is about nothing unless the final itself was issued unresolved.
    if (!inputs.draft && plan.comments.length === 0 && plan.trackedChanges.length === 0) return { notApplicable: clean };
    if (plan.comments.length === 0 && plan.trackedChanges.length === 0) return { note: clean };
  },
});
