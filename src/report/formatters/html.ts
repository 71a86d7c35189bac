// One self-contained, accessible HTML page: landmarks, a heading outline, real tables, text colours with at least
// 4.5:1 contrast, no scripts and no external assets (a Content-Security-Policy says so). All text is escaped.
import type { AuditReport, CheckStatus, Grade, Severity } from "../../model/report.ts";
import {
  gradeReasonText,
  correctionLines,
  countsText,
  dateText,
  findingAnchor,
  FIX_FIRST_HEADING,
  formatScore,
  GRADE_LABELS,
  groupFindings,
  locationText,
  mainDocument,
  notApplicableChecks,
  notApplicableReason,
  SEVERITY_LABELS,
  STATUS_LABELS,
  readingNotes,
} from "./common.ts";

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #1b1b1b; background: #fff; }
.skip, .visually-hidden { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; color: #1d4ed8; padding: .5rem; outline: 3px solid #1d4ed8; }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; border-bottom: 2px solid #d0d0d0; padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.verdict { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
.grade { border: 3px solid; border-radius: .5rem; padding: .5rem 1rem; font-size: 1.3rem; }
.grade-outstanding { border-color: #0b6a0b; color: #0b5a0b; }
.grade-good { border-color: #1d4ed8; color: #1e3a8a; }
.grade-requires-improvement { border-color: #a15c00; color: #6b3d00; }
.grade-inadequate { border-color: #b3261e; color: #8a1c1c; }
.score { font-size: 1.3rem; }
.cap { background: #fff4ce; border-left: 4px solid #a15c00; padding: .5rem .75rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 1rem 0; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #d0d0d0; vertical-align: top; }
thead th { border-bottom: 2px solid #6b6b6b; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bar { display: inline-block; width: 6rem; height: .6rem; background: #e5e5e5; margin-right: .5rem; vertical-align: middle; }
.bar span { display: block; height: 100%; background: #4b5563; }
.bar-pass span { background: #0b6a0b; }
.bar-warning span { background: #a15c00; }
.bar-fail span { background: #b3261e; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 1rem; font-weight: 600; font-size: .9rem; white-space: nowrap; }
.status-pass { background: #dff6dd; color: #0b5a0b; }
.status-warning, .sev-warning { background: #fff4ce; color: #6b3d00; }
.status-fail, .sev-error { background: #fde7e9; color: #8a1c1c; }
.status-not-applicable, .sev-info { background: #ededed; color: #3b3b3b; }
ol.findings { list-style: none; padding: 0; margin: 0; }
ol.findings > li { border: 1px solid #d0d0d0; border-left-width: 6px; border-radius: .25rem; padding: .5rem .75rem; margin: .5rem 0; }
ol.findings > li.error { border-left-color: #b3261e; }
ol.findings > li.warning { border-left-color: #a15c00; }
ol.findings > li.info { border-left-color: #6b6b6b; }
.finding p { margin: .25rem 0; }
blockquote { margin: .5rem 0; padding: .25rem .75rem; border-left: 3px solid #9a9a9a; background: #f6f6f6; font-style: italic; overflow-wrap: anywhere; }
.where { color: #4a4a4a; font-size: .9rem; }
.fix-first ol { padding-left: 1.5rem; }
.fix-first li { margin: .4rem 0; overflow-wrap: anywhere; }
.fix-first a, .where a { color: #1d4ed8; }
code { font-family: ui-monospace, Consolas, monospace; overflow-wrap: anywhere; }
.rewordings li { margin: .4rem 0; overflow-wrap: anywhere; }
del { color: #8a1c1c; text-decoration: line-through; }
ins { color: #0b5a0b; text-decoration: underline; }
li.finding:target { outline: 3px solid #1d4ed8; }
footer { margin-top: 2rem; padding-bottom: 2rem; color: #4a4a4a; font-size: .9rem; }
@media (max-width: 36rem) {
  header, main, footer { padding: 0 .75rem; }
  th, td { padding: .35rem .4rem; }
  td.num { white-space: normal; }
  .bar { width: 3rem; display: block; margin: 0 0 .2rem auto; }
  dl.meta { grid-template-columns: 1fr; }
}
@media print { .skip { display: none; } ol.findings > li { break-inside: avoid; } }
`;

/** The start of every page ehcp-qa writes, up to `<body>`: the same head for the report, the batch summary and rule pages. */
export function htmlHead(options: { title: string; style: string; csp?: string; meta?: string[] }): string[] {
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Our own policy, never user text: written as it is (its quotes are part of the policy).
    ...(options.csp ? [`<meta http-equiv="Content-Security-Policy" content="${options.csp}">`] : []),
    ...(options.meta ?? []),
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>${options.style}</style>`,
    "</head>",
    "<body>",
  ];
}

const badge = (kind: "status" | "sev", value: CheckStatus | Severity, label: string): string => `<span class="badge ${kind}-${value}">${escapeHtml(label)}</span>`;

export interface HtmlOptions {
  /**
   * Where each rule's page is (the service: its /rules/<id>). Without it a finding names its rule's id, for
   * `ehcp-qa rules <id>`: a report saved as a file has no service to link to.
   */
  ruleHref?: (ruleId: string) => string;
}

/** The check a finding comes from, linked to its rule's page when there is one to link to. */
function ruleReference(check: { id: string; title: string; source: string }, options: HtmlOptions): string {
  const e = escapeHtml;
  const title = options.ruleHref ? `<a href="${e(options.ruleHref(check.id))}" title="What this rule checks, and why">${e(check.title)}</a>` : e(check.title);
  const id = options.ruleHref ? "" : ` · rule <code>${e(check.id)}</code>`;
  return `${title} (${e(check.source)})${id}`;
}

export function formatHtml(report: AuditReport, options: HtmlOptions = {}): string {
  const e = escapeHtml;
  const file = mainDocument(report)?.fileName ?? "plan";
  const grade: Grade = report.grade;
  const body: string[] = [];

  body.push(`<a class="skip" href="#findings">Skip to the findings</a>`);
  body.push(`<header><h1>EHC plan audit: ${e(file)}</h1></header>`);
  body.push("<main>");
  body.push(`<section aria-labelledby="verdict-heading"><h2 id="verdict-heading">Verdict</h2>`);
  body.push(`<div class="verdict"><p class="grade grade-${grade}">Grade: <strong>${e(GRADE_LABELS[grade])}</strong></p><p class="score">Score: <strong>${formatScore(report.score)}</strong> out of 100</p></div>`);
  const reason = gradeReasonText(report);
  if (reason) body.push(`<p class="${report.gradeCapped ? "cap" : "grade-reason"}">${e(reason)}</p>`);
  body.push(`<p>${e(countsText(report))}.</p>`);
  body.push(`<dl class="meta"><dt>Rule set</dt><dd>${e(report.ruleset.name)} ${e(report.ruleset.version)}</dd><dt>Checked</dt><dd>${e(dateText(report.generatedAt))}</dd>`);
  for (const doc of report.documents) {
    const size = doc.pages !== undefined ? `${doc.pages} pages` : doc.paragraphs !== undefined ? `${doc.paragraphs} paragraphs` : "";
    body.push(`<dt>${e(doc.role === "plan" ? "Plan" : doc.role[0]!.toUpperCase() + doc.role.slice(1))}</dt><dd>${e(doc.fileName)} (${e(doc.format.toUpperCase())}${size ? `, ${e(size)}` : ""}, ${doc.words} words)</dd>`);
  }
  body.push("</dl>");
  for (const note of readingNotes(report)) body.push(`<p class="reading-note">Note: ${e(note)}</p>`);
  body.push("</section>");

  const first = report.fixFirst ?? [];
  if (first.length > 0) {
    body.push(`<section aria-labelledby="fix-first-heading" class="fix-first"><h2 id="fix-first-heading">${e(FIX_FIRST_HEADING)}</h2><ol>`);
    for (const item of first) {
      body.push(`<li>${badge("sev", item.severity, SEVERITY_LABELS[item.severity])} ${e(item.message)} <a href="#${e(findingAnchor(item.findingId))}">${e(item.place || "See the finding")}</a></li>`);
    }
    body.push("</ol></section>");
  }

  body.push(`<section aria-labelledby="categories-heading"><h2 id="categories-heading">Categories</h2>`);
  body.push(`<table><caption class="visually-hidden">Status and score of each category</caption><thead><tr><th scope="col">Category</th><th scope="col">Status</th><th scope="col">Score (out of 100)</th></tr></thead><tbody>`);
  for (const c of report.categories) {
    const reason = c.status === "not-applicable" ? notApplicableReason(report, c.id) : "";
    const bar = c.score === null ? "" : `<span class="bar bar-${c.status}" aria-hidden="true"><span style="width:${c.score}%"></span></span>`;
    body.push(`<tr><th scope="row">${e(c.title)}${reason ? `<br><span class="where">${e(reason)}</span>` : ""}</th><td>${badge("status", c.status, STATUS_LABELS[c.status])}</td><td class="num">${bar}${formatScore(c.score)}</td></tr>`);
  }
  body.push("</tbody></table></section>");

  body.push(`<section id="findings" aria-labelledby="findings-heading"><h2 id="findings-heading">Findings by section</h2>`);
  const groups = groupFindings(report);
  if (groups.length === 0) body.push("<p>No findings.</p>");
  groups.forEach((group, index) => {
    body.push(`<section aria-labelledby="group-${index}"><h3 id="group-${index}">${e(group.heading)}</h3><ol class="findings">`);
    for (const { finding, check } of group.findings) {
      const where = locationText(finding.location, finding.document);
      body.push(
        `<li class="finding ${finding.severity}"${finding.id ? ` id="${e(findingAnchor(finding.id))}"` : ""}><p>${badge("sev", finding.severity, SEVERITY_LABELS[finding.severity])} ${e(finding.message)}</p>` +
          (finding.excerpt ? `<blockquote><p>${e(finding.excerpt)}</p></blockquote>` : "") +
          correctionLines(finding).map((line) => `<p>${e(line)}</p>`).join("") +
          (finding.suggestion ? `<p><strong>Suggestion:</strong> ${e(finding.suggestion)}</p>` : "") +
          `<p class="where">${where ? `${e(where)} · ` : ""}${ruleReference(check, options)}</p></li>`,
      );
    }
    body.push("</ol></section>");
  });
  body.push("</section>");

  body.push(`<section aria-labelledby="sections-heading"><h2 id="sections-heading">Sections of the plan</h2>`);
  body.push(`<table><thead><tr><th scope="col">Section</th><th scope="col">Heading in the plan</th><th scope="col">Present</th><th scope="col">Words</th></tr></thead><tbody>`);
  for (const s of report.sections) {
    body.push(`<tr><th scope="row">${s.id}</th><td>${s.present ? e(s.title) : "–"}</td><td>${s.present ? "Yes" : "<strong>No</strong>"}</td><td class="num">${s.wordCount}</td></tr>`);
  }
  body.push("</tbody></table></section>");

  const skipped = notApplicableChecks(report);
  if (skipped.length > 0) {
    body.push(`<section aria-labelledby="skipped-heading"><h2 id="skipped-heading">Not checked</h2><ul>`);
    for (const check of skipped) body.push(`<li><strong>${e(check.title)}:</strong> ${e(check.note ?? "not applicable to this plan.")}</li>`);
    body.push("</ul></section>");
  }

  if (report.changes && report.changes.length > 0) {
    body.push(`<section aria-labelledby="changes-heading"><h2 id="changes-heading">Changes from the draft</h2>`);
    body.push(`<table><thead><tr><th scope="col">Section</th><th scope="col">Added</th><th scope="col">Removed</th><th scope="col">Reworded</th></tr></thead><tbody>`);
    for (const c of report.changes) body.push(`<tr><th scope="row">${e(c.section ?? "Outside sections")}</th><td class="num">${c.added}</td><td class="num">${c.removed}</td><td class="num">${c.reworded}</td></tr>`);
    body.push("</tbody></table>");
    const reworded = report.changes.flatMap((c) => c.items.filter((item) => item.words).map((item) => ({ section: c.section, words: item.words! })));
    if (reworded.length > 0) {
      body.push(`<h3>Reworded, word by word</h3><p>Words struck through were in the draft; underlined words are new in the final.</p><ul class="rewordings">`);
      for (const { section, words } of reworded) {
        const marked = words.map((w) => (w.change === "removed" ? `<del>${e(w.text)}</del>` : w.change === "added" ? `<ins>${e(w.text)}</ins>` : e(w.text))).join("");
        body.push(`<li><strong>${e(section ? `Section ${section}` : "Outside sections")}:</strong> ${marked}</li>`);
      }
      body.push("</ul>");
    }
    body.push("</section>");
  }
  body.push("</main>");
  body.push(`<footer><p>Made by ehcp-qa ${e(report.tool.version)}. This report quotes the plan: keep it as securely as the plan itself.</p></footer>`);

  return [
    ...htmlHead({ title: `EHC plan audit: ${file} (${GRADE_LABELS[grade]})`, style: STYLE, csp: "default-src 'none'; style-src 'unsafe-inline'" }),
    ...body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
