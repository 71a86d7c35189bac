// The page's behaviour: choose or drop files, send them to POST /api/audits with upload progress, show the report
// or a plain-English message for the error, and offer the report for download as JSON and HTML, and the plan back
// with comments (Word comments for a Word plan, highlighted notes for a PDF plan) or the report as Word.
import { createProblemBox, problemFrom, problemFromStatus } from "./problem-box.js";
import { h, renderReport } from "./report-view.js";
import { describeChosen, setUpDropZones } from "./drop-zones.js";

const $ = (id) => document.getElementById(id);
const form = $("audit-form");
const statusText = $("status-text");
const progress = $("progress");
const errorBox = $("error");
const results = $("results");
const submitButton = $("submit-button");
const ruleSetSelect = $("ruleset-select");
const apiKeyField = $("api-key-field");
const apiKeyInput = $("api-key-input");

const FILE_INPUTS = ["plan-input", "draft-input", "response-input", "advice-input"].map($);

function authHeaders() {
  const key = apiKeyInput.value.trim();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

function showStatus(text, percent) {
  statusText.textContent = text;
  if (percent === null) {
    progress.hidden = true;
  } else {
    progress.hidden = false;
    // No value: the bar shows work going on without a known end.
    if (percent === undefined) progress.removeAttribute("value");
    else progress.value = percent;
  }
}

function clearError() {
  errorBox.hidden = true;
  errorBox.replaceChildren();
}

const showProblem = createProblemBox({ errorBox, apiKeyField, apiKeyInput, heading: "The plan was not checked" });

// ---- Files: the picker, and drag and drop onto each zone ----

setUpDropZones(FILE_INPUTS);

form.addEventListener("reset", () => {
  clearError();
  showStatus("", null);
  queueMicrotask(() => FILE_INPUTS.forEach(describeChosen));
});

// ---- Rule sets ----

async function loadRuleSets() {
  let response;
  try {
    response = await fetch("/api/rulesets", { headers: { Accept: "application/json", ...authHeaders() } });
  } catch {
    showProblem(null);
    return;
  }
  if (!response.ok) {
    const problem = await problemFrom(response);
    if (problem.code === "UNAUTHORIZED") {
      apiKeyField.hidden = false;
      return;
    }
    showProblem(problem);
    return;
  }
  const { default: defaultName, ruleSets } = await response.json();
  const usable = ruleSets.filter((set) => !set.problem);
  ruleSetSelect.replaceChildren(...usable.map((set) => h("option", { value: set.name, selected: set.name === defaultName }, `${set.name} (version ${set.version})`)));
  const describe = () => {
    $("ruleset-description").textContent = usable.find((set) => set.name === ruleSetSelect.value)?.description ?? "";
  };
  ruleSetSelect.addEventListener("change", describe);
  describe();
}

apiKeyInput.addEventListener("change", () => {
  if (ruleSetSelect.options.length <= 1) void loadRuleSets();
});

// ---- Sending the files ----

/** POSTs the form with XMLHttpRequest, which (unlike fetch) reports upload progress. */
function sendAudit(data) {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/audits");
    request.setRequestHeader("Accept", "application/json");
    for (const [name, value] of Object.entries(authHeaders())) request.setRequestHeader(name, value);
    request.responseType = "json";
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) showStatus(`Sending the files: ${Math.round((event.loaded / event.total) * 100)}%`, Math.round((event.loaded / event.total) * 95));
    });
    request.upload.addEventListener("load", () => showStatus("Reading and checking the plan. This usually takes a few seconds.", undefined));
    request.addEventListener("load", () => resolve({ status: request.status, body: request.response }));
    request.addEventListener("error", () => resolve({ status: 0, body: null }));
    request.addEventListener("timeout", () => resolve({ status: 0, body: null }));
    request.send(data);
  });
}

function downloadBlob(blob, fileName) {
  const link = h("a", { href: URL.createObjectURL(blob), download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function downloadButtons(report) {
  const plan = report.documents.find((d) => d.role === "plan") ?? report.documents[0];
  const base = `${plan.fileName.replace(/\.[^.]+$/, "")}-report`;
  const jsonButton = h("button", { type: "button", class: "secondary", id: "download-json" }, "Download the report (JSON)");
  const htmlButton = h("button", { type: "button", class: "secondary", id: "download-html" }, "Download the report (HTML page)");
  jsonButton.addEventListener("click", () => downloadBlob(new Blob([JSON.stringify(report, null, 2)], { type: "application/json" }), `${base}.json`));
  htmlButton.addEventListener("click", async () => {
    clearError();
    try {
      const response = await fetch("/api/reports/format?format=html", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/html", ...authHeaders() },
        body: JSON.stringify(report),
      });
      if (!response.ok) {
        showProblem(await problemFrom(response));
        return;
      }
      downloadBlob(await response.blob(), `${base}.html`);
    } catch {
      showProblem(null);
    }
  });
  const stem = plan.fileName.replace(/\.[^.]+$/, "");
  // A Word plan comes back with Word comments; a PDF plan with highlighted notes, and its report as Word beside it.
  const fileButtons =
    plan.format === "pdf"
      ? [fileButton("download-pdf", "Download the plan with comments", "pdf", `${stem}-reviewed.pdf`), fileButton("download-docx", "Download the report as Word", "docx", `${stem}-audit.docx`)]
      : [fileButton("download-docx", plan.format === "docx" ? "Download the plan with comments" : "Download the report as Word", "docx", plan.format === "docx" ? `${stem}-reviewed.docx` : `${stem}-audit.docx`)];
  return h("div", { class: "downloads" }, ...fileButtons, jsonButton, htmlButton);
}

/** A button that sends the plan again in a file format and downloads the answer (the service keeps nothing between requests). */
function fileButton(id, label, format, fileName) {
  const button = h("button", { type: "button", class: "secondary", id }, label);
  button.addEventListener("click", async () => {
    clearError();
    try {
      const response = await fetch(`/api/audits?format=${format}`, { method: "POST", headers: authHeaders(), body: auditFormData() });
      if (!response.ok) {
        showProblem(await problemFrom(response));
        return;
      }
      downloadBlob(await response.blob(), fileName);
    } catch {
      showProblem(null);
    }
  });
  return button;
}

/** The form's files and rule set, without the empty optional pickers (they would send empty file parts). */
function auditFormData() {
  const data = new FormData(form);
  for (const input of FILE_INPUTS) if (input.files.length === 0) data.delete(input.name);
  return data;
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  clearError();
  const plan = $("plan-input");
  if (plan.files.length === 0) {
    showProblem({ code: "BAD_REQUEST", detail: "Choose the plan to check first: a Word document (.docx) or a PDF." });
    plan.focus();
    return;
  }
  const data = auditFormData();
  submitButton.disabled = true;
  results.hidden = true;
  showStatus("Sending the files…", 0);
  const { status, body } = await sendAudit(data);
  submitButton.disabled = false;
  if (status === 200 && body && typeof body.grade === "string") {
    showStatus("The plan has been checked. The verdict is below.", null);
    renderReport(results, body, downloadButtons(body));
    results.hidden = false;
    // The verdict at the top of the screen, and focus on it so a screen reader reads it next.
    results.scrollIntoView({ block: "start" });
    $("results-heading").focus({ preventScroll: true });
    return;
  }
  showStatus("", null);
  if (status === 0) showProblem(null);
  else showProblem(problemFromStatus(status, body));
});

void loadRuleSets();
