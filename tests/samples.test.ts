// The committed samples match their specs, and the specs' ground truth is sound. Needs no LibreOffice: it reads the
// committed files and renders DOCX in memory only to check the renderer's Word features.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { SECTION_IDS } from "../src/model/document.ts";
import type { SampleSpec, TemplateStyle } from "../samples/spec.ts";
import { plans } from "../samples/specs/plans/index.ts";
import { pairs } from "../samples/specs/pairs/index.ts";
import { adviceReports } from "../samples/specs/advice/index.ts";
import { blockExpectations, bodyWordCount, placeBlocks, renderDocx, renderText, specHash, specProblems, unmarkedProvisionStatements, type ManifestEntry } from "../samples/render/index.ts";

const SAMPLES = join(import.meta.dirname, "..", "samples");
const REGENERATE = "run `npm run samples` and commit the result";
const specs: SampleSpec[] = [...plans, ...pairs, ...adviceReports];
const manifest = JSON.parse(readFileSync(join(SAMPLES, "manifest.json"), "utf8")) as { samples: ManifestEntry[] };

describe("committed samples", () => {
  it("the manifest lists every spec, generated from its current text", () => {
    expect(manifest.samples.map((entry) => entry.id)).toEqual(specs.map((spec) => spec.id));
    for (const spec of specs) {
      const entry = manifest.samples.find((candidate) => candidate.id === spec.id);
      expect(entry?.specHash, `${spec.id} changed since its files were generated: ${REGENERATE}`).toBe(specHash(spec));
    }
  });

  it.each(specs.map((spec) => [spec.id, spec] as const))("%s has its DOCX and PDF (and text) committed, each under 1 MB", (_id, spec) => {
    const files = [`${spec.id}.docx`, `${spec.id}.pdf`, ...(spec.alsoText ? [`${spec.id}.txt`] : [])];
    for (const file of files) {
      const path = join(SAMPLES, file);
      expect(existsSync(path), `${file} is missing: ${REGENERATE}`).toBe(true);
      expect(statSync(path).size).toBeLessThan(1024 * 1024);
    }
    expect(readFileSync(join(SAMPLES, `${spec.id}.docx`)).subarray(0, 2).toString("latin1")).toBe("PK");
    expect(readFileSync(join(SAMPLES, `${spec.id}.pdf`)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    if (spec.alsoText) expect(readFileSync(join(SAMPLES, `${spec.id}.txt`), "utf8")).toBe(renderText(spec));
  });
});

describe("sample ground truth", () => {
  it("every spec is self-consistent (markup, comments, revisions, tables, sections, dates)", () => {
    expect(specs.flatMap(specProblems)).toEqual([]);
  });

  it("sample ids are unique", () => {
    expect(new Set(specs.map((spec) => spec.id)).size).toBe(specs.length);
  });

  it("the plan samples cover all five template styles, good and poor, finals and a draft", () => {
    const templates = new Set(plans.map((plan) => plan.template));
    for (const template of ["section-colon", "part-dash", "numbered-bracket", "meaning-only", "table-sections"] satisfies TemplateStyle[]) expect(templates).toContain(template);
    const statuses = new Set(plans.map((plan) => plan.expect.facts?.status));
    expect(statuses).toContain("final");
    expect(statuses).toContain("draft");
  });

  it.each(plans.map((plan) => [plan.id, plan] as const))("%s: 1,500+ words, a full title block, every provision statement labelled", (_id, plan) => {
    expect(bodyWordCount(plan)).toBeGreaterThanOrEqual(1500);
    const facts = plan.expect.facts ?? {};
    for (const fact of ["childName", "dateOfBirth", "status", "requestDate", "draftIssuedDate", "planDate"] as const) expect(facts[fact], fact).toBeTruthy();
    if (facts.status === "final") expect(facts.finalIssuedDate).toBeTruthy();
    expect(unmarkedProvisionStatements(plan)).toEqual([]);
    const outcomeItems = placeBlocks(plan).flatMap(({ block, section }) => (section === "E" && ("ul" in block || "ol" in block) ? ("ul" in block ? block.ul : block.ol) : []));
    expect(outcomeItems.length).toBeGreaterThanOrEqual(3);
    for (const item of outcomeItems) expect(typeof item === "string" ? undefined : item.outcome, `outcome label on "${String(typeof item === "string" ? item : item.text)}"`).toBeDefined();
    expect(plan.expect.sections).toEqual(SECTION_IDS.filter((id) => plan.expect.sections.includes(id)));
  });

  it("provision labels tell good plans from poor ones", () => {
    const share = (plan: SampleSpec): number => {
      const labelled = blockExpectations(plan).filter((expectation) => expectation.provision);
      return labelled.filter((expectation) => expectation.provision === "vague").length / labelled.length;
    };
    const byId = (id: string): SampleSpec => plans.find((plan) => plan.id === id) ?? (() => { throw new Error(`no plan ${id}`); })();
    expect(share(byId("plan-isla-thornton"))).toBeLessThan(0.1);
    expect(share(byId("plan-kai-robinson"))).toBeGreaterThan(0.7);
    for (const plan of plans) expect(blockExpectations(plan).some((expectation) => expectation.provision === "specific"), plan.id).toBe(true);
  });
});

describe("sample renderer", () => {
  const spec: SampleSpec = {
    id: "renderer-check",
    kind: "plan",
    template: "part-dash",
    runningHeader: "Test Child  DOB 01/01/2020  EHC plan",
    blocks: [
      { toc: true },
      { section: "A", title: "All about me" },
      { p: "I like {c:c1}trains{/c} and {ins:r1}big {/ins}buses. I {del:r2}really{/del} **love** swimming." },
      { ul: ["one", "two"] },
      { ol: ["first", "second"] },
      { section: "F", title: "The support I will get" },
      { table: { header: ["Provision", "How often"], rows: [["Phonics, 1:1, with a trained teaching assistant", "30 minutes daily"]], expect: [{ provision: "specific" }] } },
    ],
    comments: [{ id: "c1", author: "A Parent", date: "2026-02-01T10:00:00Z", text: "He prefers buses." }],
    revisions: [
      { id: "r1", author: "A Parent", date: "2026-02-01T10:00:00Z" },
      { id: "r2", author: "A Caseworker", date: "2026-02-02T10:00:00Z" },
    ],
    expect: { sections: ["A", "F"] },
  };

  it("writes real Word features: heading styles, header row, lists, comments, tracked changes, header and page-x-of-y footer", async () => {
    const zip = await JSZip.loadAsync(await renderDocx(spec));
    const part = async (name: string): Promise<string> => (await zip.file(name)?.async("string")) ?? "";
    const body = await part("word/document.xml");
    expect(body).toContain('<w:pStyle w:val="Heading1"/>');
    expect(body).toContain("Part A – All about me");
    expect(body).toContain("<w:tblHeader/>");
    expect(body).toMatch(/<w:numPr>/);
    expect(body).toMatch(/<w:commentRangeStart w:id="0"\/>/);
    expect(body).toMatch(/<w:ins w:id="\d+" w:author="A Parent" w:date="2026-02-01T10:00:00Z">/);
    expect(body).toMatch(/<w:del w:id="\d+" w:author="A Caseworker"[^>]*>[\s\S]*<w:delText[^>]*>really<\/w:delText>/);
    expect(body).toMatch(/Part F – The support I will get<\/w:t><\/w:r><w:r><w:tab\/><w:t[^>]*>99<\/w:t>/);
    expect(await part("word/comments.xml")).toContain("He prefers buses.");
    const header = Object.keys(zip.files).find((name) => /^word\/header\d*\.xml$/.test(name)) ?? "";
    const footer = Object.keys(zip.files).find((name) => /^word\/footer\d*\.xml$/.test(name)) ?? "";
    expect(await part(header)).toContain("Test Child  DOB 01/01/2020  EHC plan");
    expect(await part(footer)).toMatch(/PAGE[\s\S]*NUMPAGES/);
    expect(await part("docProps/core.xml")).toContain("2026-01-01T09:00:00Z");
  });

  it("renders the same bytes every time", async () => {
    expect((await renderDocx(spec)).equals(await renderDocx(spec))).toBe(true);
  });

  it("reads tracked changes as accepted in the ground truth text", () => {
    expect(blockExpectations(spec)).toEqual([{ block: "table-row", section: "F", text: "Phonics, 1:1, with a trained teaching assistant | 30 minutes daily", provision: "specific" }]);
    expect(renderText(spec)).toContain("I like trains and big buses. I  love swimming.");
  });
});
