// The pages a QA officer reads, at 360 px (a phone, or a narrow window beside Word) and at 1280 px, in Debian's
// Chromium (`npm run test:browser`): the plan page before and after a check, the HTML report, a rule's page. None
// scrolls sideways. A finding links to its rule's page, and a PDF plan comes back from "Download the plan with
// comments" as a PDF with highlights. Screenshots are kept in test-artifacts/.
import { mkdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuditPool, type AuditPool } from "../../src/runtime/index.ts";
import { createApp, listen, type RunningService } from "../../src/server/index.ts";
import { captureLogger } from "../server/helpers.ts";
import { widthAt } from "./page-width.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ARTIFACTS = `${ROOT}test-artifacts`;
const sample = (name: string) => `${ROOT}samples/${name}`;
const WIDTHS = [360, 1280];

let pool: AuditPool;
let service: RunningService;
let browser: Browser;
const pageProblems: string[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") pageProblems.push(message.text());
  });
  page.on("pageerror", (error) => pageProblems.push(error.message));
  return page;
}

/** The page fits each width; a full-page screenshot of each is kept. */
async function expectNoSidewaysScroll(page: Page, name: string): Promise<void> {
  for (const width of WIDTHS) {
    expect(await widthAt(page, width), `${name} at ${width} px`).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${ARTIFACTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  pool = createAuditPool({ processes: 2, spareProcesses: 0 });
  service = await listen(createApp({ env: {}, pool, logger: captureLogger().logger }), { port: 0, host: "127.0.0.1", handleSignals: false });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  await pool?.close();
});

describe("at 360 and 1280 px", () => {
  it("the plan page, before and after a check; a finding opens its rule's page", async () => {
    const page = await newPage();
    await page.goto(service.url);
    await expectNoSidewaysScroll(page, "plan-page");

    await page.setInputFiles("#plan-input", sample("plan-jade-whitlock.docx"));
    await page.getByRole("button", { name: "Check the plan" }).click();
    await page.locator("#grade-value").waitFor({ timeout: 90_000 });
    await expectNoSidewaysScroll(page, "plan-page-report");

    const link = page.locator("li.finding .rule-link").first();
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/rules\/[a-z0-9-]+$/);
    const [rule] = await Promise.all([page.waitForEvent("popup"), link.click()]);
    await rule.waitForLoadState();
    expect(await rule.locator("h2", { hasText: "What it checks" }).count()).toBe(1);
    await rule.close();
    await page.close();
  });

  it("the HTML report, with each finding linked to its rule's page", async () => {
    const form = new FormData();
    form.append("plan", new Blob([await readFile(sample("plan-kai-robinson.docx"))]), "plan-kai-robinson.docx");
    const response = await fetch(`${service.url}/api/audits?format=html`, { method: "POST", body: form });
    expect(response.status).toBe(200);
    const page = await newPage();
    // Served as the service serves it, with its policy, so what the browser shows is what a user gets.
    await page.route(`${service.url}/report-under-test`, async (route) =>
      route.fulfill({ status: 200, headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": response.headers.get("content-security-policy") ?? "" }, body: await response.text() }),
    );
    await page.goto(`${service.url}/report-under-test`);
    expect(await page.locator("h1").textContent()).toContain("plan-kai-robinson.docx");
    await expectNoSidewaysScroll(page, "html-report");
    const ruleLink = page.locator("li.finding .where a").first();
    await ruleLink.click();
    await page.waitForURL(/\/rules\/[a-z0-9-]+$/);
    expect(await page.locator("h2", { hasText: "Why it matters" }).count()).toBe(1);
    await page.close();
  });

  it("a rule's page, and the list of rules", async () => {
    const page = await newPage();
    await page.goto(`${service.url}/rules/provision-specificity`);
    expect(await page.locator("h1").textContent()).toBe("Provision is specific and quantified");
    expect(await page.locator("ul.fail li").count()).toBeGreaterThan(0);
    await expectNoSidewaysScroll(page, "rule-page");
    await page.goto(`${service.url}/rules`);
    await expectNoSidewaysScroll(page, "rules-list");
    await page.close();
  });

  it("a PDF plan comes back from 'Download the plan with comments' as the PDF with highlights", async () => {
    const page = await newPage();
    await page.goto(service.url);
    await page.setInputFiles("#plan-input", sample("plan-kai-robinson.pdf"));
    await page.getByRole("button", { name: "Check the plan" }).click();
    await page.locator("#grade-value").waitFor({ timeout: 90_000 });
    expect(await page.getByRole("button", { name: "Download the report as Word" }).count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 90_000 }), page.getByRole("button", { name: "Download the plan with comments" }).click()]);
    expect(download.suggestedFilename()).toBe("plan-kai-robinson-reviewed.pdf");
    const doc = await getDocument({ data: new Uint8Array(await readFile((await download.path())!)), isEvalSupported: false, verbosity: 0 }).promise;
    const subtypes: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) subtypes.push(...(await (await doc.getPage(p)).getAnnotations()).map((a: { subtype: string }) => a.subtype));
    await doc.destroy();
    expect(subtypes).toContain("Highlight");
    await page.close();
  });

  it("had no script errors and nothing refused by a security policy", () => {
    expect(pageProblems).toEqual([]);
  });
});
