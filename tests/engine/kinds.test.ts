// Each declarative kind through the rule tester, on documents built in code.
import { describe, expect, it } from "vitest";
import { conditional } from "../../src/rules/kinds/conditional.ts";
import { createDeclarativeRule, type DeclarativeDefinition } from "../../src/rules/kinds/declarative.ts";
import { lexicon } from "../../src/rules/kinds/lexicon.ts";
import { metric } from "../../src/rules/kinds/metric.ts";
import { occurrence } from "../../src/rules/kinds/occurrence.ts";
import { requiredSection } from "../../src/rules/kinds/required-section.ts";
import { splitSentences } from "../../src/rules/scope.ts";
import { planBuilder } from "../../src/testing/document-builder.ts";
import { ruleTester, runRuleCase } from "../../src/testing/rule-tester.ts";

const base = (id: string, extra: Partial<DeclarativeDefinition> = {}): DeclarativeDefinition => ({
  id,
  category: "provision-specificity",
  title: `Test ${id}`,
  source: "Test fixture",
  severity: "error",
  ...extra,
});

const vague = createDeclarativeRule(lexicon, {
  ...base("vague-words", { scope: ["F", "G"] }),
  options: {
    phrases: [
      { phrase: "access to", message: '"{{phrase}}" does not say what will be provided.', suggestion: "Say what, who, how long and how often." },
      { phrase: "support", exceptions: ["support staff"] },
      { phrase: "as required" },
      { phrase: "e.g." },
    ],
    exceptions: ["learning support assistant"],
  },
});

ruleTester(vague).run({
  valid: [
    { name: "specific provision", doc: planBuilder().section("F").paragraph("A qualified teacher will deliver phonics for 30 minutes, 3 times a week.").build() },
    { name: "exception phrases cover the match", doc: planBuilder().section("F").paragraph("Support staff and a learning support assistant will meet weekly.").build() },
    { name: "whole words only", doc: planBuilder().section("F").paragraph("Supportive adults and accessible toilets.").build() },
    { name: "phrases outside scope are ignored", doc: planBuilder().section("A").paragraph("I want access to the computer.").section("F").paragraph("Daily phonics.").build() },
    { name: "scope absent", doc: planBuilder().section("A").paragraph("Hello.").build(), status: "not-applicable", note: "None of Section F or Section G" },
    { name: "case-sensitive option", doc: planBuilder().section("F").paragraph("ACCESS TO the pool.").build(), options: { caseSensitive: true, phrases: [{ phrase: "access to" }] } },
  ],
  invalid: [
    {
      name: "per-phrase message and suggestion, sentence excerpt",
      doc: planBuilder().section("F").paragraph("Daily phonics for 20 minutes. Sam will have Access To speech therapy as required.").build(),
      findings: [
        { messageId: "found", section: "F", excerpt: "Sam will have Access To speech therapy as required.", message: '"Access To" does not say what will be provided.', suggestion: "Say what" },
        { section: "F", message: '"as required" was found here.', suggestion: "" },
      ],
      status: "fail",
    },
    {
      name: "matches in table cells quote the cell; curly apostrophes and line breaks still match",
      doc: planBuilder()
        .section("G")
        .table(["Provision", "Frequency"], [["Physio support", "as\nrequired"], ["Sports e.g. swimming", "weekly"]])
        .build(),
      findings: [{ section: "G", excerpt: "Physio support" }, { excerpt: "as required" }, { excerpt: "Sports e.g. swimming" }],
    },
    {
      name: "phrases appended with phrases+",
      doc: planBuilder().section("F").paragraph("Regular sessions.").build(),
      options: { "phrases+": [{ phrase: "regular" }] },
      findings: [{ excerpt: "Regular sessions." }],
    },
    {
      name: "tables filter looks at tables only",
      doc: planBuilder().section("F").paragraph("Access to a laptop.").table(["What"], [["Access to a laptop"]]).build(),
      scope: ["F"],
      findings: [{ excerpt: "Access to a laptop." }, { excerpt: "Access to a laptop" }],
    },
  ],
});

