// The batch dashboard (summary.html) in Debian's Chromium (`npm run test:browser`): made by a real batch over sample
// plans with a damaged file and a manifest column, opened from disk and from a server sending its
// Content-Security-Policy. The charts render with the right number of bars, sized by their values; the plans table
// sorts by score; a plan links to its report; nothing is refused or fails. Then the service's batch page: a zip
// sent, the files it ignored listed with why, the progress followed, the results table sorted by column and linked
// to each report, no sideways scrolling at 360 and 1280 px, the dashboard opened from the download links.
// Screenshots are kept in test-artifacts/.
import { createServer, type Server } from "node:http";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOutputs, discoverPlans, folderSource, parseManifest, runBatch, writeOutputs, type BatchSummary } from "../../src/batch/index.ts";
import { DASHBOARD_CSP } from "../../src/batch/outputs/dashboard.ts";
import { loadRuleSet } from "../../src/index.ts";
import { HTML_REPORT_CSP } from "../../src/server/report-response.ts";
import { createApp, listen } from "../../src/server/index.ts";
import JSZip from "jszip";
import { captureLogger } from "../server/helpers.ts";
import { widthAt } from "./page-width.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ARTIFACTS = path.join(ROOT, "test-artifacts");

let dir: string;
let out: string;
let summary: BatchSummary;
let browser: Browser;
let server: Server;
let serverUrl: string;

