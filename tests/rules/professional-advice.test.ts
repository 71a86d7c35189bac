import { describe, expect, it } from "vitest";
import adviceCurrent from "../../src/rules/builtin/advice-current.ts";
import adviceUsed from "../../src/rules/builtin/advice-used.ts";
import requiredAdvice, { DEFAULT_ABSENCE_PHRASES, DEFAULT_EXPLANATION_PHRASES } from "../../src/rules/builtin/required-advice.ts";
import { DEFAULT_ADVICE_TYPES, readAdviceList } from "../../src/rules/text/advice-list.ts";
import { findDates } from "../../src/text/dates.ts";
import type { TitleFacts } from "../../src/model/document.ts";
import { planBuilder, type DocumentBuilder } from "../../src/testing/document-builder.ts";
import { ruleTester } from "../../src/testing/rule-tester.ts";

const facts: TitleFacts = { childName: "Sam Taylor", planDate: "2025-06-01" };
const PARENT = "Parental advice – Mr and Mrs Taylor, 6 January 2025";
const EDUCATION = "Educational advice – Mrs J Smith, SENCo, Oakfield Primary School, 10 January 2025";
const MEDICAL = "Medical advice – Dr K Khan, Community Paediatrician, Anytown NHS Trust, 14 January 2025";
const PSYCHOLOGY = "Psychological advice – Dr A Brown, Educational Psychologist, Anytown Educational Psychology Service, 3 February 2025";
const SOCIAL_CARE = "Social care advice – Ms P Green, Social Worker, Anytown Children's Services, 20 January 2025";
const SALT = "Speech and language therapy advice – Ms L Grey, Speech and Language Therapist, Anytown NHS Trust, 22 January 2025";

/** B–H refer to every kind of advice in ALL_ADVICE, so advice-used passes on this body. */
function body(builder: DocumentBuilder): DocumentBuilder {
  return builder
    .section("B")
    .paragraph("The educational psychologist (Dr Brown) found that Sam has difficulties with working memory. His parents report that he is anxious at home.")
    .paragraph("His class teacher reports slow progress in reading. The speech and language therapist assessed his expressive language.")
    .section("C")
    .paragraph("The paediatrician has diagnosed ADHD.")
    .section("D")
    .paragraph("The social worker reports that the family receives short breaks.")
    .section("F")
    .paragraph("A teaching assistant will deliver Precision Teaching, 10 minutes daily.");
}

const ALL_ADVICE = [PARENT, EDUCATION, MEDICAL, PSYCHOLOGY, SOCIAL_CARE, SALT];
const planWithK = (entries: string[], extra: (builder: DocumentBuilder) => DocumentBuilder = (b) => b, planFacts: TitleFacts = facts) =>
  extra(body(planBuilder(planFacts)))
    .section("K")
    .paragraph("The following advice and information was obtained:")
    .list(entries)
    .build();

