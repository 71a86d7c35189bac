import { describe, expect, it } from "vitest";
import { wordChanges } from "../../src/report/word-diff.ts";
import { formatReport } from "../../src/report/formatters/index.ts";
import { fixtureReport } from "../engine/fixture.ts";
import { planBuilder } from "../../src/testing/document-builder.ts";
import { expectValidReport } from "../../src/testing/expect-valid-report.ts";

describe("draft to final, word by word", () => {
  it("a changed frequency is one word struck and one underlined, not a sentence removed and added", () => {
    const words = wordChanges("Juno will see a therapist weekly for 30 minutes.", "Juno will see a therapist fortnightly for 30 minutes.");
    expect(words.filter((w) => w.change !== "same")).toEqual([
      { text: "weekly", change: "removed" },
      { text: "fortnightly", change: "added" },
    ]);
    expect(words.filter((w) => w.change !== "added").map((w) => w.text).join("")).toBe("Juno will see a therapist weekly for 30 minutes.");
    expect(words.filter((w) => w.change !== "removed").map((w) => w.text).join("")).toBe("Juno will see a therapist fortnightly for 30 minutes.");
  });

  it("reworded items carry their words in the JSON and the HTML report strikes and underlines them", async () => {
    const draft = planBuilder({ childName: "Ava Test", status: "draft" }, "pdf")
      .paragraph("Education, Health and Care Plan for Ava Test")
      .section("A", "Part A: All about me")
      .paragraph("I like <b>drawing</b> & \"trains\".")
      .section("F")
      .paragraph("Ava will have access to speech therapy every week in a group of four.")
      .build();
    const report = await fixtureReport({ draft });
    expectValidReport(report);
    const item = report.changes!.flatMap((c) => c.items).find((i) => i.kind === "reworded" && i.words);
    expect(item?.words?.some((w) => w.change === "removed")).toBe(true);
    const html = formatReport(report, "html");
    expect(html).toMatch(/<del>[^<]+<\/del>/);
  });
});