const tablesOnly = createDeclarativeRule(lexicon, { ...base("table-words", { scope: ["F", "tables"] }), options: { phrases: [{ phrase: "access to" }] } });
ruleTester(tablesOnly).run({
  valid: [{ name: "paragraph is outside the tables filter", doc: planBuilder().section("F").paragraph("Access to a laptop.").build() }],
  invalid: [{ name: "table cell", doc: planBuilder().section("F").paragraph("Access to a laptop.").table(["What"], [["Access to a laptop"]]).build(), findings: [{ excerpt: "Access to a laptop" }] }],
});

const required = createDeclarativeRule(requiredSection, { ...base("needs-sections", { category: "structure" }), options: { sections: ["C", "D"], minWords: 3, suggestion: "Describe the needs or say there are none." } });
ruleTester(required).run({
  valid: [{ name: "both present and described", doc: planBuilder().section("C").paragraph("No health needs identified.").section("D").paragraph("No social care needs.").build() }],
  invalid: [
    {
      name: "one missing, one too thin",
      doc: planBuilder().section("C").paragraph("None.").build(),
      findings: [
        { messageId: "thin", section: "C", message: "Section C has 1 word(s); at least 3", excerpt: "Section C" },
        { messageId: "missing", section: "D", excerpt: "", suggestion: "Describe the needs" },
      ],
    },
  ],
});

const outcomesCount = createDeclarativeRule(occurrence, { ...base("outcome-count", { category: "outcomes", scope: ["E"] }), options: { count: "blocks", min: 3, max: 5, what: "outcomes" } });
const strengths = createDeclarativeRule(occurrence, {
  ...base("strengths", { category: "child-voice", scope: ["A", "B"], severity: "warning" }),
  options: { terms: { phrases: ["good at", "enjoys"], pattern: "is (?:now )?able to" }, per: "section", min: 1, what: "statements of what the child can do" },
});
ruleTester(outcomesCount).run({
  valid: [{ name: "three outcomes", doc: planBuilder().section("E").list(["One.", "Two.", "Three."]).build(), note: "Section E: 3 outcomes." }],
  invalid: [
    { name: "too few", doc: planBuilder().section("E").paragraph("One.").build(), findings: [{ messageId: "tooFew", section: "E", message: "Section E: 1 outcomes found; at least 3 expected." }] },
    { name: "too many", doc: planBuilder().section("E").list(["1", "2", "3", "4", "5", "6"]).build(), findings: [{ messageId: "tooMany", message: "at most 5" }] },
  ],
});
ruleTester(strengths).run({
  valid: [{ name: "each section says what the child can do", doc: planBuilder().section("A").paragraph("Ava enjoys drawing.").section("B").paragraph("She is now able to read CVC words.").build() }],
  invalid: [
    {
      name: "counted per section",
      doc: planBuilder().section("A").paragraph("Ava is good at maths.").section("B").paragraph("Ava cannot read.").build(),
      findings: [{ messageId: "tooFew", section: "B", severity: "warning", message: "Section B: 0 statements of what the child can do found" }],
      status: "warning",
    },
  ],
});

const thinB = createDeclarativeRule(metric, { ...base("b-detail", { category: "structure", scope: ["B"] }), options: { measure: "words", per: "section", min: 8 } });
const longSentences = createDeclarativeRule(metric, { ...base("long-sentences", { category: "structure", severity: "info" }), options: { measure: "sentence-words", per: "block", max: 6 } });
ruleTester(thinB).run({
  valid: [{ name: "enough words", doc: planBuilder().section("B").paragraph("Ava has a severe difficulty with reading and spelling.").build(), note: "1 of 1" }],
  invalid: [{ name: "too few words (heading not counted)", doc: planBuilder().section("B").paragraph("Reading difficulty.").build(), findings: [{ messageId: "tooLow", section: "B", message: "Section B: 2 words; at least 8" }] }],
});
ruleTester(longSentences).run({
  valid: [{ name: "short sentences", doc: planBuilder().section("A").paragraph("I like cats. I like dogs, e.g. Rex.").build() }],
  invalid: [
    {
      name: "info finding quotes the long sentence and does not lower the status",
      doc: planBuilder().section("A").paragraph("I like cats. I like dogs and cats and birds and fish.").build(),
      findings: [{ messageId: "tooHigh", severity: "info", excerpt: "I like dogs and cats and birds and fish.", message: "This sentence: 9 words; at most 6" }],
      status: "pass",
    },
  ],
});

