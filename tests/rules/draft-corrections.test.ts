import { describe, expect, it } from "vitest";
import correctionsCarriedOver from "../../src/rules/builtin/corrections-carried-over.ts";
import finalResolved from "../../src/rules/builtin/final-resolved.ts";
import { alignUnits, summariseChanges } from "../../src/rules/draft/align.ts";
import { quotedPhrases, readRequest, saidInDraft, sectionsNamed } from "../../src/rules/draft/corrections.ts";
import { documentUnits } from "../../src/rules/draft/units.ts";
import { DocumentBuilder, planBuilder } from "../../src/testing/document-builder.ts";
import { ruleTester } from "../../src/testing/rule-tester.ts";

const ACK = ["agreed", "thanks", "ok"];

describe("reading what a request asks for", () => {
  it.each([
    ["Agreed, thanks", "none"],
    ["Is this the right school?", "none"],
    ["This is not her name", "change"],
    ["Please change to 'three 30-minute sessions a week'", "replace"],
    ["Add the OT advice here", "add"],
    ["Remove this sentence, it is about another child", "delete"],
    ["Section F, page 6: change 'regular support' to '15 hours a week of 1:1 support from a trained teaching assistant'", "replace"],
    ["Section A: add that Maya loves swimming", "add"],
    ["Section B: remove the paragraph about her previous school", "delete"],
    ["We agree with the outcomes set out in Section E.", "none"],
    ["Section F says Maya will have 'small group work'. It should be three sessions a week.", "change"],
  ])("%s -> %s", (text, kind) => {
    expect(readRequest(text, ACK).kind).toBe(kind);
  });

  it("reads quoted old and new wording, and apostrophes are not quotes", () => {
    expect(quotedPhrases("change ‘regular support’ to “15 hours a week”")).toEqual(["regular support", "15 hours a week"]);
    expect(quotedPhrases("Maya's mum's view")).toEqual([]);
    expect(readRequest("Section A: add that Maya loves swimming", ACK).topic).toBe("Maya loves swimming");
    expect(readRequest("Section B: remove the paragraph about her previous school", ACK).topic).toBe("her previous school");
  });
});

const facts = { childName: "Maya Okafor" };
const A1 = "Maya enjoys drawing and playing with her younger brother at the weekend.";
const B1 = "Maya has difficulties with attention and listening in a busy classroom.";
const B2 = "Her previous school reported that she found transitions between lessons hard.";
const F1 = "Maya will have regular support from an adult in class.";
const F2 = "A teaching assistant will run a social skills group each week.";

/** The draft as the family saw it, with its comments and tracked changes. */
function draft(): DocumentBuilder {
  return planBuilder({ ...facts, status: "draft" })
    .section("A")
    .paragraph(A1)
    .section("B")
    .paragraph(B1)
    .paragraph(B2)
    .section("F")
    .paragraph(F1)
    .paragraph(F2);
}

function finalWith(overrides: Partial<Record<"A1" | "B1" | "B2" | "F1" | "F2", string | null>>, extra: { section: "A" | "F"; text: string }[] = []) {
  const text = { A1, B1, B2, F1, F2, ...overrides };
  const builder = planBuilder({ ...facts, status: "final" });
  builder.section("A");
  if (text.A1) builder.paragraph(text.A1);
  for (const e of extra.filter((x) => x.section === "A")) builder.paragraph(e.text);
  builder.section("B");
  if (text.B1) builder.paragraph(text.B1);
  if (text.B2) builder.paragraph(text.B2);
  builder.section("F");
  if (text.F1) builder.paragraph(text.F1);
  if (text.F2) builder.paragraph(text.F2);
  for (const e of extra.filter((x) => x.section === "F")) builder.paragraph(e.text);
  return builder.build();
}

const letter = (items: string[]) => {
  const builder = new DocumentBuilder({}, "text", "letter.txt").paragraph("Dear SEN Team,").paragraph("We ask for these changes to the draft plan:");
  builder.list(items, true).paragraph("Yours sincerely,").paragraph("Grace Okafor (Maya's mother)");
  return builder.build();
};

const commentedDraft = () =>
  draft()
    .section("F")
    .paragraph(F1)
    .comment("Parent – Grace Okafor", "Please change to 'three 30-minute sessions a week with a trained teaching assistant'", "regular support from an adult")
    .paragraph(F2)
    .comment("SENCo – Mr D. Hughes", "Agreed, thanks", "social skills group")
    .build();

