// Corrections asked for on the draft (Word comments, tracked changes, response letters) must be in the final.
import type { Severity } from "../../model/report.ts";
import { defineRule } from "../define-rule.ts";
import { alignUnits } from "../draft/align.ts";
import { draftCorrections, letterCorrections, type Correction } from "../draft/corrections.ts";
import { judgeCorrection, type Judgement, type Verdict } from "../draft/judge.ts";
import { documentUnits } from "../draft/units.ts";

interface Options {
  /** Comments that ask for nothing, matched at the start of the comment. */
  acknowledgements: string[];
  /** Abbreviations and their long forms, so "add the OT advice" finds "occupational therapist". */
  synonyms: Record<string, string[]>;
}

const VERDICT: Record<Verdict, { messageId: string; severity: Severity; score: number | null }> = {
  "carried-over": { messageId: "carried", severity: "info", score: 1 },
  "partly-carried-over": { messageId: "partly", severity: "warning", score: 0.5 },
  "not-carried-over": { messageId: "notCarried", severity: "error", score: 0 },
  "not-a-correction": { messageId: "notACorrection", severity: "info", score: null },
  unclear: { messageId: "unclear", severity: "warning", score: null },
};

const SOURCE_LABEL: Record<Correction["source"], string> = {
  comment: "A comment",
  "tracked-change": "A tracked change",
  "response-letter": "A response letter",
};

/**
 * What a finding quotes: a letter's request as the parent or professional wrote it; else, when the final still
 * says what was to change, that statement of the final (what must be fixed); else the draft's text at the place.
 */
function excerptFor(correction: Correction, judgement: Judgement): { excerpt: string; document: "plan" | "draft" | "response"; blockId?: string } {
  if (correction.source === "response-letter") return { excerpt: correction.request, document: "response" };
  const settled = judgement.verdict === "carried-over" || judgement.verdict === "not-a-correction";
  if (!settled && judgement.fault) return { excerpt: judgement.fault.text, document: "plan", blockId: judgement.fault.blockId };
  return { excerpt: judgement.draftText, document: "draft", ...(judgement.draftBlockId ? { blockId: judgement.draftBlockId } : {}) };
}

function suggestionFor(correction: Correction, verdict: Verdict): string {
  if (verdict === "carried-over" || verdict === "not-a-correction") return "";
  const where = correction.section ? ` in Section ${correction.section}` : "";
  switch (correction.kind) {
    case "replace":
      return correction.oldText ? `Change "${correction.oldText}" to "${correction.newText}"${where} of the final.` : `Use the wording "${correction.newText}"${where} of the final.`;
    case "insert":
      return `Add "${correction.newText}"${where} of the final.`;
    case "delete":
      return correction.oldText ? `Remove "${correction.oldText}"${where} of the final.` : `Remove the passage about "${correction.topic ?? ""}"${where} of the final.`;
    case "add":
      return `Add ${correction.topic ? `"${correction.topic}"` : "what was asked"}${where} of the final, or record why it was not agreed.`;
    default:
      return "Read the request against the final and make the change, or record why it was not agreed.";
  }
}

