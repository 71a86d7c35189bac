import { describe, expect, it } from "vitest";
import { Parser } from "htmlparser2";
import { formatReport, REPORT_FORMATS } from "../../src/report/formatters/index.ts";
import { escapeHtml } from "../../src/report/formatters/html.ts";
import { expectValidReport } from "../../src/testing/expect-valid-report.ts";
import { fixtureReport } from "../engine/fixture.ts";

describe("json", () => {
  it("is the report itself, two-space indented, and schema-valid", async () => {
    const report = await fixtureReport();
    const text = formatReport(report, "json");
    expect(text.split("\n")[1]).toBe('  "schemaVersion": 1,');
    const parsed: unknown = JSON.parse(text);
    expectValidReport(parsed);
    expect(parsed).toEqual(report);
  });
});

describe("text", () => {
  it("puts the grade and score first, then categories, then findings by section in plan order", async () => {
    const text = formatReport(await fixtureReport(), "text");
    const lines = text.split("\n");
    expect(lines[0]).toBe("EHC plan audit: test-plan.pdf");
    expect(lines[1]).toBe("Grade: Inadequate    Score: 16.7 / 100");
    expect(text).toMatch(/Fail\s+0\.0\s+Structure and required content/);
    expect(text).toMatch(/Not applicable\s+–\s+Statutory timescales\s+\(No check in this category is switched on\.\)/);
    const a = text.indexOf("\nThe plan as a whole\n  WARNING  Sections A and B: 0 strengths found; at least 1 expected.\n");
    const f = text.indexOf("\nSection F: Special educational provision\n");
    const i = text.indexOf("\nSection I: Placement (not in the plan)\n");
    expect(a).toBeGreaterThan(text.indexOf("Categories"));
    expect(a).toBeLessThan(f);
    expect(f).toBeLessThan(i);
    expect(text).toContain('  ERROR    "access to" was found here.\n           "Ava will have access to speech therapy."\n           Suggestion: Say how often & who.\n           Section F: Special educational provision, page 1 · No vague provision (SEND Code of Practice 9.69)');
    expect(text).toContain("Sections found: A F    Missing: B C D E G H1 H2 I J K");
    expect(text).toContain("4 findings: 3 errors, 1 warning");
    expect(text).not.toMatch(/\x1b\[/); // no colour codes
  });

  it("explains a capped grade (a report from before grade reasons)", async () => {
    const { gradeReason: _, ...report } = { ...(await fixtureReport()), grade: "requires-improvement" as const, gradeCapped: true };
    expect(formatReport(report, "text")).toContain("The grade is capped at Requires improvement because a critical check failed: Placement is named.");
  });

  it("every human format passes on what the reader could not do in full, as a note", async () => {
    const report = await fixtureReport();
    const [plan, ...rest] = report.documents;
    const noted = { ...report, documents: [{ ...plan!, notes: ["Its tables could not all be read in the time allowed, so their text was read as plain lines."] }, ...rest] };
    for (const format of ["text", "markdown", "html"] as const) {
      expect(formatReport(noted, format)).toContain("test-plan.pdf: Its tables could not all be read in the time allowed");
      expect(formatReport(report, format)).not.toContain("Note: test-plan.pdf");
    }
  });

  it("every human format says what decided the grade", async () => {
    const report = await fixtureReport();
    expect(report.gradeReason).toBe("Inadequate by its score of 16.7; structure and provision specificity fail.");
    for (const format of ["text", "markdown", "html"] as const) expect(formatReport(report, format)).toContain(format === "html" ? "Inadequate by its score of 16.7" : report.gradeReason);
  });
});

describe("markdown", () => {
  it("has the verdict, a category table and escaped findings", async () => {
    const md = formatReport(await fixtureReport(), "markdown");
    expect(md).toMatch(/^# EHC plan audit: test-plan\.pdf\n\n\*\*Grade: Inadequate\*\* · score 16\.7 \/ 100/);
    expect(md).toContain("| Structure and required content | Fail | 0.0 |");
    expect(md).toContain("### Section F: Special educational provision");
    expect(md).toContain("*Suggestion:* Name the school \\<and\\> its type.");
  });
});

describe("html", () => {
  const parse = (html: string) => {
    const tags: { name: string; attrs: Record<string, string> }[] = [];
    let text = "";
    new Parser({ onopentag: (name, attrs) => tags.push({ name, attrs }), ontext: (t) => (text += t) }, { decodeEntities: true }).end(html);
    return { tags, text };
  };

  it("is one self-contained page: no scripts, no external URLs, a CSP that forbids loading anything", async () => {
    const html = formatReport(await fixtureReport(), "html");
    const { tags } = parse(html);
    expect(tags.filter((t) => ["script", "link", "img", "iframe", "object", "embed"].includes(t.name))).toEqual([]);
    for (const tag of tags) for (const [name, value] of Object.entries(tag.attrs)) if (name === "href" || name === "src") expect(value).toMatch(/^#/);
    expect(html).not.toMatch(/url\(|@import|https?:\/\//);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it("has landmarks, a heading outline, labelled table headers and a language", async () => {
    const { tags } = parse(formatReport(await fixtureReport(), "html"));
    const names = tags.map((t) => t.name);
    expect(tags.find((t) => t.name === "html")?.attrs.lang).toBe("en");
    for (const landmark of ["header", "main", "footer"]) expect(names.filter((n) => n === landmark)).toHaveLength(1);
    expect(names.filter((n) => n === "h1")).toHaveLength(1);
    expect(names).toContain("h2");
    expect(tags.filter((t) => t.name === "th").every((t) => t.attrs.scope === "col" || t.attrs.scope === "row")).toBe(true);
    for (const section of tags.filter((t) => t.name === "section")) {
      const id = section.attrs["aria-labelledby"];
      expect(tags.some((t) => t.attrs.id === id && /^h[23]$/.test(t.name))).toBe(true);
    }
  });

  it("escapes every piece of text from the document", async () => {
    const html = formatReport(await fixtureReport(), "html");
    expect(html).not.toContain("<b>drawing</b>");
    expect(html).toContain("Name the school &lt;and&gt; its type.");
    expect(html).toContain("Say how often &amp; who.");
    expect(escapeHtml(`<script>alert("x")</script>'`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;");
    const report = await fixtureReport();
    report.checks[1]!.findings[0]!.excerpt = '<img src="https://evil.example/x.png" onerror="alert(1)">';
    const { tags, text } = parse(formatReport(report, "html"));
    expect(tags.some((t) => t.name === "img")).toBe(false);
    expect(text).toContain('<img src="https://evil.example/x.png"');
  });

  it("shows the grade, each category with its status, and findings with excerpt and suggestion", async () => {
    const { text } = parse(formatReport(await fixtureReport(), "html"));
    expect(text).toContain("Grade: Inadequate");
    expect(text).toContain("Score: 16.7 out of 100");
    expect(text).toContain("Ava will have access to speech therapy.");
    expect(text).toContain("Suggestion: Say how often & who.");
  });
});

describe("every format", () => {
  it("is a pure function of the report", async () => {
    const report = await fixtureReport();
    const frozen = JSON.stringify(report);
    for (const format of REPORT_FORMATS) expect(formatReport(report, format)).toBe(formatReport(report, format));
    expect(JSON.stringify(report)).toBe(frozen);
  });
});

describe("draft corrections and changes", () => {
  it("show who asked for what, the verdict and the final's text, in every format, and the report stays valid", async () => {
    const report = await fixtureReport();
    report.checks[1]!.findings[0]!.correction = { source: "comment", author: "Jo Parent", request: "Please say <how often>", verdict: "not-carried-over", finalText: null };
    report.changes = [{ section: "F", added: 1, removed: 0, reworded: 2, items: [{ kind: "added", final: "New row" }] }];
    expectValidReport(report);
    expect(formatReport(report, "text")).toContain('           Asked for in a Word comment by Jo Parent: "Please say <how often>"\n           Verdict: not carried over\n           The final has no matching passage.\n');
    expect(formatReport(report, "markdown")).toContain("| F | 1 | 0 | 2 |");
    const html = formatReport(report, "html");
    expect(html).toContain("Asked for in a Word comment by Jo Parent: &quot;Please say &lt;how often&gt;&quot;");
    expect(html).toContain('<th scope="row">F</th><td class="num">1</td><td class="num">0</td><td class="num">2</td>');
  });
});
