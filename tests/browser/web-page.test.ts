// The web page end to end in Debian's Chromium (playwright-core, `npm run test:browser`): upload a sample with the
// file picker, see the grade and a known finding, filter, download; upload a final with its draft dropped onto the
// drop zone and see the corrections and what changed; see the message for an unreadable file. Screenshots are kept
// in test-artifacts/.
import { mkdir } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuditPool, type AuditPool } from "../../src/runtime/index.ts";
import type { AuditReport } from "../../src/model/report.ts";
import { createApp, listen, type RunningService } from "../../src/server/index.ts";
import { captureLogger } from "../server/helpers.ts";

// The page's DOM as far as these tests touch it, inside page.evaluate (the project type-checks without the DOM
// library: everything else runs in Node).
interface PageElement {
  id: string;
  className: string;
  outerHTML: string;
  textContent: string | null;
  dataset: Record<string, string | undefined>;
  labels?: { length: number } | null;
  options?: { length: number };
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
}
declare const document: { getElementById(id: string): PageElement | null; querySelectorAll(selector: string): Iterable<PageElement>; activeElement: PageElement | null; documentElement: { scrollWidth: number } };
declare function getComputedStyle(element: PageElement): { outlineStyle: string };
declare const DataTransfer: new () => { items: { add(file: unknown): void } };
declare const File: new (parts: unknown[], name: string, options: { type: string }) => unknown;

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ARTIFACTS = `${ROOT}test-artifacts`;
const sample = (name: string) => `${ROOT}samples/${name}`;

let pool: AuditPool;
let service: RunningService;
let browser: Browser;
let page: Page;
const pageProblems: string[] = [];

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  pool = createAuditPool({ processes: 2 });
  const app = createApp({ env: {}, pool, logger: captureLogger().logger });
  service = await listen(app, { port: 0, host: "127.0.0.1", handleSignals: false });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  page = await context.newPage();
  // A script or style refused by the page's Content-Security-Policy, or any script error, shows up here.
  page.on("console", (message) => {
    // The 422 the unreadable-file test provokes is expected; anything else (a 404 asset, a refused script) is not.
    if (message.type() === "error" && !/status of 422/.test(message.text())) pageProblems.push(message.text());
  });
  page.on("pageerror", (error) => pageProblems.push(error.message));
  await page.goto(service.url);
  // The rule sets have loaded from the API.
  await page.waitForFunction(() => (document.getElementById("ruleset-select")?.options?.length ?? 0) > 1);
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  await pool?.close();
});