ruleTester(correctionsCarriedOver).run({
  valid: [
    { name: "no draft given", doc: finalWith({}), status: "not-applicable", note: "No draft" },
    {
      name: "a draft checked on its own says it is the draft, not that no draft was given",
      doc: planBuilder({ childName: "Maya Lund", status: "draft" }).section("A").paragraph("Maya likes maps.").build(),
      status: "not-applicable",
      note: "This plan is the draft",
    },
  ],
  invalid: [
    {
      name: "a comment carried over, and an acknowledgement that is not a correction",
      inputs: {
        plan: finalWith({ F1: "Maya will have three 30-minute sessions a week with a trained teaching assistant." }),
        draft: commentedDraft(),
      },
      findings: [
        { messageId: "carried", severity: "info", section: "F", document: "draft", excerpt: "regular support" },
        { messageId: "notACorrection", severity: "info", message: "asks for no change" },
      ],
      status: "pass",
      score: 1,
    },
    {
      name: "the same comment ignored",
      inputs: { plan: finalWith({}), draft: commentedDraft() },
      findings: [
        { messageId: "notCarried", severity: "error", suggestion: 'Change "regular support from an adult" to "three 30-minute' },
        { messageId: "notACorrection" },
      ],
      status: "fail",
      score: 0,
    },
    {
      name: "tracked changes: a replacement accepted, an insertion rejected, a deletion made",
      inputs: {
        plan: finalWith({ A1: "Maya enjoys drawing and swimming at the weekend.", F2: "A teaching assistant will run a social skills group." }),
        draft: draft()
          .section("A")
          .paragraph(A1)
          .trackedChange("deletion", "Grace Okafor", "playing with her younger brother")
          .trackedChange("insertion", "Grace Okafor", "swimming")
          .section("F")
          .paragraph(F2)
          .trackedChange("insertion", "Grace Okafor", "with no more than four children")
          .paragraph("Maya will be collected from the classroom door by a named adult.")
          .trackedChange("deletion", "Mr D. Hughes", "from the classroom door")
          .build(),
      },
      findings: [
        { messageId: "carried", section: "A", message: 'Replace "playing with her younger brother" with "swimming"' },
        { messageId: "notCarried", section: "F", message: "with no more than four children" },
        { messageId: "carried", section: "F" },
      ],
    },
    {
      name: "a response letter: replacement partly done, addition made, removal ignored, an unclear item",
      inputs: {
        plan: finalWith(
          { F1: "Maya will have 15 hours a week of support from a teaching assistant." },
          [{ section: "A", text: "Maya loves swimming and goes every Saturday with her dad." }],
        ),
        draft: draft().build(),
        responses: [
          letter([
            "Section F: change 'regular support from an adult' to '15 hours a week of 1:1 support from a trained teaching assistant'.",
            "Section A: add that Maya loves swimming",
            "Section B: remove the paragraph about her previous school",
            "Section D: we are unhappy with the social care assessment",
          ]),
        ],
      },
      findings: [
        {
          messageId: "partly",
          section: "F",
          document: "response",
          // One full stop after the quoted request, and no "Only partly ...: Only part ..." echo.
          message: "trained teaching assistant'\". Partly carried over: The final has only part of the requested wording",
        },
        { messageId: "carried", section: "A" },
        { messageId: "notCarried", section: "B", message: "previous school" },
        { messageId: "unclear", severity: "warning" },
      ],
    },
    {
      name: "letter items judged in substance, not word for word; a prose request; a thank-you that asks for nothing",
      inputs: {
        plan: finalWith(
          { F1: "A trained teaching assistant will work with Maya for three 30-minute sessions each week." },
          [{ section: "A", text: "Maya loves swimming and goes to the pool with her dad every Saturday." }],
        ),
        draft: draft().build(),
        responses: [
          (() => {
            const builder = new DocumentBuilder({}, "text", "letter.txt").paragraph("Dear SEN Team,").paragraph("Our comments on the draft plan are below.");
            builder.list(
              [
                "Section F says Maya will have 'regular support from an adult'. At the planning meeting the SENCo agreed that she needs a trained teaching assistant for 3 half-hour sessions a week, 30 minutes each. Please change this.",
                "Section B says her previous school reported that she found transitions between lessons hard. That is wrong: it was her current school, Fernhill Primary, that reported it. Please correct this.",
                "We agree with the outcomes set out in Section E.",
              ],
              true,
            );
            return builder
              .paragraph("We would like Section A to say that Maya loves swimming and goes to the pool every Saturday.")
              .paragraph("Do get in touch with any questions.")
              .paragraph("Yours sincerely,")
              .paragraph("Grace Okafor")
              .build();
          })(),
        ],
      },
      findings: [
        { messageId: "carried", severity: "info", section: "F", document: "response" },
        // A letter's finding quotes the request as the family wrote it.
        { messageId: "notCarried", severity: "error", section: "B", document: "response", excerpt: "it was her current school, Fernhill Primary" },
        { messageId: "notACorrection", severity: "info" },
        { messageId: "carried", severity: "info", section: "A" },
      ],
      status: "fail",
    },
    {
      name: "a tracked deletion left in the final: the finding quotes the final's sentence that still says it",
      inputs: {
        plan: finalWith({ B1: `${B1} She often refuses to start her work.` }),
        draft: draft().section("B").paragraph(B1).trackedChange("deletion", "Grace Okafor", "She often refuses to start her work.").build(),
      },
      findings: [{ messageId: "notCarried", section: "B", document: "plan", excerpt: "She often refuses to start her work." }],
    },
    {
      name: "a wrong name flagged by a comment and corrected",
      inputs: {
        plan: finalWith({ B1: "Maya has difficulties with attention and listening in a busy classroom and needs short tasks." }),
        draft: planBuilder({ ...facts, status: "draft" })
          .section("B")
          .paragraph("Mia has difficulties with attention and listening in a busy classroom.")
          .comment("Grace Okafor", "This is not her name", "Mia")
          .paragraph(B2)
          .build(),
      },
      findings: [{ messageId: "carried", excerpt: "Mia has difficulties" }],
    },
  ],
});

