// Statements that a need or a provision is absent ("No identified needs in this area", "She has no identified sensory
// or physical needs", "does not need", "None."): they answer the question a section asks, so they are neither a need
// without provision nor a provision statement to judge.

const ABSENT = new RegExp(
  [
    // "None.", "N/A", "Not applicable", "Nil"
    "^\\W*(?:none|nil|n\\/a|not applicable)\\b",
    // "No identified needs in this area", "No health needs", "There are no social care needs"
    "^\\W*(?:there\\s+(?:is|are)\\s+)?no\\s+(?:[\\w/,-]+\\s+){0,6}?(?:needs?|difficult(?:y|ies)|concerns?|provision|requirements?)\\b",
    // "She has no identified sensory or physical needs", "Kai does not have any health needs"
    "\\b(?:has|have|had)\\s+no\\s+(?:[\\w/,-]+\\s+){0,6}?(?:needs?|difficult(?:y|ies)|concerns?)\\b",
    "\\b(?:does|do|did)\\s*(?:not|n't)\\s+(?:have\\s+any|need|require)\\b",
    // "... found no social care needs", "identified no needs"
    "\\b(?:found|identified|reported)\\s+no\\s+(?:[\\w/,-]+\\s+){0,6}?(?:needs?|difficult(?:y|ies)|concerns?)\\b",
    "\\bnot\\s+an?\\s+area\\s+of\\s+(?:need|concern|difficulty)\\b",
    "\\b(?:is|are)\\s+not\\s+required\\b",
  ].join("|"),
  "i",
);

/** Whether a sentence says a need (or provision) is absent. */
export const saysAbsent = (sentence: string): boolean => ABSENT.test(sentence);
