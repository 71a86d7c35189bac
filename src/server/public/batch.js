// The batch page: send a zip (or the files) and an optional manifest to POST /api/batches, follow the batch's
// progress, then offer its outputs for download, a sortable table of the plans' results linked to their reports, and
// a way to delete them from the checker. The files the upload held that are not part of any plan are listed, with why.
import { createProblemBox, problemFrom, problemFromStatus } from "./problem-box.js";
import { h } from "./report-view.js";
import { describeChosen, setUpDropZones } from "./drop-zones.js";

const $ = (id) => document.getElementById(id);
const form = $("batch-form");
const statusText = $("status-text");
const progress = $("progress");
const errorBox = $("error");
const results = $("results");
const submitButton = $("submit-button");
const deleteButton = $("delete-button");
const ruleSetSelect = $("ruleset-select");
const apiKeyField = $("api-key-field");
const apiKeyInput = $("api-key-input");
const FILE_INPUTS = [$("files-input"), $("manifest-input")];

const OUTPUTS = [
  { file: "summary.html", label: "Open the dashboard (summary.html)", open: true },
  { file: "quality-return.xlsx", label: "Download the quality return (Excel)" },
  { file: "results.csv", label: "Download the results (CSV)" },
  { file: "results.jsonl", label: "Download every report (JSON lines)" },
];

let batchId = null;
let polling = null;
/** The results table's lines, and how they are sorted. */
let planLines = [];
let sortKey = null;
let sortDescending = false;

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

function authHeaders() {
  const key = apiKeyInput.value.trim();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

function showStatus(text, done, total) {
  statusText.textContent = text;
  if (total === undefined) {
    progress.hidden = true;
    return;
  }
  progress.hidden = false;
  if (done === null) progress.removeAttribute("value");
  else {
    progress.max = Math.max(total, 1);
    progress.value = done;
  }
}

function clearError() {
  errorBox.hidden = true;
  errorBox.replaceChildren();
}

const showProblem = createProblemBox({ errorBox, apiKeyField, apiKeyInput, heading: "The batch was not scored" });

async function api(path, options = {}) {
  try {
    return await fetch(path, { ...options, headers: { Accept: "application/json", ...authHeaders(), ...(options.headers ?? {}) } });
  } catch {
    return null;
  }
}

// ---- Files ----

setUpDropZones(FILE_INPUTS);

form.addEventListener("reset", () => {
  clearError();
  showSkipped([]);
  showStatus("");
  queueMicrotask(() => FILE_INPUTS.forEach(describeChosen));
});

// ---- Rule sets ----

async function loadRuleSets() {
  const response = await api("/api/rulesets");
  if (!response) return showProblem(null);
  if (!response.ok) {
    const problem = await problemFrom(response);
    if (problem.code === "UNAUTHORIZED") apiKeyField.hidden = false;
    else showProblem(problem);
    return;
  }
  const { default: defaultName, ruleSets } = await response.json();
  ruleSetSelect.replaceChildren(...ruleSets.filter((set) => !set.problem).map((set) => h("option", { value: set.name, selected: set.name === defaultName }, `${set.name} (version ${set.version})`)));
}
apiKeyInput.addEventListener("change", () => {
  if (ruleSetSelect.options.length <= 1) void loadRuleSets();
});

// ---- Sending, following, downloading ----

/** XMLHttpRequest rather than fetch: it reports how much of a large zip has been sent. */
function sendBatch(data) {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/batches");
    request.setRequestHeader("Accept", "application/json");
    for (const [name, value] of Object.entries(authHeaders())) request.setRequestHeader(name, value);
    request.responseType = "json";
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) showStatus(`Sending the files: ${Math.round((event.loaded / event.total) * 100)}%`, event.loaded, event.total);
    });
    request.upload.addEventListener("load", () => showStatus("Finding the plans…", null, 1));
    request.addEventListener("load", () => resolve({ status: request.status, body: request.response }));
    request.addEventListener("error", () => resolve({ status: 0, body: null }));
    request.send(data);
  });
}