ruleTester(finalResolved).run({
  valid: [
    { name: "a clean final, checked with its draft", inputs: { plan: finalWith({}), draft: draft().build() } },
    { name: "a clean final on its own: nothing to check", doc: finalWith({}), status: "not-applicable", note: "no Word comments" },
    { name: "a draft with comments, on its own", doc: commentedDraft(), status: "not-applicable" },
    {
      name: "a PDF final: says that a PDF cannot show Word comments, rather than that there are none",
      inputs: { plan: { ...finalWith({}), format: "pdf" as const }, draft: draft().build() },
      note: "a PDF does not always carry Word comments or tracked changes",
    },
    {
      name: "a PDF final on its own",
      doc: { ...finalWith({}), format: "pdf" as const },
      status: "not-applicable",
      note: "a PDF does not always carry Word comments or tracked changes",
    },
  ],
  invalid: [
    {
      name: "final issued with a comment and a tracked change left in",
      doc: planBuilder({ status: "final" }).section("F").paragraph(F1).comment("Mr D. Hughes", "Can we firm this up?", "regular support").trackedChange("insertion", "Mr D. Hughes", "daily").build(),
      findings: [
        { messageId: "comment", section: "F", excerpt: "regular support", message: 'Word comment from Mr D. Hughes: "Can we firm this up?"' },
        { messageId: "trackedChange", section: "F", excerpt: "daily", message: "tracked insertion" },
      ],
    },
    {
      name: "final still marked draft",
      inputs: { plan: { ...finalWith({}), facts: { status: "draft" } }, draft: draft().build() },
      findings: [{ messageId: "markedDraft" }],
    },
  ],
});

describe("what a letter item points at", () => {
  it("names every section it is about", () => {
    expect(sectionsNamed("Sections D and H1: please add her short breaks")).toEqual(["D", "H1"]);
    expect(sectionsNamed("Part B, and Section F too")).toEqual(["B", "F"]);
    expect(sectionsNamed("no section here")).toEqual([]);
  });

  it("reads what it says the draft says, but not what it says is missing or wanted", () => {
    expect(saidInDraft("Section A says Maya wants to be a nurse. That is not right.")).toBe("Maya wants to be a nurse");
    expect(saidInDraft("Section C leaves out that Maya wears glasses.")).toBeUndefined();
    expect(saidInDraft("Please check Section G names who trains the staff.")).toBeUndefined();
  });
});

describe("what changed between draft and final", () => {
  it("counts added, removed and reworded units per section", () => {
    const d = documentUnits(draft().build());
    const f = documentUnits(finalWith({ B2: null, F1: "Maya will have regular support from a trained adult in class." }, [{ section: "A", text: "Maya loves swimming." }]));
    const changes = summariseChanges(d, f, alignUnits(d, f));
    expect(changes.map((c) => [c.section, c.added, c.removed, c.reworded])).toEqual([
      ["A", 1, 0, 0],
      ["B", 0, 1, 0],
      ["F", 0, 0, 1],
    ]);
  });
});
