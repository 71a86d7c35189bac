import { describe, expect, it } from "vitest";
import type { CheckResult } from "../../src/model/report.ts";
import { describeFindingPlaces } from "../../src/report/place.ts";
import { planBuilder } from "../../src/testing/document-builder.ts";

// An invented plan: a sub-heading per area of need, a provision table under each.
const plan = planBuilder({ childName: "Tobias Wren", status: "final" }, "docx")
  .paragraph("EHC plan for Tobias Wren")
  .section("F", "Part 6: The help I get")
  .heading("Talking and listening", 3)
  .paragraph("Tobias will get help with talking.")
  .table(["Need", "Provision", "How often"], [["Listening", "Adult support as needed", "daily"], ["Vocabulary", "Word games in a group of 4 with the class teacher", "weekly"]])
  .heading("Moving about", 3)
  .table(["Need", "Provision"], [["Stairs", "A physiotherapist will see Tobias"]])
  .build();

function placesOf(findings: { blockId?: string; excerpt: string; section: "F" | null; document?: "draft" }[], inputs = {}): string[] {
  const check: CheckResult = {
    id: "x",
    category: "provision-specificity",
    title: "X",
    status: "fail",
    score: 0,
    weight: 1,
    critical: false,
    source: "s",
    findings: findings.map((f) => ({ severity: "error", message: "m", section: f.section, excerpt: f.excerpt, suggestion: "", location: f.blockId ? { block: f.blockId } : {}, ...(f.document ? { document: f.document } : {}) })),
  };
  describeFindingPlaces([check], { plan, responses: [], advice: [], ...inputs });
  return check.findings.map((f) => f.location.description!);
}

const blockId = (text: string) => plan.blocks.find((b) => b.text.includes(text))!.id;

describe("places a Word reader can find", () => {
  it("names the section as headed, the sub-heading, the table number in the section and the row as Word counts it", () => {
    const [row, second, paragraph] = placesOf([
      { blockId: blockId("Vocabulary"), excerpt: "Word games in a group of 4 with the class teacher", section: "F" },
      { blockId: blockId("Stairs"), excerpt: "A physiotherapist will see Tobias", section: "F" },
      { blockId: blockId("help with talking"), excerpt: "Tobias will get help with talking.", section: "F" },
    ]);
    expect(row).toBe('Section F: Part 6: The help I get, under "Talking and listening", table 1, row 3 ("Vocabulary")');
    expect(second).toBe('Section F: Part 6: The help I get, under "Moving about", table 2, row 2 ("Stairs")');
    expect(paragraph).toBe('Section F: Part 6: The help I get, under "Talking and listening"');
  });

  it("a finding about something missing names its section or the plan as a whole; one in another file says which", () => {
    const [missing, whole, draft] = placesOf([
      { excerpt: "", section: "F" },
      { excerpt: "", section: null },
      { blockId: "b999", excerpt: "", section: null, document: "draft" },
    ]);
    expect(missing).toBe("Section F: Part 6: The help I get");
    expect(whole).toBe("the plan as a whole");
    expect(draft).toBe("In the draft");
  });
});
