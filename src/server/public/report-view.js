// Draws a report (the JSON the service returns) into the page: the verdict, a bar per category, what changed from
// the draft, and the findings grouped by section in the plan's order with filters. Text from the plan is only ever
// set as text, never as HTML.

export const SECTION_ORDER = ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"];
export const GRADE_LABELS = { outstanding: "Outstanding", good: "Good", "requires-improvement": "Requires improvement", inadequate: "Inadequate" };
export const STATUS_LABELS = { pass: "Pass", warning: "Warning", fail: "Fail", "not-applicable": "Not applicable" };
export const SEVERITY_LABELS = { error: "Error", warning: "Warning", info: "Note" };
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
const DOCUMENT_LABELS = { plan: "the plan", draft: "the draft", response: "a response letter", advice: "an advice report" };
const CORRECTION_SOURCES = { comment: "a Word comment", "tracked-change": "a tracked change", "response-letter": "a response letter" };
const VERDICTS = {
  "carried-over": "Carried over",
  "partly-carried-over": "Partly carried over",
  "not-carried-over": "Not carried over",
  "not-a-correction": "Not a correction (nothing was asked)",
  unclear: "Unclear",
};

/** h("p", { class: "x" }, "text", child): an element with attributes and children (strings become text). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined || value === null) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
  return element;
}

const formatScore = (score) => (score === null ? "N/A" : score.toFixed(1));

/** "Section F: Special educational provision", or the heading as written when it names its letter already. */
export function sectionHeading(sectionId, sections) {
  if (sectionId === null) return "The plan as a whole";
  const summary = sections.find((s) => s.id === sectionId);
  if (!summary) return `Section ${sectionId}`;
  if (!summary.present) return `Section ${sectionId}: ${summary.title} (not in the plan)`;
  return new RegExp(`\\b${sectionId}\\b`).test(summary.title) ? summary.title : `Section ${sectionId}: ${summary.title}`;
}

/** Position of a finding's block in the document ("b12" -> 12); findings about something absent come last. */
function blockNumber(finding) {
  const n = Number(finding.location?.block?.slice(1));
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

/** Every finding with its check, grouped by section in the plan's order (A … K, then the plan as a whole), in plan order within a section. */
export function groupFindings(report) {
  const placed = report.checks.flatMap((check) => check.findings.map((finding) => ({ finding, check })));
  return [...SECTION_ORDER, null]
    .map((section) => ({
      section,
      heading: sectionHeading(section, report.sections),
      findings: placed.filter((p) => (p.finding.section ?? null) === section).sort((a, b) => blockNumber(a.finding) - blockNumber(b.finding) || SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity]),
    }))
    .filter((group) => group.findings.length > 0);
}

function locationText(finding) {
  const { page, paragraph, description } = finding.location ?? {};
  if (description) return description;
  const where = page !== undefined ? `page ${page}` : paragraph !== undefined ? `paragraph ${paragraph + 1}` : "";
  const inDocument = finding.document && finding.document !== "plan" ? `in ${DOCUMENT_LABELS[finding.document]}` : "";
  return [inDocument, where].filter(Boolean).join(", ");
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function verdict(report) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const check of report.checks) for (const finding of check.findings) counts[finding.severity] += 1;
  const plan = report.documents.find((d) => d.role === "plan") ?? report.documents[0];
  const critical = report.checks.filter((c) => c.critical && c.status === "fail").map((c) => c.title);
  const reason = report.gradeReason ?? (report.gradeCapped ? `The grade is capped at Requires improvement because a critical check failed: ${critical.join("; ")}.` : "");
  return h(
    "div",
    { class: "verdict" },
    h(
      "div",
      { class: `grade grade-${report.grade}` },
      h("p", { class: "grade-label" }, "Grade"),
      h("p", { class: "grade-value", id: "grade-value" }, GRADE_LABELS[report.grade]),
    ),
    h("div", { class: "score" }, h("p", { class: "grade-label" }, "Score"), h("p", { class: "score-value" }, h("span", { id: "score-value" }, formatScore(report.score)), h("span", { class: "out-of" }, " out of 100"))),
    h(
      "div",
      { class: "verdict-facts" },
      h("p", {}, `${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${plural(counts.info, "note")}.`),
      h("p", {}, `Plan: ${plan.fileName} (${plan.format.toUpperCase()}${plan.pages !== undefined ? `, ${plural(plan.pages, "page")}` : ""}, ${plan.words} words). Rule set: ${report.ruleset.name} ${report.ruleset.version}.`),
      report.documents.length > 1 ? h("p", {}, `Also read: ${report.documents.filter((d) => d !== plan).map((d) => `${d.fileName} (${d.role})`).join(", ")}.`) : null,
      reason ? h("p", { class: report.gradeCapped ? "capped" : "grade-reason", id: "grade-reason" }, reason) : null,
    ),
  );
}