describe("reading the advice list", () => {
  const options = { adviceTypes: DEFAULT_ADVICE_TYPES, absencePhrases: DEFAULT_ABSENCE_PHRASES, explanationPhrases: DEFAULT_EXPLANATION_PHRASES };

  it("reads type, author, role, organisation and date from list items", () => {
    const list = readAdviceList(planWithK([PSYCHOLOGY, PARENT]), options);
    expect(list.where).toBe("Section K");
    expect(list.entries).toHaveLength(2);
    expect(list.entries[0]).toMatchObject({
      types: ["psychological"],
      author: "Dr A Brown",
      role: "Educational Psychologist",
      organisation: "Anytown Educational Psychology Service",
      date: "2025-02-03",
    });
    expect(list.entries[1]).toMatchObject({ types: ["parent"], author: "Mr and Mrs Taylor", date: "2025-01-06" });
  });

  it("reads a table by its column headers", () => {
    const doc = planBuilder(facts)
      .section("K")
      .table(
        ["Type of advice", "Name", "Role", "Organisation", "Date"],
        [
          ["Medical", "Dr K Khan", "Community Paediatrician", "Anytown NHS Trust", "14/01/2025"],
          ["Educational", "Mrs J Smith", "SENCo", "Oakfield Primary School", "Jan 2025"],
        ],
      )
      .build();
    const list = readAdviceList(doc, options);
    expect(list.entries.map((entry) => [entry.types[0], entry.author, entry.role, entry.organisation, entry.date, entry.datePrecision])).toEqual([
      ["medical", "Dr K Khan", "Community Paediatrician", "Anytown NHS Trust", "2025-01-14", "day"],
      ["educational", "Mrs J Smith", "SENCo", "Oakfield Primary School", "2025-01-01", "month"],
    ]);
  });

  it("tells an explanation from an entry", () => {
    const list = readAdviceList(
      planWithK([PARENT, "Social care advice was requested on 3 March 2025 and no social care needs were identified.", "Occupational therapy: N/A"]),
      options,
    );
    expect(list.entries.map((entry) => entry.types[0])).toEqual(["parent"]);
    expect(list.explanations.map((line) => [line.types[0], line.reasoned])).toEqual([
      ["social-care", true],
      ["ot", false],
    ]);
  });

  it("leaves out prose in Section K and reads a service named instead of a person as the organisation", () => {
    const doc = planBuilder(facts)
      .section("K")
      .paragraph("Parents have the right to appeal to the Tribunal about Part B. Information about mediation is enclosed.")
      .list(["Speech and language therapy advice – Westmoor Speech and Language Therapy Service, 2 March 2026"])
      .build();
    const list = readAdviceList(doc, options);
    expect(list.entries).toHaveLength(1);
    expect(list.entries[0]).toMatchObject({ types: ["salt"], organisation: "Westmoor Speech and Language Therapy Service" });
    expect(list.entries[0]?.role).toBeUndefined();
  });

  it("finds dates as plans write them", () => {
    expect(findDates("3rd of Feb. 2025, 03/02/25, 2025-02-03, March 2024 and February 30 2025").map((d) => [d.iso, d.precision])).toEqual([
      ["2025-02-03", "day"],
      ["2025-02-03", "day"],
      ["2025-02-03", "day"],
      ["2024-03-01", "month"],
    ]);
  });
});

ruleTester(requiredAdvice).run({
  valid: [
    { name: "every required kind of advice listed", doc: planWithK(ALL_ADVICE), note: "5 of 5 required kinds" },
    {
      name: "K missing social care advice, with the reason given",
      doc: planWithK([PARENT, EDUCATION, MEDICAL, PSYCHOLOGY, "Social care advice was requested on 3 March 2025 and no social care needs were identified."]),
      note: 'social care advice not obtained, with the reason given: "Social care advice was requested on 3 March 2025',
    },
    {
      name: "the reason given in Section D",
      doc: planWithK([PARENT, EDUCATION, MEDICAL, PSYCHOLOGY], (b) =>
        b.section("D").paragraph("Sam is not known to children's social care; social care advice was not requested because the family has no social care needs."),
      ),
      note: "with the reason given",
    },
    {
      name: "a mild, passing hearing loss or a denial of any impairment needs no specialist sensory advice",
      doc: planWithK(ALL_ADVICE, (b) =>
        b
          .section("B")
          .paragraph("Sam has no hearing or vision impairment.")
          .section("C")
          .paragraph("Sam had a mild hearing loss with glue ear last winter, which has cleared."),
      ),
    },
    {
      name: "vision advice from a sensory service counts as specialist sensory advice",
      doc: planWithK([...ALL_ADVICE, "Vision advice – Mr T Lane, Specialist Teacher, Anytown Sensory Service, 2 February 2025"], (b) =>
        b.section("B").paragraph("Sam has a severe visual impairment and reads large print."),
      ),
    },
    {
      name: "an advice list under a numbered part the sections reader did not recognise",
      doc: body(planBuilder(facts))
        .outsideSections()
        .paragraph("9. Advice and information used for this plan")
        .list(ALL_ADVICE)
        .build(),
    },
    {
      name: "a table with a combined 'Provided by' column",
      doc: body(planBuilder(facts))
        .section("K")
        .table(
          ["Advice", "Provided by", "Date"],
          [
            ["Parental advice", "Mr and Mrs Taylor (parents)", "6 January 2025"],
            ["Educational advice", "Mrs J Smith, SENCo, Oakfield Primary School", "10 January 2025"],
            ["Medical advice", "Dr K Khan, Community Paediatrician, Anytown NHS Trust", "14 January 2025"],
            ["Psychological advice", "Dr A Brown, Educational Psychologist, Anytown EPS", "3 February 2025"],
            ["Social care advice", "Ms P Green, Social Worker, Anytown Children's Services", "20 January 2025"],
          ],
        )
        .build(),
    },
  ],
  invalid: [
    {
      name: "K missing health (medical) advice",
      doc: planWithK([PARENT, EDUCATION, PSYCHOLOGY, SOCIAL_CARE]),
      findings: [{ messageId: "missingType", severity: "error", section: "K", excerpt: "", message: "lists no medical advice" }],
      status: "fail",
      score: 0.8,
    },
    {
      name: "social care marked N/A with no reason",
      doc: planWithK([PARENT, EDUCATION, MEDICAL, PSYCHOLOGY, "Social care advice: N/A"]),
      findings: [{ messageId: "absentWithoutReason", excerpt: "Social care advice: N/A", message: "no social care advice, but not why" }],
      status: "fail",
    },
    {
      name: "hearing impairment in Section C makes a teacher of the deaf's advice required",
      doc: planWithK(ALL_ADVICE, (b) => b.section("C").paragraph("Sam has a moderate hearing impairment and wears hearing aids.")),
      findings: [{ messageId: "missingType", message: "hearing or vision impairment" }],
    },
    {
      name: "no advice list at all",
      doc: body(planBuilder(facts)).build(),
      findings: [{ messageId: "noList", section: "K" }],
      score: 0,
    },
    {
      name: "an entry without its author's role or organisation",
      doc: planWithK([PARENT, EDUCATION, MEDICAL, "Psychological advice – Dr A Brown, 3 February 2025", SOCIAL_CARE]),
      findings: [{ messageId: "missingDetails", severity: "warning", excerpt: "Psychological advice – Dr A Brown", message: "does not give the author's role or the author's organisation" }],
      status: "warning",
    },
  ],
});