async function openPage(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  // A style or script refused by the page's policy, or a script error, is reported here.
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(url);
  return { page, problems };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-dashboard-"));
  const input = path.join(dir, "plans");
  await mkdir(input);
  const samples: [string, string][] = [
    ["plan-isla-thornton.docx", "isla-final.docx"],
    ["plan-kai-robinson.docx", "kai-final.docx"],
    ["plan-rafi-chowdhury.docx", "rafi-final.docx"],
    ["plan-jade-whitlock.docx", "jade-final.docx"],
    ["pair-2-final.docx", "pair-2-final.docx"],
    ["pair-2-draft.docx", "pair-2-draft.docx"],
  ];
  for (const [from, to] of samples) await copyFile(path.join(ROOT, "samples", from), path.join(input, to));
  const damaged = await readFile(path.join(ROOT, "samples", "plan-isla-thornton.docx"));
  await writeFile(path.join(input, "broken-final.docx"), damaged.subarray(0, damaged.length / 2));
  const manifest = parseManifest("id,team\nisla,North\nkai,South\nrafi,North\njade,East\npair-2,South\nbroken,East\n", "manifest.csv");

  const ruleSet = await loadRuleSet("default");
  const source = folderSource(input);
  const { plans } = await discoverPlans(source, manifest);
  const generatedAt = new Date("2026-06-01T09:00:00Z");
  const run = await runBatch({ source, plans, ruleSet, auditDate: "2026-06-01", generatedAt, pool: { threads: 2 } });
  const outputs = await buildOutputs({ results: run.results, columns: manifest.columns, ruleset: ruleSet, generatedAt });
  summary = outputs.summary;
  out = path.join(dir, "out");
  await writeOutputs(out, outputs.files);

  // The same files from a server that sends each page's policy as a header, as the service does.
  server = createServer(async (req, res) => {
    try {
      const file = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      const body = await readFile(path.join(out, file));
      const policy = file.startsWith("/reports/") ? HTML_REPORT_CSP : `${DASHBOARD_CSP}; frame-ancestors 'none'`;
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": policy });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  await mkdir(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** Every bar of a chart: its value, and the size the browser drew it at. */
async function bars(page: Page, chart: string): Promise<{ value: number; width: number; height: number }[]> {
  const rects = page.locator(`#${chart} rect.bar`);
  const result = [];
  for (let i = 0; i < (await rects.count()); i++) {
    const rect = rects.nth(i);
    const box = await rect.boundingBox();
    result.push({ value: Number(await rect.getAttribute("data-value")), width: box?.width ?? 0, height: box?.height ?? 0 });
  }
  return result;
}

describe("summary.html in Chromium", () => {
  it("draws every chart with the right number of bars, each sized by its value", async () => {
    const { page, problems } = await openPage(pathToFileURL(path.join(out, "summary.html")).href);
    const expectedBars: Record<string, number> = {
      "chart-grades": 4,
      "chart-scores": 10,
      "chart-categories": 8,
      "chart-failing": Math.min(10, summary.failingRules.length),
      "chart-breakdown-1": summary.breakdowns[0]!.groups.length * 4,
    };
    expect(summary.breakdowns[0]!.groups.map((g) => g.value)).toEqual(["East", "North", "South"]);
    for (const [chart, count] of Object.entries(expectedBars)) {
      const box = await page.locator(`#${chart}`).boundingBox();
      expect(box?.width, `${chart} is drawn`).toBeGreaterThan(300);
      expect(box?.height, `${chart} is drawn`).toBeGreaterThan(50);
      const drawn = await bars(page, chart);
      expect(drawn, chart).toHaveLength(count);
      for (const bar of drawn) {
        if (bar.value > 0) expect(Math.min(bar.width, bar.height), `${chart}: a bar for ${bar.value} is visible`).toBeGreaterThan(1);
        else expect(Math.min(bar.width, bar.height), `${chart}: a bar for 0 is flat`).toBeLessThan(1);
      }
    }
    // Longer bars for bigger values: the grades chart draws its counts in proportion.
    const grades = await bars(page, "chart-grades");
    const widest = grades.reduce((a, b) => (b.value > a.value ? b : a));
    for (const bar of grades) if (bar.value > 0) expect(bar.width / widest.width).toBeCloseTo(bar.value / widest.value, 1);
    // The figures at the top are the summary's.
    await expect(page.locator("#figures").textContent()).resolves.toContain(`${summary.scored} Scored`);
    await page.screenshot({ path: path.join(ARTIFACTS, "batch-summary.png"), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("sorts the plans by score under its own Content-Security-Policy, and links each plan to its report", async () => {
    const { page, problems } = await openPage(`${serverUrl}/summary.html`);
    const scores = async () => (await page.locator("#table-plans tbody tr td:nth-child(2)").allTextContents()).map((t) => (t === "–" ? null : Number(t)));
    const scored = summary.plans.filter((p) => p.score !== null).map((p) => p.score!);
    await page.getByRole("button", { name: "Score", exact: true }).click();
    expect(await page.locator("#table-plans th[aria-sort]").getAttribute("aria-sort")).toBe("ascending");
    expect(await scores()).toEqual([...[...scored].sort((a, b) => a - b), null]);
    await page.getByRole("button", { name: "Score", exact: true }).click();
    expect(await scores()).toEqual([...[...scored].sort((a, b) => b - a), null]);
    await page.locator("#table-plans a", { hasText: "kai" }).click();
    await page.waitForURL(/reports\/kai\.html$/);
    expect(await page.title()).toContain("kai-final.docx");
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("the service's batch page", () => {
  it("sends a zip of plans, lists the files it ignored, shows the progress and a sortable results table, then opens the dashboard and deletes the results", async () => {
    const app = createApp({ env: { EHCP_QA_BATCH_THREADS: "2" }, logger: captureLogger().logger });
    const service = await listen(app, { port: 0, host: "127.0.0.1", handleSignals: false });
    try {
      const zip = new JSZip();
      zip.file("kai-final.docx", await readFile(path.join(ROOT, "samples", "plan-kai-robinson.docx")));
      zip.file("rafi-final.docx", await readFile(path.join(ROOT, "samples", "plan-rafi-chowdhury.docx")));
      // Two files that are not plans of their own: a PDF copy of a Word plan, and a spreadsheet.
      zip.file("kai-final.pdf", await readFile(path.join(ROOT, "samples", "plan-kai-robinson.pdf")));
      zip.file("caseload.xlsx", "not a plan");
      const zipPath = path.join(dir, "page.zip");
      await writeFile(zipPath, await zip.generateAsync({ type: "uint8array" }));

      const { page, problems } = await openPage(`${service.url}/batch.html`);
      expect(await page.locator("h1").textContent()).toBe("Score a batch of plans");
      await page.getByLabel("The plans (required)").setInputFiles(zipPath);
      await expect(page.locator("#files-input-chosen").textContent()).resolves.toContain("page.zip");
      await page.getByRole("button", { name: "Score the batch" }).click();
      await page.locator("#status-text", { hasText: /Scoring the plans|Done/ }).waitFor();
      // The files it ignored, each with why.
      await page.locator("#skipped:not([hidden])").waitFor();
      expect(await page.locator("#skipped-summary").textContent()).toMatch(/^2 files in the upload are not part of any plan/);
      const ignored = await page.locator("#skipped-list li").allTextContents();
      expect(ignored).toHaveLength(2);
      expect(ignored.find((line) => line.startsWith("kai-final.pdf"))).toMatch(/kai-final\.pdf: .*kai-final\.docx/);
      expect(ignored.find((line) => line.startsWith("caseload.xlsx"))).toMatch(/caseload\.xlsx: \S/);
      await page.locator("#results:not([hidden])").waitFor({ timeout: 120_000 });
      expect(await page.locator("#status-text").textContent()).toBe("Done: 2 of 2 plans.");
      expect(await page.locator("#results-summary").textContent()).toBe("2 plans scored.");
      const links = page.locator("#downloads a");
      expect(await links.allTextContents()).toEqual(["Open the dashboard (summary.html)", "Download the quality return (Excel)", "Download the results (CSV)", "Download every report (JSON lines)"]);
      // The results table: a row per plan with its grade, score, failing categories and first fix, sortable.
      const rows = page.locator("#plans-table tbody tr");
      await expect.poll(() => rows.count()).toBe(2);
      const href = (await page.locator("#plans-table a").first().getAttribute("href")) ?? "";
      expect(href).toMatch(/^\/api\/batches\/[^/]+\/reports\/kai\.html$/);
      const plans = (await (await fetch(`${service.url}${href.replace(/\/reports\/.*$/, "/plans")}`)).json()) as { plans: { id: string; score: number; grade: string; failingCategories: string[]; firstFix: string | null }[] };
      expect(plans.plans.map((p) => p.id)).toEqual(["kai", "rafi"]);
      const cells = async (column: number) => page.locator(`#plans-table tbody tr > :nth-child(${column})`).allTextContents();
      const ids = () => page.locator("#plans-table tbody tr > th a").allTextContents();
      expect(await ids()).toEqual(["kai", "rafi"]);
      expect(await cells(1)).toEqual(["kai (kai-final.docx)", "rafi (rafi-final.docx)"]);
      for (const [i, plan] of plans.plans.entries()) {
        expect((await cells(3))[i]).toBe(plan.score.toFixed(1));
        expect((await cells(4))[i]).toBe(plan.failingCategories.length > 0 ? plan.failingCategories.join(", ") : "None");
        if (plan.firstFix) expect((await cells(5))[i]).toBe(plan.firstFix);
      }
      const byScore = [...plans.plans].sort((a, b) => a.score - b.score).map((p) => p.id);
      await page.getByRole("button", { name: "Score", exact: true }).click();
      expect(await page.locator("#plans-table th[aria-sort]").getAttribute("aria-sort")).toBe("ascending");
      expect(await ids()).toEqual(byScore);
      await page.getByRole("button", { name: "Score", exact: true }).click();
      expect(await page.locator("#plans-table th[aria-sort]").getAttribute("aria-sort")).toBe("descending");
      expect(await ids()).toEqual([...byScore].reverse());
      await page.getByRole("button", { name: "Plan", exact: true }).click();
      expect(await ids()).toEqual(["kai", "rafi"]);
      // Each plan links to its own report.
      const [report] = await Promise.all([page.waitForEvent("popup"), page.locator("#plans-table a", { hasText: "rafi" }).click()]);
      await report.waitForLoadState();
      expect(await report.title()).toContain("rafi-final.docx");
      await report.close();

      // No sideways scrolling at 360 px (the table scrolls in its own box) nor at 1280 px.
      for (const width of [360, 1280]) {
        expect(await widthAt(page, width), `batch page at ${width} px`).toBeLessThanOrEqual(width);
        await page.screenshot({ path: path.join(ARTIFACTS, `batch-page-${width}.png`), fullPage: true });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: path.join(ARTIFACTS, "batch-page.png"), fullPage: true });

      const [dashboard] = await Promise.all([page.waitForEvent("popup"), links.first().click()]);
      await dashboard.waitForLoadState();
      expect(await dashboard.title()).toBe("Plan quality audit: 2 plans");
      expect(await dashboard.locator("#chart-grades rect.bar").count()).toBe(4);
      await dashboard.close();

      await page.getByRole("button", { name: "Delete the results from the checker now" }).click();
      await page.locator("#status-text", { hasText: "The results have been deleted from the checker." }).waitFor();
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await service.stop();
    }
  });
});
