import { describe, expect, it } from "vitest";
import draftCommentPeriod from "../../src/rules/builtin/draft-comment-period.ts";
import issuedWithin20Weeks from "../../src/rules/builtin/issued-within-20-weeks.ts";
import reviewWithin12Months from "../../src/rules/builtin/review-within-12-months.ts";
import { addMonths, daysBetween, weeksBetween } from "../../src/rules/dates.ts";
import type { TitleFacts } from "../../src/model/document.ts";
import { planBuilder } from "../../src/testing/document-builder.ts";
import { ruleTester } from "../../src/testing/rule-tester.ts";

const plan = (facts: TitleFacts) => planBuilder(facts).section("A").paragraph("I like trains.").build();

describe("dates", () => {
  it("counts days and weeks across month ends and leap years", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(weeksBetween("2026-01-05", "2026-05-25")).toBe(20);
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2025-11-15", 12)).toBe("2026-11-15");
  });
});

ruleTester(issuedWithin20Weeks).run({
  valid: [
    { name: "final issued at exactly 20 weeks", doc: plan({ status: "final", requestDate: "2026-01-05", finalIssuedDate: "2026-05-25" }), note: "20 weeks" },
    { name: "final's plan date used when no issue date is given", doc: plan({ status: "final", requestDate: "2026-01-05", planDate: "2026-04-01" }), note: "12.3 weeks" },
    {
      name: "draft well inside the limit",
      doc: plan({ status: "draft", requestDate: "2025-06-02", draftIssuedDate: "2025-08-01" }),
      note: "due by 20 October 2025",
    },
    {
      name: "an undated draft is judged on the day of the audit",
      doc: plan({ status: "draft", requestDate: "2025-06-02" }),
      settings: { auditDate: "2025-08-01" },
      note: "Draft of 1 August 2025",
    },
    { name: "no request date", doc: plan({ status: "final", finalIssuedDate: "2026-05-25" }), status: "not-applicable", note: "date of the request" },
    { name: "amended plan", doc: plan({ status: "amended", requestDate: "2020-01-01", finalIssuedDate: "2026-05-25" }), status: "not-applicable" },
    {
      name: "an amended plan issued 6 weeks after the amendment notice; the original's 20 weeks are not judged again",
      doc: plan({ status: "amended", requestDate: "2019-01-07", originalIssueDate: "2019-12-02", amendmentNoticeDate: "2025-02-20", finalIssuedDate: "2025-04-03" }),
      note: "6 weeks after the amendment notice",
    },
    {
      name: "an amended plan issued 11 weeks after the review meeting, no notice date given",
      doc: plan({ status: "amended", reviewMeetingDate: "2025-02-04", finalIssuedDate: "2025-04-22" }),
      note: "11 weeks after the review meeting",
    },
  ],
  invalid: [
    {
      name: "final issued at 27 weeks",
      doc: plan({ status: "final", requestDate: "2026-01-05", finalIssuedDate: "2026-07-13" }),
      findings: [{ messageId: "late", message: "issued 27 weeks after the request", excerpt: "", section: null }],
      status: "fail",
      score: 0,
    },
    {
      name: "one day late",
      doc: plan({ status: "final", requestDate: "2026-01-05", finalIssuedDate: "2026-05-26" }),
      findings: [{ messageId: "late", message: "20.1 weeks" }],
    },
    {
      name: "draft issued after the deadline",
      doc: plan({ status: "draft", requestDate: "2025-01-06", draftIssuedDate: "2025-06-02" }),
      findings: [{ messageId: "deadlinePassed", message: "26 May 2025", severity: "error" }],
    },
    {
      name: "draft sent too late for the family's 15 days",
      doc: plan({ status: "draft", requestDate: "2025-04-21", draftIssuedDate: "2025-08-25" }),
      findings: [{ messageId: "deadlineAtRisk", message: "8 September 2025", severity: "warning" }],
      status: "warning",
    },
    {
      name: "a final dated only by its status and 'Date of plan', 29 weeks after the request",
      doc: plan({ status: "final", requestDate: "2024-09-10", planDate: "2025-04-01" }),
      findings: [{ messageId: "late", message: "29 weeks" }],
    },
    {
      name: "an amended plan issued 10 weeks after the amendment notice",
      doc: plan({ status: "amended", amendmentNoticeDate: "2025-02-20", finalIssuedDate: "2025-05-01" }),
      findings: [{ messageId: "amendmentLate", message: "10 weeks after the amendment notice (20 February 2025 to 1 May 2025)" }],
    },
    {
      name: "an amended plan issued 14 weeks after the review meeting",
      doc: plan({ status: "amended", reviewMeetingDate: "2025-02-04", planDate: "2025-05-13" }),
      findings: [{ messageId: "amendmentLateAfterReview", message: "14 weeks after the review meeting" }],
    },
  ],
});

