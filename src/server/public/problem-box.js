// How a page shows a problem from the service (RFC 9457 details, or a network failure) in the caseworker's words:
// shared by the single-plan page and the batch page.
import { NETWORK_MESSAGE, PROBLEM_MESSAGES, ROLE_LABELS, UNKNOWN_MESSAGE } from "./problem-messages.js";
import { h } from "./report-view.js";

/** Problem details from a response, or a general problem when the body is not one. */
export async function problemFrom(response) {
  try {
    const body = await response.json();
    if (body && typeof body.code === "string") return body;
  } catch {
    // Not problem details: fall through to a general message.
  }
  return problemFromStatus(response.status, null);
}

/** The same for an upload answered through XMLHttpRequest: its status and parsed body. */
export function problemFromStatus(status, body) {
  if (body && typeof body.code === "string") return body;
  return { code: status === 503 ? "BUSY" : "INTERNAL", detail: `The checker answered ${status}.` };
}

/** show(problem, heading?) fills the page's error box; null means the checker could not be reached. */
export function createProblemBox({ errorBox, apiKeyField, apiKeyInput, heading: defaultHeading }) {
  return function show(problem, heading = defaultHeading) {
    const code = problem?.code;
    const summary = code ? (PROBLEM_MESSAGES[code] ?? UNKNOWN_MESSAGE) : NETWORK_MESSAGE;
    const about = problem?.role ? `${ROLE_LABELS[problem.role] ?? "A file"}${problem.file ? ` (${problem.file})` : ""}: ` : problem?.file ? `${problem.file}: ` : "";
    const children = [h("h3", {}, heading), h("p", { class: "error-heading" }, summary)];
    if (problem?.detail) children.push(h("p", {}, about + problem.detail));
    if (Array.isArray(problem?.issues) && problem.issues.length > 0) {
      children.push(h("ul", {}, problem.issues.map((issue) => h("li", {}, `${issue.pointer || "the whole rule set"}: ${issue.message}${issue.hint ? ` (${issue.hint})` : ""}`))));
    }
    if (problem?.retryAfter) children.push(h("p", {}, `Try again in about ${problem.retryAfter} seconds.`));
    if (problem?.requestId) children.push(h("p", { class: "reference" }, `Reference: ${problem.requestId}`));
    errorBox.replaceChildren(...children);
    errorBox.hidden = false;
    if (code === "UNAUTHORIZED") {
      apiKeyField.hidden = false;
      apiKeyInput.focus();
    } else {
      errorBox.focus();
    }
  };
}