function categoryBars(report) {
  const list = h("ul", { class: "categories" });
  for (const category of report.categories) {
    const notApplicable = category.score === null;
    const reason = notApplicable
      ? [...new Set(report.checks.filter((c) => c.category === category.id && c.status === "not-applicable" && c.note).map((c) => c.note))].join(" ")
      : "";
    const fill = h("span", { class: `bar-fill status-${category.status}` });
    if (!notApplicable) fill.style.width = `${category.score}%`;
    list.append(
      h(
        "li",
        { class: `category status-${category.status}`, "data-category": category.id },
        h("span", { class: "category-title" }, category.title),
        h("span", { class: `bar${notApplicable ? " bar-na" : ""}`, "aria-hidden": "true" }, notApplicable ? null : fill),
        h("span", { class: "category-score" }, notApplicable ? "N/A" : `${formatScore(category.score)} / 100`),
        h("span", { class: `badge status-${category.status}` }, STATUS_LABELS[category.status]),
        reason ? h("span", { class: "category-note" }, reason) : null,
      ),
    );
  }
  return h("section", { "aria-labelledby": "categories-heading" }, h("h3", { id: "categories-heading" }, "Categories"), list);
}

function changesPanel(report) {
  if (!report.changes || report.changes.length === 0) return null;
  const rows = report.changes.map((change) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, change.section === null ? "Outside the sections" : `Section ${change.section}`),
      h("td", { class: "num" }, change.added),
      h("td", { class: "num" }, change.removed),
      h("td", { class: "num" }, change.reworded),
    ),
  );
  const details = report.changes
    .filter((change) => change.items.length > 0)
    .map((change) =>
      h(
        "details",
        { class: "change-items" },
        h("summary", {}, `${change.section === null ? "Outside the sections" : `Section ${change.section}`}: ${plural(change.items.length, "change")}`),
        h(
          "ul",
          {},
          change.items.map((item) =>
            h(
              "li",
              { class: `change change-${item.kind}` },
              h("strong", {}, item.kind === "added" ? "Added: " : item.kind === "removed" ? "Removed: " : "Reworded: "),
              // Word by word where the report has it: old words struck through, new words underlined.
              item.words
                ? h(
                    "span",
                    { class: "word-diff" },
                    item.words.map((w) => (w.change === "removed" ? h("del", {}, w.text) : w.change === "added" ? h("ins", {}, w.text) : w.text)),
                  )
                : null,
              item.words ? null : item.draft !== undefined && item.kind !== "added" ? h("span", { class: "was" }, h("span", { class: "visually-hidden" }, "Draft said: "), item.draft) : null,
              item.kind === "reworded" && !item.words ? " → " : null,
              item.words ? null : item.final !== undefined && item.kind !== "removed" ? h("span", { class: "now" }, h("span", { class: "visually-hidden" }, "Final says: "), item.final) : null,
            ),
          ),
        ),
      ),
    );
  return h(
    "section",
    { "aria-labelledby": "changes-heading", class: "changes" },
    h("h3", { id: "changes-heading" }, "What changed from the draft"),
    h("p", {}, "Every change between the draft and this plan, including changes nobody asked for."),
    h("table", {}, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Section"), h("th", { scope: "col" }, "Added"), h("th", { scope: "col" }, "Removed"), h("th", { scope: "col" }, "Reworded"))), h("tbody", {}, rows)),
    details,
  );
}

function correctionDetail(correction) {
  return h(
    "dl",
    { class: "correction" },
    h("dt", {}, "Asked for by"),
    h("dd", {}, `${correction.author || "someone not named"}, in ${CORRECTION_SOURCES[correction.source] ?? correction.source}`),
    h("dt", {}, "What was asked"),
    h("dd", {}, h("q", {}, correction.request)),
    h("dt", {}, "Verdict"),
    h("dd", {}, VERDICTS[correction.verdict] ?? correction.verdict),
    h("dt", {}, "The final says"),
    h("dd", {}, correction.finalText === null ? "Nothing at that place: the passage was removed or could not be found." : h("q", {}, correction.finalText)),
  );
}

/** The findings that matter most, each a link to the full finding below. */
function fixFirstPanel(report) {
  const items = report.fixFirst ?? [];
  if (items.length === 0) return null;
  return h(
    "section",
    { "aria-labelledby": "fix-first-heading", class: "fix-first" },
    h("h3", { id: "fix-first-heading" }, "Fix these first"),
    h(
      "ol",
      {},
      items.map((item) =>
        h("li", {}, h("span", { class: `badge sev-${item.severity}` }, SEVERITY_LABELS[item.severity]), " ", item.message, " ", h("a", { href: `#finding-${item.findingId}` }, item.place || "See the finding")),
      ),
    ),
  );
}

