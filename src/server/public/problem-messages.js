// What each error code means for the person at the page, in a caseworker's words. The service's own `detail`
// (what exactly happened and what to do) is shown under this sentence.
export const PROBLEM_MESSAGES = {
  BAD_REQUEST: "The check could not start: the form was missing something the checker needs.",
  UNAUTHORIZED: "This checker needs an access key. Enter the key you were given, then check the plan again.",
  FILE_NOT_FOUND: "The rule set you chose is not available. Reload the page and choose a rule set from the list.",
  NOT_FOUND: "The page asked the checker for something it does not offer. Reload the page and try again.",
  METHOD_NOT_ALLOWED: "The page asked the checker for something it does not offer. Reload the page and try again.",
  TOO_LARGE: "A file is too large to check.",
  UNSUPPORTED_FORMAT: "A file is not a Word document (.docx) or a PDF, so it could not be checked.",
  EMPTY_FILE: "A file is empty, so there was nothing to check.",
  CORRUPT_FILE: "A file is damaged and could not be read.",
  ENCRYPTED_PDF: "A PDF is protected by a password, so it could not be read.",
  NO_TEXT_LAYER: "A PDF is a scan (pictures of the pages), so it has no text the checker can read.",
  NOT_A_PLAN: "The file given as the plan does not look like an EHC plan (it may be an advice report or a letter).",
  BLANK_TEMPLATE: "The file given as the plan is a blank plan template: its sections have not been filled in yet.",
  ZIP_BOMB: "A Word file holds far more data than a plan could, so it was not opened.",
  PARSE_TIMEOUT: "Reading a file took too long, so it was stopped.",
  INVALID_RULESET: "The rule set has mistakes and cannot be used. Tell whoever looks after your rule sets.",
  RATE_LIMITED: "Too many checks have been sent from this computer in the last minute.",
  INTERNAL: "Something went wrong inside the checker. Please try again; if it happens again, tell your IT team the reference below.",
  BUSY: "The checker is busy with other plans right now.",
};

export const NETWORK_MESSAGE = "The checker could not be reached. Check your connection, or ask your IT team whether the service is running.";

export const UNKNOWN_MESSAGE = "The check did not work.";

/** Which upload a problem is about, as a caseworker would say it. */
export const ROLE_LABELS = {
  plan: "The plan",
  draft: "The earlier draft",
  response: "A response letter",
  advice: "An advice report",
};
