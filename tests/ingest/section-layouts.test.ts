// Sections in layouts no template list knows: headings by meaning, combined parts, areas of need, banners, columns.
// Every plan here is invented for the test.
import { describe, expect, it } from "vitest";
import type { EhcpDocument, SectionId } from "../../src/model/document.ts";
import type { RawBlock } from "../../src/ingest/raw.ts";
import { buildDocument } from "../../src/ingest/sections.ts";
import { sectionsByMeaning } from "../../src/ingest/section-meaning.ts";
import { matchSectionHeading, AliasIndex } from "../../src/ingest/section-headings.ts";
import { h, li, p, rawDocument, table } from "./raw-builders.ts";

// No rule-set aliases: recognition must stand on the headings' meaning and letters alone.
const build = (blocks: RawBlock[], format: "docx" | "pdf" = "docx"): EhcpDocument =>
  buildDocument(rawDocument(blocks, format), { fileName: "plan.docx", sha256: "cd".repeat(32), aliases: {} });
const ids = (doc: EhcpDocument): SectionId[] => doc.sections.map((section) => section.id).sort();
const section = (doc: EhcpDocument, id: SectionId) => doc.sections.find((s) => s.id === id);
const noAliases = new AliasIndex({});

describe("headings by the meaning of their words", () => {
  it.each([
    ["The help Priya will get", ["F"]],
    ["How Tomasz will be supported at school", ["F"]],
    ["What I find tricky", ["B"]],
    ["Things Nell needs help with", ["B"]],
    ["What we are working towards", ["E"]],
    ["My health: needs and support", ["C", "G"]],
    ["Social care", ["D", "H"]],
    ["Where I will learn", ["I"]],
    ["What people admire about me", ["A"]],
    ["Reports used to write this plan", ["K"]],
    ["Date of request for assessment of needs", []],
    ["Social, emotional and mental health", []],
  ])("%s", (title, expected) => {
    expect(sectionsByMeaning(title)).toEqual(expected);
  });

  it.each([
    ["B) What Luca finds hard", ["B"]],
    ["H1. Short breaks under the CSDPA", ["H1"]],
    ["Section 3 (B)", ["B"]],
    ["3. Health needs and health provision (Sections C and G)", ["C", "G"]],
    ["Social care (Sections D, H1 and H2)", ["D", "H1", "H2"]],
  ])("letter forms: %s", (text, expected) => {
    expect(matchSectionHeading(text, "heading", noAliases)?.ids).toEqual(expected);
  });

  it("does not read a name with an initial, or a labelled fact, as a section", () => {
    expect(matchSectionHeading("A. Okafor", "paragraph", noAliases)).toBeNull();
    expect(matchSectionHeading("School: Brookfield Academy", "paragraph", noAliases)).toBeNull();
  });
});

describe("bold-line and banner layouts", () => {
  it("finds every section from short lines with first-person titles and no styles", () => {
    const doc = build([
      p("Education, Health and Care Plan"),
      p("Name: Nell Armitage"),
      p("All about me"),
      p("I like trains and my dog Biscuit. I want to be a vet."),
      p("What I find difficult"),
      p("Nell reads slowly and skips lines when she reads aloud."),
      p("What I want to achieve"),
      li("By July 2027, Nell will read a page of a class reader aloud with fewer than 3 errors."),
      p("The help I will get"),
      p("A teaching assistant will read with Nell for 20 minutes, four times a week."),
      p("My health"),
      p("Nell has eczema; her GP reviews it each spring."),
      p("Personal budget"),
      p("No personal budget has been requested."),
    ]);
    expect(ids(doc)).toEqual(["A", "B", "C", "E", "F", "G", "J"]);
    expect(section(doc, "F")!.matchedBy).toBe("meaning");
    expect(section(doc, "F")!.foundBy).toBe("line");
  });

  it("reads one-cell banner tables as headings", () => {
    const doc = build([
      table([], [["PART ONE: ALL ABOUT OSKAR"]]),
      p("Benji loves swimming and wants to be a lifeguard one day."),
      table([], [["PART TWO: WHAT OSKAR FINDS HARD"]]),
      p("Benji struggles to remember a list of spoken tasks given all at once."),
      table([], [["PART THREE: THE SUPPORT OSKAR WILL RECEIVE"]]),
      p("A speech and language therapist will see Benji for 30 minutes each week."),
      table([], [["PART FOUR: SECTION J – PERSONAL BUDGET"]]),
      p("None requested."),
    ]);
    expect(ids(doc)).toEqual(["A", "B", "F", "J"]);
    expect(section(doc, "B")!.foundBy).toBe("banner");
  });
});