function progressText(job) {
  const failures = job.failures > 0 ? `; ${plural(job.failures, "plan")} could not be scored` : "";
  if (job.status === "queued") return `Waiting for another batch to finish before starting (${plural(job.total, "plan")})…`;
  return `Scoring the plans: ${job.done} of ${job.total} done${failures}.`;
}

async function download(file, open) {
  clearError();
  const response = await api(`/api/batches/${batchId}/${file}`, { headers: { Accept: "*/*" } });
  if (!response) return showProblem(null, "The file could not be downloaded");
  if (!response.ok) return showProblem(await problemFrom(response), "The file could not be downloaded");
  const url = URL.createObjectURL(await response.blob());
  const link = h("a", open ? { href: url, target: "_blank", rel: "noopener" } : { href: url, download: file });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// ---- The files not scored ----

function showSkipped(skipped) {
  const box = $("skipped");
  if (!skipped || skipped.length === 0) {
    box.hidden = true;
    return;
  }
  $("skipped-summary").textContent = `${plural(skipped.length, "file")} in the upload ${skipped.length === 1 ? "is" : "are"} not part of any plan: see which, and why`;
  $("skipped-list").replaceChildren(...skipped.map((file) => h("li", {}, h("strong", {}, file.path), `: ${file.reason}`)));
  // A short list is shown open; a long one waits to be opened.
  box.open = skipped.length <= 10;
  box.hidden = false;
}

// ---- The results table ----

const GRADE_ORDER = { outstanding: 0, good: 1, "requires-improvement": 2, inadequate: 3 };
const GRADE_LABELS = { outstanding: "Outstanding", good: "Good", "requires-improvement": "Requires improvement", inadequate: "Inadequate" };

/** The value a column sorts by; plans not scored sort after every scored one, whichever way. */
function sortValue(line, key) {
  switch (key) {
    case "grade":
      return line.grade === null ? null : GRADE_ORDER[line.grade];
    case "score":
      return line.score;
    case "failing":
      return line.grade === null ? null : line.failingCategories.length;
    case "firstFix":
      return line.firstFix ?? line.problem ?? "";
    default:
      return line.id;
  }
}

function compareLines(a, b) {
  const x = sortValue(a, sortKey);
  const y = sortValue(b, sortKey);
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  const order = typeof x === "number" ? x - y : String(x).localeCompare(String(y), "en-GB", { numeric: true, sensitivity: "base" });
  return sortDescending ? -order : order;
}

function reportLink(line) {
  if (!line.reportFile) return line.id;
  // With an access key a plain link would not send it: fetch the report instead.
  const keyed = Object.keys(authHeaders()).length > 0;
  return keyed
    ? h("button", { type: "button", class: "link-button", onclick: () => void download(line.reportFile, true) }, line.id)
    : h("a", { href: `/api/batches/${batchId}/${line.reportFile}`, target: "_blank", rel: "noopener" }, line.id);
}

function planRow(line) {
  const scored = line.grade !== null;
  return h(
    "tr",
    { "data-id": line.id },
    h("th", { scope: "row" }, reportLink(line), line.planFile && line.planFile !== line.id ? h("span", { class: "plan-file" }, ` (${line.planFile})`) : null),
    h("td", { class: scored ? "grade" : "grade not-scored" }, scored ? GRADE_LABELS[line.grade] : "Not scored"),
    h("td", { class: "num" }, scored ? line.score.toFixed(1) : "–"),
    h("td", {}, scored ? (line.failingCategories.length > 0 ? line.failingCategories.join(", ") : "None") : "–"),
    h("td", {}, scored ? (line.firstFix ?? "Nothing to fix first") : `${line.problemCode ?? ""}: ${line.problem ?? ""}`),
  );
}

function renderPlans() {
  const lines = sortKey ? [...planLines].sort(compareLines) : planLines;
  $("plans-table").querySelector("tbody").replaceChildren(...lines.map(planRow));
  for (const th of $("plans-table").querySelectorAll("th[data-key]")) {
    if (th.dataset.key === sortKey) th.setAttribute("aria-sort", sortDescending ? "descending" : "ascending");
    else th.removeAttribute("aria-sort");
  }
}

for (const th of $("plans-table").querySelectorAll("th[data-key]")) {
  th.querySelector("button").addEventListener("click", () => {
    sortDescending = sortKey === th.dataset.key ? !sortDescending : false;
    sortKey = th.dataset.key;
    renderPlans();
  });
}

async function loadPlans() {
  const response = await api(`/api/batches/${batchId}/plans`);
  if (!response || !response.ok) {
    planLines = [];
    renderPlans();
    return showProblem(response ? await problemFrom(response) : null, "The table of results could not be shown");
  }
  planLines = (await response.json()).plans;
  sortKey = null;
  sortDescending = false;
  renderPlans();
}

function showResults(job) {
  const failures = job.failures > 0 ? ` ${plural(job.failures, "plan")} could not be scored: the results say which and why.` : "";
  $("results-summary").textContent = `${plural(job.total - job.failures, "plan")} scored.${failures}`;
  // With an access key the browser cannot follow a plain link (it would not send the key): fetch the file instead.
  const keyed = Object.keys(authHeaders()).length > 0;
  $("downloads").replaceChildren(
    ...OUTPUTS.map(({ file, label, open }) =>
      keyed
        ? h("button", { type: "button", class: "secondary", onclick: () => void download(file, open) }, label)
        : h("a", { class: "button-link", href: `/api/batches/${batchId}/${file}`, ...(open ? { target: "_blank", rel: "noopener" } : { download: file }) }, label),
    ),
  );
  $("results-expiry").textContent = job.expiresAt ? `The checker keeps these results until ${new Date(job.expiresAt).toLocaleString("en-GB")}, then forgets them.` : "";
  results.hidden = false;
  $("results-heading").focus();
  void loadPlans();
}

async function follow() {
  const response = await api(`/api/batches/${batchId}`);
  if (!response) {
    polling = setTimeout(follow, 3000);
    return;
  }
  if (!response.ok) {
    submitButton.disabled = false;
    showStatus("");
    return showProblem(await problemFrom(response), "The batch could not be followed");
  }
  const job = await response.json();
  if (job.status === "queued" || job.status === "running") {
    showStatus(progressText(job), job.done, job.total);
    polling = setTimeout(follow, 1000);
    return;
  }
  submitButton.disabled = false;
  if (job.status === "done") {
    showStatus(`Done: ${job.done} of ${job.total} plans.`, job.done, job.total);
    showResults(job);
  } else {
    showStatus("");
    showProblem({ code: "INTERNAL", detail: job.status === "cancelled" ? "The batch was stopped before it finished." : "The batch stopped because of a problem inside the checker." });
  }
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  clearError();
  const files = $("files-input");
  if (files.files.length === 0) {
    showProblem({ code: "BAD_REQUEST", detail: "Choose the plans first: one .zip of them, or the files themselves." });
    files.focus();
    return;
  }
  const data = new FormData(form);
  if ($("manifest-input").files.length === 0) data.delete("manifest");
  clearTimeout(polling);
  results.hidden = true;
  submitButton.disabled = true;
  showStatus("Sending the files…", 0, 1);
  const { status, body } = await sendBatch(data);
  if (status === 202 && body?.id) {
    batchId = body.id;
    showSkipped(body.skipped);
    showStatus(progressText({ status: body.status, done: 0, total: body.total, failures: 0 }), 0, body.total);
    void follow();
    return;
  }
  submitButton.disabled = false;
  showStatus("");
  if (status === 0) showProblem(null);
  else showProblem(problemFromStatus(status, body));
});

deleteButton.addEventListener("click", async () => {
  if (!batchId) return;
  clearError();
  const response = await api(`/api/batches/${batchId}`, { method: "DELETE" });
  if (!response) return showProblem(null, "The results could not be deleted");
  if (!response.ok && response.status !== 404) return showProblem(await problemFrom(response), "The results could not be deleted");
  batchId = null;
  results.hidden = true;
  showStatus("The results have been deleted from the checker.");
});

void loadRuleSets();