ruleTester(adviceCurrent).run({
  valid: [
    { name: "all advice within 12 months of the plan date", doc: planWithK(ALL_ADVICE), note: "6 of 6" },
    {
      name: "the issue date is used when the plan has no plan date",
      doc: planWithK(ALL_ADVICE, (b) => b, { childName: "Sam Taylor", finalIssuedDate: "2026-01-05" }),
      note: "the date the plan was issued (5 January 2026)",
    },
    { name: "no advice list", doc: body(planBuilder(facts)).build(), status: "not-applicable" },
  ],
  invalid: [
    {
      name: "advice older than 12 months at the plan date",
      doc: planWithK([PARENT, "Medical advice – Dr K Khan, Community Paediatrician, Anytown NHS Trust, 14 March 2024", EDUCATION]),
      findings: [{ messageId: "stale", severity: "warning", section: "K", excerpt: "14 March 2024", message: "dated 14 March 2024, 14 months before the plan date (1 June 2025)" }],
      status: "warning",
      score: 2 / 3,
    },
    {
      name: "the audit date stands in when the plan gives no date",
      doc: planWithK([EDUCATION], (b) => b, { childName: "Sam Taylor" }),
      settings: { auditDate: "2026-03-01" },
      findings: [{ messageId: "stale", message: "before the date of this audit (1 March 2026)" }],
    },
    {
      name: "undated advice",
      doc: planWithK([PARENT, "Educational advice – Mrs J Smith, SENCo, Oakfield Primary School"]),
      findings: [{ messageId: "undated", excerpt: "Educational advice – Mrs J Smith" }],
    },
  ],
});

ruleTester(adviceUsed).run({
  valid: [
    { name: "every piece of advice is referred to in B–H", doc: planWithK(ALL_ADVICE), note: "6 of 6" },
    {
      name: "an author named by surname counts",
      doc: planBuilder(facts)
        .section("B")
        .paragraph("Dr Okafor's report describes Sam's motor difficulties.")
        .section("K")
        .list(["Advice – Dr N Okafor, Anytown Children's Therapy Centre, 2 February 2025"])
        .build(),
    },
    {
      name: "the child's own views need not be referred to in B–H",
      doc: planWithK(["Child's views – one-page profile completed with Sam, 5 January 2025"]),
      status: "not-applicable",
    },
  ],
  invalid: [
    {
      name: "advice listed but never referred to",
      doc: planWithK([...ALL_ADVICE, "Occupational therapy advice – Mr T Reed, Occupational Therapist, Anytown NHS Trust, 2 February 2025"]),
      findings: [
        {
          messageId: "unused",
          severity: "warning",
          section: "K",
          excerpt: "Occupational therapy advice – Mr T Reed",
          message: "occupational therapy advice from Mr T Reed (Occupational Therapist) is listed, but nothing in Sections B to H refers to it",
        },
      ],
      status: "warning",
      score: 6 / 7,
    },
  ],
});