ruleTester(draftCommentPeriod).run({
  valid: [
    { name: "15 days exactly", doc: plan({ status: "final", draftIssuedDate: "2026-03-02", finalIssuedDate: "2026-03-17" }), note: "15 days" },
    { name: "a draft", doc: plan({ status: "draft", draftIssuedDate: "2026-03-02" }), status: "not-applicable" },
    { name: "draft date missing", doc: plan({ status: "final", finalIssuedDate: "2026-03-17" }), status: "not-applicable", note: "the date the draft was issued" },
    { name: "a final dated by 'Date of plan'", doc: plan({ status: "final", draftIssuedDate: "2026-03-02", planDate: "2026-03-20" }), note: "18 days" },
    {
      name: "an amended plan without its notice date",
      doc: plan({ status: "amended", finalIssuedDate: "2026-03-17" }),
      status: "not-applicable",
      note: "the date the amendment notice was sent",
    },
  ],
  invalid: [
    {
      name: "final nine days after the draft",
      doc: plan({ status: "final", draftIssuedDate: "2026-03-02", finalIssuedDate: "2026-03-11" }),
      findings: [{ messageId: "tooShort", message: "9 days after the draft" }],
    },
    {
      name: "an LA's stricter minimum",
      doc: plan({ status: "final", draftIssuedDate: "2026-03-02", finalIssuedDate: "2026-03-17" }),
      options: { minDays: 21 },
      findings: [{ messageId: "tooShort", message: "at least 21 days" }],
    },
    {
      name: "an amended plan issued 9 days after the amendment notice",
      doc: plan({ status: "amended", amendmentNoticeDate: "2025-02-20", finalIssuedDate: "2025-03-01" }),
      findings: [{ messageId: "tooShort", message: "9 days" }],
    },
  ],
});

ruleTester(reviewWithin12Months).run({
  valid: [
    { name: "review 12 months after issue", doc: plan({ finalIssuedDate: "2026-03-17", reviewDate: "2027-03-17" }) },
    { name: "no review date", doc: plan({ finalIssuedDate: "2026-03-17" }), status: "not-applicable", note: "review date" },
    {
      name: "an amended plan's next review within 12 months of the review meeting",
      doc: plan({ status: "amended", originalIssueDate: "2019-05-20", reviewMeetingDate: "2025-02-04", finalIssuedDate: "2025-04-07", reviewDate: "2026-02-03" }),
      note: "latest allowed 4 February 2026",
    },
  ],
  invalid: [
    {
      name: "review 13 months after issue",
      doc: plan({ finalIssuedDate: "2026-03-17", reviewDate: "2027-04-20" }),
      findings: [{ messageId: "tooLate", suggestion: "17 March 2027" }],
    },
    {
      name: "review before issue",
      doc: plan({ finalIssuedDate: "2026-03-17", reviewDate: "2025-03-17" }),
      findings: [{ messageId: "beforeIssue", severity: "warning" }],
      status: "warning",
    },
    {
      name: "an amended plan's next review more than 12 months after the review meeting",
      doc: plan({ status: "amended", reviewMeetingDate: "2025-02-04", finalIssuedDate: "2025-04-07", reviewDate: "2026-03-20" }),
      findings: [{ messageId: "tooLateAfterReview", message: "after the last review meeting (4 February 2025)" }],
    },
  ],
});