export default defineRule<Options>({
  meta: {
    id: "corrections-carried-over",
    category: "draft-corrections",
    title: "Corrections asked for on the draft are in the final",
    description: "Reads the draft's Word comments, tracked changes and the response letters, and checks each requested correction against the final.",
    source: "SEND Regulations 2014, regs 13–14; SEND Code of Practice 2015, paras 9.77–9.80; Ofsted/CQC area SEND inspection findings",
    rationale: "The family and professionals comment on the draft so that the final is right; a correction that was asked for and quietly left out is a common reason for a tribunal appeal.",
    examples: {
      pass: [
        { text: "A draft comment asking for \"two sessions a week\" and a final that says two sessions a week at that place." },
      ],
      fail: [
        { text: "A parent's letter asking for the child's diagnosis to be added to Section B, and a final whose Section B still does not mention it." },
      ],
    },
    defaultSeverity: "error",
    defaultWeight: 3,
    optionsSchema: {
      type: "object",
      properties: {
        acknowledgements: { type: "array", items: { type: "string", minLength: 1 } },
        synonyms: { type: "object", additionalProperties: { type: "array", items: { type: "string", minLength: 1 } } },
      },
      required: ["acknowledgements", "synonyms"],
      additionalProperties: false,
    },
    defaultOptions: {
      acknowledgements: ["agreed", "agree", "thanks", "thank you", "ok", "okay", "noted", "fine", "yes", "good", "great", "happy with", "looks good", "this is correct", "correct", "no change", "no changes", "confirmed", "accepted"],
      synonyms: {
        ot: ["occupational therapy", "occupational therapist"],
        salt: ["speech and language therapy", "speech and language therapist"],
        slt: ["speech and language therapy", "speech and language therapist"],
        ep: ["educational psychologist", "educational psychology"],
        ta: ["teaching assistant"],
        senco: ["special educational needs coordinator", "special educational needs co-ordinator"],
        camhs: ["child and adolescent mental health"],
        elsa: ["emotional literacy support assistant"],
        physio: ["physiotherapy", "physiotherapist"],
        "1:1": ["one to one", "individual"],
      },
    },
    messages: {
      carried: '{{source}} from {{author}} asked: "{{request}}". Carried over: {{reason}}',
      partly: '{{source}} from {{author}} asked: "{{request}}". Partly carried over: {{reason}}',
      notCarried: '{{source}} from {{author}} asked: "{{request}}". Not carried over: {{reason}}',
      notACorrection: '{{source}} from {{author}} ("{{request}}") asks for no change, so it is not counted as a correction.',
      unclear: '{{source}} from {{author}} asked: "{{request}}". {{reason}}',
    },
  },
  check({ inputs, options, report }) {
    const { draft, plan: final } = inputs;
    if (!draft) {
      // A draft checked on its own is the draft: its corrections are checked later, against its final.
      return final.facts.status === "draft"
        ? { notApplicable: "This plan is the draft: the corrections asked for on it are checked when its final plan is checked with this draft beside it." }
        : { notApplicable: "No draft was given, so corrections could not be checked." };
    }
    const phrases = { acknowledgements: options.acknowledgements };
    const corrections = [...draftCorrections(draft, phrases), ...inputs.responses.flatMap((letter, index) => letterCorrections(letter, index, phrases))];
    if (corrections.length === 0) return { notApplicable: "The draft has no comments or tracked changes, and no response letter was given." };

    const draftUnits = documentUnits(draft);
    const finalUnits = documentUnits(final);
    const context = { draftUnits, finalUnits, alignment: alignUnits(draftUnits, finalUnits), synonyms: options.synonyms };
    const scores: number[] = [];
    const counts: Record<Verdict, number> = { "carried-over": 0, "partly-carried-over": 0, "not-carried-over": 0, "not-a-correction": 0, unclear: 0 };
    for (const correction of corrections) {
      const judgement = judgeCorrection(correction, context);
      const verdict = VERDICT[judgement.verdict];
      counts[judgement.verdict]++;
      if (verdict.score !== null) scores.push(verdict.score);
      report({
        messageId: verdict.messageId,
        severity: verdict.severity,
        // The message puts its own full stop after the quoted request.
        data: { source: SOURCE_LABEL[correction.source], author: correction.author, request: correction.request.replace(/[.\s]+$/, ""), reason: judgement.reason },
        section: judgement.section,
        ...excerptFor(correction, judgement),
        suggestion: suggestionFor(correction, judgement.verdict),
        correction: { source: correction.source, author: correction.author, request: correction.request, verdict: judgement.verdict, finalText: judgement.finalText },
      });
    }
    const note = `${counts["carried-over"]} carried over, ${counts["partly-carried-over"]} partly, ${counts["not-carried-over"]} not carried over, ${counts["not-a-correction"]} not corrections, ${counts.unclear} to check by hand.`;
    return scores.length === 0 ? { note, score: 1 } : { note, score: scores.reduce((a, b) => a + b, 0) / scores.length };
  },
});