describe("the web page", () => {
  it("is accessible in structure: landmarks, headings, a label for every control, a keyboard-operable file input", async () => {
    expect(await page.locator("header").count()).toBe(1);
    expect(await page.locator("main").count()).toBe(1);
    expect(await page.locator("footer").count()).toBe(1);
    expect(await page.locator("h1").textContent()).toBe("EHC plan checker");
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll("input, select, button")]
        .filter((el) => !el.hasAttribute("hidden") && !el.labels?.length && !el.getAttribute("aria-label") && !el.textContent?.trim())
        .map((el) => el.id || el.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    expect(await page.getByRole("status").count()).toBe(1);
    // Tab from the top reaches the skip link, then the plan's file input.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("plan-input");
    const focusRing = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(focusRing).not.toBe("none");
    const ruleSets = await page.locator("#ruleset-select option").allTextContents();
    expect(ruleSets.join(" ")).toMatch(/default.*northshire.*strict/);
  });

  it("without a plan, says so and checks nothing", async () => {
    await page.getByRole("button", { name: "Check the plan" }).click();
    await expect.poll(() => page.locator("#error").textContent()).toMatch(/Choose the plan to check first/);
  });

  it("checks a plan: grade and score, a bar per category, findings by section with the quoted text, filters, downloads", async () => {
    await page.setInputFiles("#plan-input", sample("plan-kai-robinson.docx"));
    expect(await page.locator("#plan-input-chosen").textContent()).toMatch(/plan-kai-robinson\.docx/);
    await page.getByRole("button", { name: "Check the plan" }).click();
    await page.locator("#grade-value").waitFor({ timeout: 90_000 });
    expect(await page.locator("#grade-value").textContent()).toBe("Inadequate");
    expect(Number(await page.locator("#score-value").textContent())).toBeLessThan(50);
    expect(await page.locator("#error").isHidden()).toBe(true);
    expect(await page.locator("#status-text").textContent()).toMatch(/has been checked/);
    // Focus moves to the results so a screen reader announces them.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("results-heading");

    expect(await page.locator(".categories li").count()).toBe(8);

    // A known defect of this sample: a template placeholder left in Section E, quoted.
    const placeholder = page.locator("li.finding", { hasText: "«Child_Forename»" }).first();
    expect(await placeholder.locator("blockquote").textContent()).toContain("«Child_Forename»");
    expect(await placeholder.locator(".finding-source").textContent()).toMatch(/\(.+\)/);
    // Sections in the plan's order, the plan as a whole last.
    const order = await page.locator(".finding-group").evaluateAll((groups) => groups.map((g) => (g as unknown as PageElement).dataset.section));
    const expected = ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K", "plan"].filter((s) => order.includes(s));
    expect(order).toEqual(expected);
    expect(order.at(-1)).toBe("plan");

    // 360 px wide (a phone, or a window beside Word): the report fits with no sideways scrolling.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${ARTIFACTS}/web-page-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await page.locator(".fix-first li").count()).toBeGreaterThan(0);

    await page.screenshot({ path: `${ARTIFACTS}/web-page.png` });
    await page.locator("#findings-heading").evaluate((heading) => heading.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: `${ARTIFACTS}/web-page-findings.png` });
    await page.screenshot({ path: `${ARTIFACTS}/web-page-full.png`, fullPage: true });

    // Filters: errors in provision only.
    const all = await page.locator("li.finding:visible").count();
    await page.selectOption("#filter-category", "provision-specificity");
    await page.getByLabel("Warnings").uncheck();
    await page.getByLabel("Notes").uncheck();
    const shown = page.locator("li.finding:visible");
    expect(await shown.count()).toBeGreaterThan(0);
    expect(await shown.count()).toBeLessThan(all);
    for (const item of await shown.all()) {
      expect(await item.getAttribute("data-category")).toBe("provision-specificity");
      expect(await item.getAttribute("data-severity")).toBe("error");
    }
    expect(await page.locator("#filter-count").textContent()).toMatch(new RegExp(`Showing ${await shown.count()} of ${all} findings`));
    await page.selectOption("#filter-category", "");
    await page.getByLabel("Warnings").check();
    await page.getByLabel("Notes").check();

    const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the report (JSON)" }).click()]);
    expect(json.suggestedFilename()).toBe("plan-kai-robinson-report.json");
    const report = JSON.parse(readFileSync((await json.path())!, "utf8")) as AuditReport;
    expect(report.grade).toBe("inadequate");
    // One bar per category, in the report's order, each with its score, or N/A when none of its checks applied.
    const bars = await page.locator(".categories li").evaluateAll((items) => items.map((li) => [(li as unknown as PageElement).dataset.category, (li as unknown as PageElement).querySelector(".category-score")?.textContent]));
    expect(bars).toEqual(report.categories.map((c) => [c.id, c.score === null ? "N/A" : `${c.score.toFixed(1)} / 100`]));
    expect(await page.locator("li.finding").count()).toBe(report.checks.reduce((n, c) => n + c.findings.length, 0));
    const [html] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the report (HTML page)" }).click()]);
    expect(html.suggestedFilename()).toBe("plan-kai-robinson-report.html");
    expect(readFileSync((await html.path())!, "utf8")).toContain("EHC plan audit: plan-kai-robinson.docx");
  });

  it("checks a final against its draft dropped on the drop zone: what changed, and who asked for what", async () => {
    await page.getByRole("button", { name: "Clear" }).click();
    await page.setInputFiles("#plan-input", sample("pair-1-final.docx"));
    // Drop the draft onto its zone as a file dragged from the desktop would be.
    const transfer = await page.evaluateHandle((bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], "pair-1-draft.docx", { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }));
      return data;
    }, [...readFileSync(sample("pair-1-draft.docx"))]);
    await page.dispatchEvent("#draft-input", "drop", { dataTransfer: transfer });
    expect(await page.locator("#draft-input-chosen").textContent()).toMatch(/pair-1-draft\.docx/);
    await page.getByRole("button", { name: "Check the plan" }).click();
    await page.locator("#changes-heading").waitFor({ timeout: 90_000 });
    expect(await page.locator("#results-heading").textContent()).toBe("Verdict: pair-1-final.docx");
    expect(await page.locator(".changes tbody tr").count()).toBeGreaterThan(0);
    // The parent's comment on the draft: who asked, what, and what the final says.
    const correction = page.locator("li.finding", { hasText: "This is not her name" }).first();
    expect(await correction.locator(".correction").textContent()).toMatch(/Sarah Okafor.*a Word comment.*This is not her name.*Not carried over/s);
    await page.locator(".changes").screenshot({ path: `${ARTIFACTS}/web-page-changes.png` });
  });

  it("explains an unreadable file in plain words", async () => {
    await page.getByRole("button", { name: "Clear" }).click();
    await page.setInputFiles("#plan-input", `${ROOT}tests/fixtures/pdf/encrypted.pdf`);
    await page.getByRole("button", { name: "Check the plan" }).click();
    await page.locator("#error h3").waitFor({ timeout: 60_000 });
    const message = await page.locator("#error").textContent();
    expect(message).toMatch(/A PDF is protected by a password/);
    expect(message).toMatch(/The plan \(encrypted\.pdf\): .*password/);
    expect(message).toMatch(/Reference: [0-9a-f-]{36}/);
    await page.locator("#error").screenshot({ path: `${ARTIFACTS}/web-page-error.png` });
  });

  it("had no script errors and nothing refused by its security policy", () => {
    expect(pageProblems).toEqual([]);
  });
});