const salt = createDeclarativeRule(conditional, {
  ...base("salt-who", { scope: ["F"] }),
  options: { if: { phrases: ["speech and language"] }, then: { pattern: "therapist|SaLT" }, within: "block", expected: "who delivers it", suggestion: "Name the professional." },
});
const hearing = createDeclarativeRule(conditional, {
  ...base("hearing-advice", { category: "professional-advice", scope: ["B"] }),
  options: { if: { phrases: ["hearing impairment", "deaf"] }, then: { phrases: ["Teacher of the Deaf", "audiologist"] }, thenIn: ["K"] },
});
ruleTester(salt).run({
  valid: [
    { name: "names the therapist", doc: planBuilder().section("F").paragraph("Speech and language therapy from a qualified speech and language therapist weekly.").build() },
    { name: "no mention", doc: planBuilder().section("F").paragraph("Phonics daily.").build(), status: "not-applicable" },
  ],
  invalid: [
    {
      name: "mention without who",
      doc: planBuilder().section("F").paragraph("Daily phonics. Speech and language sessions weekly.").paragraph("A SaLT will train staff.").build(),
      findings: [{ messageId: "missing", section: "F", excerpt: "Speech and language sessions weekly.", message: 'Section F mentions "Speech and language" but not who delivers it.', suggestion: "Name the professional." }],
    },
  ],
});
ruleTester(hearing).run({
  valid: [{ name: "advice listed in K", doc: planBuilder().section("B").paragraph("Ava has a hearing impairment.").section("K").list(["Report from the Teacher of the Deaf, 2025"]).build() }],
  invalid: [
    {
      name: "no hearing advice in K",
      doc: planBuilder().section("B").paragraph("Ava is deaf in one ear.").section("K").list(["EP report"]).build(),
      findings: [{ section: "B", excerpt: "Ava is deaf in one ear.", message: 'Section B mentions "deaf" but not "Teacher of the Deaf" or "audiologist" in Section K.' }],
    },
  ],
});

describe("kind option checks the schema cannot express", () => {
  it("reports a pattern that cannot be compiled and min above max", () => {
    expect(occurrence.optionProblems?.({ terms: { pattern: "(unclosed" }, count: "matches", per: "scope", min: 4, max: 2, what: "x", suggestion: "", wholeWord: true, caseSensitive: false })).toEqual([
      { pointer: "/terms/pattern", message: expect.stringContaining("cannot be used") },
      { pointer: "/min", message: '"min" (4) is more than "max" (2)' },
    ]);
  });
  it("a case whose options break the kind's schema fails", () => {
    expect(() => runRuleCase(outcomesCount, { name: "bad", doc: planBuilder().build(), options: { count: "lines" } })).toThrow(/options\/count expected one of/);
  });
});

describe("splitSentences", () => {
  it("keeps abbreviations and initials together", () => {
    expect(splitSentences("Use e.g. PECS. Dr. Smith said so! Then J. Bloggs: ok?").map((s) => s.text)).toEqual(["Use e.g. PECS.", "Dr. Smith said so!", "Then J. Bloggs: ok?"]);
  });
  it("a section letter at the end of a sentence is not an initial ('named in Part I. Information ...')", () => {
    expect(splitSentences("The school is named in Part I. Information about mediation is enclosed. See Section B. It is short.").map((s) => s.text)).toEqual([
      "The school is named in Part I.",
      "Information about mediation is enclosed.",
      "See Section B.",
      "It is short.",
    ]);
  });
  it("splits at line breaks and keeps offsets", () => {
    expect(splitSentences("One\nTwo.")).toEqual([{ text: "One", start: 0 }, { text: "Two.", start: 4 }]);
  });
});
