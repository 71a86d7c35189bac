// summary.html: the page an auditor shows a board. One self-contained file (inline style, inline SVG charts, one
// small inline script that sorts the plans table; nothing fetched), built only from the batch summary, so its
// numbers are those of results.csv and the xlsx. Its Content-Security-Policy allows exactly its own style and
// script (by hash), in a meta tag and, when the service sends it, in the response header too.
import { createHash } from "node:crypto";
import { GRADES, type Grade } from "../../model/report.ts";
import { GRADE_LABELS } from "../../report/formatters/common.ts";
import { escapeHtml, htmlHead } from "../../report/formatters/html.ts";
import { columnBars, horizontalBars, stackedBars, type Bar } from "./charts.ts";
import type { BatchSummary, CategorySummary } from "./summary.ts";

export const GRADE_COLOURS: Record<Grade, string> = {
  outstanding: "#0b6a0b",
  good: "#1d4ed8",
  "requires-improvement": "#a15c00",
  inadequate: "#b3261e",
};

/** How many of the most frequent failing checks the page shows (the xlsx lists them all). */
export const TOP_FAILING_CHECKS = 10;

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b; background: #fff; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: #ffdd00; color: #1b1b1b; padding: .5rem 1rem; }
header { background: #1e3a8a; color: #fff; padding: 1rem 0; }
.wrap { max-width: 64rem; margin: 0 auto; padding: 0 1.25rem; }
.product { margin: 0; font-size: .85rem; letter-spacing: .06em; text-transform: uppercase; }
h1 { margin: .2rem 0; font-size: 1.7rem; line-height: 1.2; }
h2 { font-size: 1.35rem; margin: 2.25rem 0 .75rem; border-bottom: 2px solid #d0d0d0; padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .5rem 0 0; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .75rem; margin: 1.25rem 0 0; padding: 0; list-style: none; }
.cards li { border: 1px solid #d0d0d0; border-radius: .5rem; padding: .6rem .8rem; background: #f4f5f7; }
.cards .figure { display: block; font-size: 1.8rem; font-weight: 700; line-height: 1.2; }
.notice { border-left: 6px solid #a15c00; background: #fff4ce; padding: .6rem .9rem; margin: 1rem 0 0; }
.chart { display: block; max-width: 100%; height: auto; margin: .5rem 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #d0d0d0; vertical-align: top; }
thead th { border-bottom: 2px solid #6b6b6b; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
blockquote { margin: 0; padding-left: .6rem; border-left: 3px solid #8a8a8a; color: #333; }
.grade { font-weight: 600; white-space: nowrap; }
.grade-outstanding { color: #0b5a0b; }
.grade-good { color: #1e3a8a; }
.grade-requires-improvement { color: #6b3d00; }
.grade-inadequate { color: #8a1c1c; }
.code { font-family: ui-monospace, Consolas, monospace; font-size: .9rem; }
th button { font: inherit; font-weight: 700; background: none; border: 0; padding: 0; color: #1d4ed8; cursor: pointer; text-decoration: underline; }
th button:focus-visible, a:focus-visible { outline: 3px solid #1b1b1b; box-shadow: 0 0 0 6px #ffdd00; }
a { color: #1d4ed8; }
footer { margin: 3rem 0 2rem; color: #4a4a4a; font-size: .9rem; }
@media print { header { background: none; color: #1b1b1b; } th button { color: #1b1b1b; text-decoration: none; } }
`;

// Sorts the plans table by the column whose header button is pressed; a second press reverses the order. Rows with
// no value for the column (plans not scored) stay at the bottom.
const SCRIPT = `
document.querySelectorAll("table[data-sortable]").forEach(function (table) {
  var body = table.tBodies[0];
  table.querySelectorAll("th[data-sort-type] button").forEach(function (button) {
    button.addEventListener("click", function () {
      var th = button.closest("th");
      var index = Array.prototype.indexOf.call(th.parentNode.children, th);
      var numeric = th.getAttribute("data-sort-type") === "number";
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("th[aria-sort]").forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[index].getAttribute("data-sort"), y = b.cells[index].getAttribute("data-sort");
        if (x === "" || y === "") return (x === "") - (y === "");
        var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
`;

const hash = (text: string): string => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** The page's policy: its own inline style and script only, nothing loaded from anywhere. */
export const DASHBOARD_CSP = `default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;

const fmt = (value: number | null, suffix = ""): string => (value === null ? "–" : `${value.toFixed(1)}${suffix}`);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

function gradeCell(grade: Grade | null): string {
  return grade ? `<span class="grade grade-${grade}">${escapeHtml(GRADE_LABELS[grade])}</span>` : "–";
}

function table(caption: string, headers: { text: string; num?: boolean }[], rows: string[][], attributes = ""): string {
  const head = headers.map((h) => `<th scope="col"${h.num ? ' class="num"' : ""}>${escapeHtml(h.text)}</th>`).join("");
  const body = rows.map((cells) => `<tr>${cells.join("")}</tr>`).join("\n");
  return `<table${attributes}><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const td = (text: string | number, num = false): string => `<td${num ? ' class="num"' : ""}>${escapeHtml(String(text))}</td>`;
const tdHtml = (html: string): string => `<td>${html}</td>`;

function gradesSection(summary: BatchSummary): string {
  const bars: Bar[] = summary.grades.map((g) => ({ label: g.label, value: g.count, text: `${g.count} (${g.percent.toFixed(1)}%)`, colour: GRADE_COLOURS[g.grade] }));
  return [
    `<section aria-labelledby="grades-heading"><h2 id="grades-heading">Grades</h2>`,
    horizontalBars({ id: "chart-grades", title: "Grade distribution", description: summary.grades.map((g) => `${g.label}: ${g.count}`).join("; ") }, bars, { labelWidth: 200 }),
    table(
      `Plans by grade (of ${plural(summary.scored, "plan")} scored)`,
      [{ text: "Grade" }, { text: "Plans", num: true }, { text: "% of plans scored", num: true }],
      summary.grades.map((g) => [tdHtml(gradeCell(g.grade)), td(g.count, true), td(g.percent.toFixed(1), true)]),
      ' id="table-grades"',
    ),
    "</section>",
  ].join("\n");
}

function scoresSection(summary: BatchSummary): string {
  const bars: Bar[] = summary.histogram.map((bin) => ({ label: bin.label, value: bin.count }));
  return [
    `<section aria-labelledby="scores-heading"><h2 id="scores-heading">Scores</h2>`,
    `<p>Mean score ${fmt(summary.meanScore)}, median ${fmt(summary.medianScore)}, over ${plural(summary.scored, "plan")} scored.</p>`,
    columnBars({ id: "chart-scores", title: "Score histogram", description: summary.histogram.map((b) => `${b.label}: ${b.count}`).join("; ") }, bars, { axisLabel: "Score" }),
    table("Plans by score", [{ text: "Score" }, { text: "Plans", num: true }], summary.histogram.map((b) => [td(b.label), td(b.count, true)]), ' id="table-scores"'),
    "</section>",
  ].join("\n");
}

function categoriesSection(summary: BatchSummary): string {
  const rate = (c: CategorySummary) => (c.passRate === null ? "not applicable" : `${c.passRate.toFixed(1)}%`);
  const bars: Bar[] = summary.categories.map((c) => ({ label: c.title, value: c.passRate ?? 0, text: rate(c), colour: "#0b6a0b" }));
  return [
    `<section aria-labelledby="categories-heading"><h2 id="categories-heading">Pass rate by category</h2>`,
    `<p>The share of plans that passed each category, of the plans where it applied (draft corrections apply only when a draft was given). A warning is not a pass.</p>`,
    horizontalBars({ id: "chart-categories", title: "Pass rate per category", description: summary.categories.map((c) => `${c.title}: ${rate(c)}`).join("; ") }, bars, { max: 100, labelWidth: 260 }),
    table(
      "Categories",
      [{ text: "Category" }, { text: "Applied to", num: true }, { text: "Pass", num: true }, { text: "Warning", num: true }, { text: "Fail", num: true }, { text: "Pass rate %", num: true }, { text: "Mean score", num: true }],
      summary.categories.map((c) => [td(c.title), td(c.applicable, true), td(c.pass, true), td(c.warning, true), td(c.fail, true), td(c.passRate === null ? "–" : c.passRate.toFixed(1), true), td(fmt(c.meanScore), true)]),
      ' id="table-categories"',
    ),
    "</section>",
  ].join("\n");
}

function failingSection(summary: BatchSummary): string {
  const top = summary.failingRules.slice(0, TOP_FAILING_CHECKS);
  if (top.length === 0) return `<section aria-labelledby="failing-heading"><h2 id="failing-heading">Most frequent failings</h2><p>No check failed in any plan scored.</p></section>`;
  const bars: Bar[] = top.map((r) => ({ label: r.title, value: r.plans, text: `${r.plans} (${r.percent.toFixed(1)}%)`, colour: "#b3261e" }));
  const example = (r: (typeof top)[number]) =>
    r.example ? `<blockquote>${escapeHtml(r.example.excerpt)}</blockquote><small>${escapeHtml(r.example.planId)}${r.example.section ? `, Section ${escapeHtml(r.example.section)}` : ""}</small>` : "–";
  return [
    `<section aria-labelledby="failing-heading"><h2 id="failing-heading">Most frequent failings</h2>`,
    `<p>The checks that failed in the most plans${summary.failingRules.length > top.length ? ` (the ${top.length} most frequent of ${summary.failingRules.length}; quality-return.xlsx lists them all)` : ""}, with a passage from one plan as an example.</p>`,
    horizontalBars({ id: "chart-failing", title: "Most frequent failing checks", description: top.map((r) => `${r.title}: ${r.plans} plans`).join("; ") }, bars, { labelWidth: 300 }),
    table(
      "Failing checks",
      [{ text: "Check" }, { text: "Category" }, { text: "Plans failing", num: true }, { text: "% of plans scored", num: true }, { text: "Example" }],
      top.map((r) => [td(r.title), td(summary.categories.find((c) => c.id === r.category)?.title ?? r.category), td(r.plans, true), td(r.percent.toFixed(1), true), tdHtml(example(r))]),
      ' id="table-failing"',
    ),
    "</section>",
  ].join("\n");
}

/** Shared paragraphs shown on the page; results.jsonl names every one for each plan. */
const SHARED_SHOWN = 20;

function sharedSection(summary: BatchSummary): string {
  const shared = summary.sharedParagraphs;
  if (!shared) return "";
  const heading = `<section aria-labelledby="shared-heading"><h2 id="shared-heading">Paragraphs copied between children's plans</h2>`;
  if (shared.length === 0) return `${heading}<p>No paragraph of 20 words or more recurs almost word for word in the plans of different children.</p></section>`;
  const ids = (group: (typeof shared)[number]) => escapeHtml(group.ids.length > 10 ? `${group.ids.slice(0, 10).join(", ")} and ${group.ids.length - 10} more` : group.ids.join(", "));
  return [
    heading,
    `<p>Text found almost word for word in the plans of different children (the child's name set aside): boilerplate that may not describe each child. ${shared.length > SHARED_SHOWN ? `The ${SHARED_SHOWN} most shared of ${shared.length}; ` : ""}results.jsonl lists them for each plan.</p>`,
    table(
      "Shared paragraphs",
      [{ text: "Group" }, { text: "Paragraph" }, { text: "Plans", num: true }, { text: "Which plans" }],
      shared.slice(0, SHARED_SHOWN).map((group) => [td(group.group), tdHtml(`<blockquote>${escapeHtml(group.text)}</blockquote>`), td(group.plans, true), tdHtml(ids(group))]),
      ' id="table-shared-paragraphs"',
    ),
    "</section>",
  ].join("\n");
}

function breakdownSections(summary: BatchSummary): string {
  if (summary.breakdowns.length === 0) return "";
  const key = GRADES.map((grade) => ({ label: GRADE_LABELS[grade], colour: GRADE_COLOURS[grade] }));
  const parts = [`<section aria-labelledby="breakdowns-heading"><h2 id="breakdowns-heading">Breakdowns</h2>`];
  summary.breakdowns.forEach((breakdown, index) => {
    const id = `breakdown-${index + 1}`;
    parts.push(
      `<h3 id="${id}-heading">By ${escapeHtml(breakdown.column)}</h3>`,
      stackedBars(
        { id: `chart-${id}`, title: `Grades by ${breakdown.column}`, description: breakdown.groups.map((g) => `${g.value}: ${GRADES.map((grade) => `${g.grades[grade]} ${GRADE_LABELS[grade].toLowerCase()}`).join(", ")}`).join("; ") },
        breakdown.groups.map((g) => ({ label: g.value, segments: GRADES.map((grade) => ({ label: GRADE_LABELS[grade], value: g.grades[grade], colour: GRADE_COLOURS[grade] })) })),
        key,
      ),
      table(
        `Plans by ${breakdown.column}`,
        [{ text: breakdown.column }, { text: "Plans", num: true }, { text: "Scored", num: true }, { text: "Not scored", num: true }, { text: "Mean score", num: true }, ...GRADES.map((grade) => ({ text: GRADE_LABELS[grade], num: true }))],
        breakdown.groups.map((g) => [td(g.value), td(g.plans, true), td(g.scored, true), td(g.unreadable, true), td(fmt(g.meanScore), true), ...GRADES.map((grade) => td(g.grades[grade], true))]),
        ` id="table-${id}" data-column="${escapeHtml(breakdown.column)}"`,
      ),
    );
  });
  parts.push("</section>");
  return parts.join("\n");
}

function unreadableSection(summary: BatchSummary): string {
  const failed = summary.plans.filter((p) => p.problemCode !== null);
  if (failed.length === 0) return "";
  return [
    `<section aria-labelledby="unreadable-heading"><h2 id="unreadable-heading">Plans that could not be scored</h2>`,
    table(
      `${plural(failed.length, "plan")} not scored`,
      [{ text: "Plan" }, { text: "Code" }, { text: "What happened" }],
      failed.map((p) => [td(p.id), tdHtml(`<span class="code">${escapeHtml(p.problemCode!)}</span>`), td(p.problem ?? "")]),
      ' id="table-unreadable"',
    ),
    "</section>",
  ].join("\n");
}

function plansSection(summary: BatchSummary): string {
  const sortable = (text: string, type: "number" | "text") => `<th scope="col" data-sort-type="${type}"${type === "number" ? ' class="num"' : ""}><button type="button">${escapeHtml(text)}</button></th>`;
  const rows = summary.plans.map((p) => {
    const name = p.reportFile ? `<a href="${escapeHtml(p.reportFile)}">${escapeHtml(p.id)}</a>` : escapeHtml(p.id);
    const gradeRank = p.grade ? String(GRADES.indexOf(p.grade)) : "";
    return [
      `<td data-sort="${escapeHtml(p.id)}">${name}</td>`,
      `<td class="num" data-sort="${p.score ?? ""}">${p.score === null ? "–" : p.score.toFixed(1)}</td>`,
      `<td data-sort="${gradeRank}">${gradeCell(p.grade)}</td>`,
      `<td class="num" data-sort="${p.failedChecks ?? ""}">${p.failedChecks ?? "–"}</td>`,
      `<td data-sort="${escapeHtml(p.problemCode ?? "")}">${p.problemCode ? `<span class="code">${escapeHtml(p.problemCode)}</span>` : ""}</td>`,
    ].join("");
  });
  return [
    `<section aria-labelledby="plans-heading"><h2 id="plans-heading">Every plan</h2>`,
    `<p>Press a column's heading to sort by it (again to reverse). Each scored plan links to its own report.</p>`,
    `<table id="table-plans" data-sortable><caption>${plural(summary.plans.length, "plan")}</caption><thead><tr>${sortable("Plan", "text")}${sortable("Score", "number")}${sortable("Grade", "number")}${sortable("Failed checks", "number")}${sortable("Not scored", "text")}</tr></thead><tbody>`,
    rows.map((cells) => `<tr>${cells}</tr>`).join("\n"),
    "</tbody></table></section>",
  ].join("\n");
}

export function dashboardHtml(summary: BatchSummary): string {
  const cards = [
    ["Plans in the batch", String(summary.total)],
    ["Scored", String(summary.scored)],
    ["Could not be scored", String(summary.unreadable)],
    ["Mean score", fmt(summary.meanScore)],
    ["Median score", fmt(summary.medianScore)],
  ];
  const stopped = summary.pending > 0
    ? `<p class="notice" role="status">This run was stopped before the end: ${plural(summary.pending, "plan")} ${summary.pending === 1 ? "is" : "are"} not scored yet, and this page covers only the ${summary.total - summary.pending} finished. Run the same command again (same output folder) to finish.</p>`
    : "";
  return [
    ...htmlHead({ title: `Plan quality audit: ${plural(summary.total, "plan")}`, style: STYLE, csp: DASHBOARD_CSP, meta: ['<meta name="referrer" content="no-referrer">'] }),
    '<a class="skip" href="#main">Skip to the summary</a>',
    `<header><div class="wrap"><p class="product">ehcp-qa · quality return</p><h1>Plan quality audit: ${plural(summary.total, "plan")}</h1>`,
    `<dl class="meta"><dt>Rule set</dt><dd>${escapeHtml(`${summary.ruleset.name} ${summary.ruleset.version}`)}</dd><dt>Audit date</dt><dd>${escapeHtml(summary.auditDates.join(", ") || "–")}</dd><dt>Made</dt><dd>${escapeHtml(summary.generatedAt.replace("T", " ").slice(0, 16))} UTC by ehcp-qa ${escapeHtml(summary.toolVersion)}</dd></dl></div></header>`,
    '<main id="main" class="wrap">',
    `<ul class="cards" id="figures">${cards.map(([label, figure]) => `<li><span class="figure">${escapeHtml(figure!)}</span> ${escapeHtml(label!)}</li>`).join("")}</ul>`,
    stopped,
    gradesSection(summary),
    scoresSection(summary),
    categoriesSection(summary),
    failingSection(summary),
    sharedSection(summary),
    breakdownSections(summary),
    unreadableSection(summary),
    plansSection(summary),
    "</main>",
    `<footer class="wrap"><p>This page quotes passages from the plans: keep it as securely as the plans themselves. The same figures are in results.csv and quality-return.xlsx.</p></footer>`,
    `<script>${SCRIPT}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