/** The rule's page on this service, with the rule set the report was made with. */
function ruleHref(ruleId, ruleSet) {
  return `/rules/${encodeURIComponent(ruleId)}${ruleSet && ruleSet !== "default" ? `?ruleset=${encodeURIComponent(ruleSet)}` : ""}`;
}

function findingItem(finding, check, categoryTitle, ruleSet) {
  const where = locationText(finding);
  return h(
    "li",
    { class: `finding sev-${finding.severity}`, id: finding.id ? `finding-${finding.id}` : undefined, "data-category": check.category, "data-severity": finding.severity },
    h("p", { class: "finding-head" }, h("span", { class: `badge sev-${finding.severity}` }, SEVERITY_LABELS[finding.severity]), " ", h("span", { class: "finding-category" }, categoryTitle)),
    h("p", { class: "finding-message" }, finding.message),
    finding.excerpt ? h("blockquote", { class: "excerpt" }, h("span", { class: "visually-hidden" }, "Quoted from the plan: "), finding.excerpt) : null,
    finding.correction ? correctionDetail(finding.correction) : null,
    finding.suggestion ? h("p", { class: "suggestion" }, h("strong", {}, "Suggestion: "), finding.suggestion) : null,
    h(
      "p",
      { class: "finding-source" },
      // A new tab: the report lives only in this page, and going back would lose it.
      h("a", { href: ruleHref(check.id, ruleSet), target: "_blank", rel: "noopener", class: "rule-link" }, check.title),
      ` (${check.source || "no source given"})${where ? ` · ${where}` : ""}`,
    ),
  );
}

function findingsSection(report) {
  const categoryTitles = Object.fromEntries(report.categories.map((c) => [c.id, c.title]));
  const groups = groupFindings(report);
  const total = groups.reduce((n, g) => n + g.findings.length, 0);

  const categorySelect = h("select", { id: "filter-category" }, h("option", { value: "" }, "All categories"), report.categories.map((c) => h("option", { value: c.id }, c.title)));
  const severityBoxes = ["error", "warning", "info"].map((severity) =>
    h("label", { class: "check" }, h("input", { type: "checkbox", value: severity, checked: true, class: "filter-severity" }), ` ${SEVERITY_LABELS[severity]}s`),
  );
  const shown = h("p", { id: "filter-count", class: "filter-count", "aria-live": "polite" });
  const emptyNote = h("p", { class: "no-findings", hidden: true }, "No findings match these filters.");
  const groupElements = groups.map((group, index) =>
    h(
      "section",
      { class: "finding-group", "aria-labelledby": `group-${index}`, "data-section": group.section ?? "plan" },
      h("h4", { id: `group-${index}` }, group.heading),
      h("ol", { class: "findings" }, group.findings.map(({ finding, check }) => findingItem(finding, check, categoryTitles[check.category] ?? check.category, report.ruleset?.name))),
    ),
  );

  const apply = () => {
    const category = categorySelect.value;
    const severities = new Set(severityBoxes.map((label) => label.querySelector("input")).filter((box) => box.checked).map((box) => box.value));
    let visible = 0;
    for (const groupElement of groupElements) {
      let inGroup = 0;
      for (const item of groupElement.querySelectorAll("li.finding")) {
        const show = (!category || item.dataset.category === category) && severities.has(item.dataset.severity);
        item.hidden = !show;
        if (show) inGroup++;
      }
      groupElement.hidden = inGroup === 0;
      visible += inGroup;
    }
    shown.textContent = visible === total ? `Showing all ${plural(total, "finding")}.` : `Showing ${visible} of ${plural(total, "finding")}.`;
    emptyNote.hidden = visible > 0 || total === 0;
  };
  categorySelect.addEventListener("change", apply);
  for (const label of severityBoxes) label.querySelector("input").addEventListener("change", apply);

  const filters = h(
    "fieldset",
    { class: "filters" },
    h("legend", {}, "Show findings"),
    h("div", { class: "field" }, h("label", { for: "filter-category" }, "Category"), categorySelect),
    h("div", { class: "field severities", role: "group", "aria-label": "Severity" }, severityBoxes),
  );
  const section = h(
    "section",
    { "aria-labelledby": "findings-heading", class: "findings-section" },
    h("h3", { id: "findings-heading" }, "Findings by section"),
    total === 0 ? h("p", {}, "No findings: nothing to put right.") : [filters, shown, emptyNote, groupElements],
  );
  apply();
  return section;
}

/** Replaces the results section's content with this report. `actions` holds the download buttons. */
export function renderReport(container, report, actions) {
  const plan = report.documents.find((d) => d.role === "plan") ?? report.documents[0];
  const parts = [
    h("h2", { id: "results-heading", tabindex: "-1" }, `Verdict: ${plan.fileName}`),
    verdict(report),
    actions,
    fixFirstPanel(report),
    categoryBars(report),
    changesPanel(report),
    findingsSection(report),
  ];
  container.replaceChildren(...parts.filter((part) => part !== null));
}
