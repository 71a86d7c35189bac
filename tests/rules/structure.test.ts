import placementMatchesStatus from "../../src/rules/builtin/placement-matches-status.ts";
import planDetailsPresent from "../../src/rules/builtin/plan-details-present.ts";
import sectionsHaveContent from "../../src/rules/builtin/sections-have-content.ts";
import sectionsPresent from "../../src/rules/builtin/sections-present.ts";
import type { SectionId, TitleFacts } from "../../src/model/document.ts";
import { SECTION_IDS } from "../../src/model/document.ts";
import { planBuilder } from "../../src/testing/document-builder.ts";
import { ruleTester } from "../../src/testing/rule-tester.ts";

/** A plan with every section listed, each with one sentence unless `content` says otherwise. */
function planWith(ids: readonly SectionId[], content: Partial<Record<SectionId, string | null>> = {}, facts: TitleFacts = { status: "final" }) {
  const builder = planBuilder(facts);
  for (const id of ids) {
    builder.section(id);
    const text = id in content ? content[id] : `Content of section ${id} that describes the child's needs in detail.`;
    if (text) builder.paragraph(text);
  }
  return builder.build();
}

ruleTester(sectionsPresent).run({
  valid: [
    { name: "all twelve sections", doc: planWith(SECTION_IDS), score: 1 },
    { name: "an LA that does not require J", doc: planWith(SECTION_IDS.filter((id) => id !== "J")), options: { required: ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "K"] } },
  ],
  invalid: [
    {
      name: "H2 and K missing",
      doc: planWith(SECTION_IDS.filter((id) => id !== "H2" && id !== "K")),
      findings: [
        { messageId: "missing", section: "H2", message: "Section H2 (other social care provision) is missing" },
        { messageId: "missing", section: "K", message: "advice and information" },
      ],
      status: "fail",
      score: 10 / 12,
    },
  ],
});

ruleTester(sectionsHaveContent).run({
  valid: [
    { name: "every section has content", doc: planWith(SECTION_IDS) },
    { name: "C and D say explicitly there are no needs", doc: planWith(SECTION_IDS, { C: "There are no identified health needs.", D: "None. Social care advice confirmed no social care needs." }) },
    { name: "a draft leaves Section I blank", doc: planWith(SECTION_IDS, { I: null }, { status: "draft" }) },
  ],
  invalid: [
    {
      name: "Section D heading with nothing under it",
      doc: planWith(SECTION_IDS, { D: null }),
      findings: [{ messageId: "empty", section: "D", excerpt: "Section D", suggestion: "There are no social care needs" }],
    },
    {
      name: "Section F only says N/A",
      doc: planWith(SECTION_IDS, { F: "N/A" }),
      findings: [{ messageId: "onlyNone", section: "F", excerpt: "N/A", message: "special educational provision" }],
    },
  ],
});

ruleTester(placementMatchesStatus).run({
  valid: [
    { name: "final names a school", doc: planWith(["I"], { I: "Brookfield Primary School, a mainstream primary academy." }) },
    {
      name: "final names a school and says how it was chosen",
      doc: planWith(["I"], { I: "Greenfield Junior School (mainstream). Kai's parents expressed a preference for Greenfield Junior School. The school was consulted on 3 February 2026." }),
    },
    { name: "draft leaves I blank", doc: planWith(["I"], { I: null }, { status: "draft" }) },
    { name: "draft says the placement will be named later", doc: planWith(["I"], { I: "This section will be completed when the final plan is issued." }, { status: "draft" }) },
    { name: "no status", doc: planWith(["I"], {}, {}), status: "not-applicable" },
    {
      name: "draft that mentions the school will be consulted",
      doc: planWith(["I"], { I: "This section will be completed in the final plan, after the parents have told us their preference and the school has been consulted." }, { status: "draft" }),
    },
    { name: "draft saying only the type being considered", doc: planWith(["I"], { I: "A mainstream primary school with a resource base is being considered." }, { status: "draft" }) },
  ],
  invalid: [
    {
      name: "final with placement to be confirmed",
      doc: planWith(["I"], { I: "School placement to be confirmed." }),
      findings: [{ messageId: "finalUnnamed", section: "I", excerpt: "to be confirmed" }],
    },
    {
      name: "final with an empty Section I",
      doc: planWith(["I"], { I: null }),
      findings: [{ messageId: "finalUnnamed", section: "I", excerpt: "" }],
    },
    {
      name: "draft names a school",
      doc: planWith(["I"], { I: "Oakfield Academy (mainstream secondary)." }, { status: "draft" }),
      findings: [{ messageId: "draftNamed", excerpt: "Oakfield Academy" }],
    },
  ],
});

ruleTester(planDetailsPresent).run({
  valid: [
    {
      name: "complete title block",
      doc: planWith(["A"], {}, { childName: "Ava Thompson", dateOfBirth: "2015-03-12", status: "final", reviewDate: "2027-03-15" }),
    },
    { name: "a draft need not have a review date yet", doc: planWith(["A"], {}, { childName: "Ava Thompson", dateOfBirth: "2015-03-12", status: "draft" }) },
  ],
  invalid: [
    {
      name: "no review date and no status",
      doc: planWith(["A"], {}, { childName: "Ava Thompson", dateOfBirth: "2015-03-12" }),
      findings: [
        { messageId: "missing", message: "The plan does not say whether it is a draft, final or amended plan", severity: "warning" },
        { messageId: "missing", message: "date of the first review", severity: "error", suggestion: "Review date:" },
      ],
      status: "fail",
      score: 0.5,
    },
  ],
});