describe("combined parts and areas of need", () => {
  const areaPlan = (): RawBlock[] => [
    h("1. About me (Section A)"),
    p("I like swimming."),
    h("2. My needs, the help I get and what I am aiming for"),
    p("This part is set out by area of need."),
    h("2.1 Communication and interaction", 2),
    h("What is hard for me", 3),
    p("Jonah finds it hard to take turns in conversation."),
    h("The help I get", 3),
    p("A speech and language therapist will run a turn-taking group of 4 for 30 minutes weekly."),
    h("What I am aiming for", 3),
    p("By July 2026, Jonah will take 3 turns in a conversation with a peer."),
    h("2.2 Cognition and learning", 2),
    table(
      ["What is hard for me", "The help I get", "What I am aiming for"],
      [["Jonah forgets number facts.", "A teaching assistant will run a maths session of 20 minutes daily.", "By July 2026, Jonah will recall number bonds to 10."]],
    ),
    h("3. Health needs and provision (Sections C and G)"),
    h("Health needs", 2),
    p("Jonah has asthma."),
    h("Health provision", 2),
    p("The school nurse will train staff on his inhaler each September."),
    h("4. Social care (Sections D, H1 and H2)"),
    p("Jonah has no social care needs and receives no social care provision."),
    h("5. Personal budget (Section J)"),
    p("None requested."),
  ];

  it("finds B, E and F once each, with a region per area of need, and each part's own text", () => {
    const doc = build(areaPlan());
    expect(ids(doc)).toEqual(["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "J"].sort());
    expect(doc.sections.filter((s) => s.id === "F")).toHaveLength(1);
    const provision = section(doc, "F")!;
    expect(provision.regions.map((region) => region.areaOfNeed)).toEqual(["communication and interaction", "cognition and learning"]);
    expect(provision.blocks.map((block) => block.text)).toEqual([
      "A speech and language therapist will run a turn-taking group of 4 for 30 minutes weekly.",
      "A teaching assistant will run a maths session of 20 minutes daily.",
    ]);
    expect(section(doc, "B")!.blocks.map((block) => block.text)).toContain("Jonah forgets number facts.");
    expect(section(doc, "E")!.blocks.map((block) => block.text)).toContain("By July 2026, Jonah will recall number bonds to 10.");
    expect(section(doc, "G")!.blocks.map((block) => block.text)).toEqual(["The school nurse will train staff on his inhaler each September."]);
    expect(section(doc, "C")!.blocks.map((block) => block.text)).toEqual(["Health needs", "Jonah has asthma."]);
    // D, H1 and H2 named together and not separated: each is present, sharing the part's text.
    expect(section(doc, "H2")!.foundBy).toBe("combined");
  });

  it("gives the same sections from the PDF reading of the same plan", () => {
    expect(ids(build(areaPlan(), "pdf"))).toEqual(ids(build(areaPlan())));
  });

  it("does not take an area-of-need sub-heading inside Section B for a section of its own", () => {
    const doc = build([
      h("Section A: Views"),
      p("I like drawing."),
      h("Section B: Special educational needs"),
      h("Cognition and learning", 2),
      p("Mia finds reading hard."),
      h("Section E: Outcomes"),
      p("By 2027 Mia will read a short book."),
      h("Section F: Special educational provision"),
      p("Daily phonics for 20 minutes with a teaching assistant."),
    ]);
    expect(ids(doc)).toEqual(["A", "B", "E", "F"]);
    // The area is recorded as a region of B, not taken for a section of its own.
    expect(section(doc, "B")!.regions.map((region) => region.areaOfNeed)).toEqual([undefined, "cognition and learning"]);
  });
});

describe("not sections", () => {
  it("does not read an advice report's few plan-like headings as a plan's sections", () => {
    const doc = build([p("Views of the child"), p("Ruby likes painting."), p("Summary of needs"), p("Ruby has a mild hearing loss."), p("Recommended support"), p("A radio aid in class.")]);
    expect(doc.sections).toEqual([]);
  });

  it("skips a contents list and cross-references", () => {
    const doc = build([
      p("Contents"),
      p("All about me ........ 2"),
      p("The help I will get ........ 4"),
      p("All about me"),
      p("Kai likes lorries. For the help he gets, see Section F."),
      p("The help I will get"),
      p("An adult will support Kai at lunchtime for 30 minutes each day."),
      p("Section J: Personal budget"),
      p("None requested."),
    ]);
    expect(ids(doc)).toEqual(["A", "F", "J"]);
    expect(section(doc, "A")!.location).toEqual({ paragraph: 3 });
  });
});
