// `ehcp-qa audit <plan> [--draft f] [--response f]... [--advice f]... [--ruleset r] [--format f] [--out f] [--fail-under n]`
// Exit 0 whatever the findings; 1 when --fail-under is given and the score is below it; 2 when an input or the rule
// set cannot be read (or an option is wrong), with the coded error on stderr; 3 for an internal error.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from "../../report/formatters/formats.ts";
import { GRADE_LABELS } from "../../report/score.ts";
import { valueOf, type TaskFile } from "../../runtime/index.ts";
import { cliAuditPool, commandTimeoutMs } from "../audit-pool.ts";
import { readInputFile } from "../input-file.ts";
import { ProblemError } from "../../model/problem.ts";
import { EXIT, processIo, withProblems, type Io } from "../problems.ts";

/**
 * The report formats; docx: the plan back with comments (a DOCX plan) or the report as a Word document; pdf: a PDF
 * plan back with a highlight and a note on each finding.
 */
const CLI_FORMATS = [...REPORT_FORMATS, "docx", "pdf"];
/** The formats that write a file (bytes), not text for a terminal. */
const FILE_FORMATS: Record<string, string> = { docx: "plan-reviewed.docx", pdf: "plan-reviewed.pdf" };

export interface AuditCommandOptions {
  draft?: string;
  response?: string[];
  advice?: string[];
  ruleset?: string;
  format?: string;
  out?: string;
  failUnder?: string;
  /** Seconds per document for reading and checking (default: EHCP_QA_PARSE_TIMEOUT_S, else 10). */
  timeout?: string;
  /** For tests: a fixed report time. */
  generatedAt?: Date;
}

function badOption(message: string): ProblemError {
  return new ProblemError({ code: "BAD_REQUEST", message });
}

/** Why --out could not be written, in words a caseworker can act on. */
function writeFailure(file: string, code: string | undefined): string {
  switch (code) {
    case "ENOENT":
      return `the folder ${path.dirname(file)} does not exist`;
    case "EISDIR":
      return "that is a folder; give a file name";
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return "you do not have permission to write there; choose another folder";
    case "ENOSPC":
      return "the disk is full";
    default:
      return "choose another file name or folder";
  }
}

export async function runAudit(planPath: string, options: AuditCommandOptions, io: Io): Promise<number> {
  // The deadline counts from here: a caller waiting on this command waits for all of it.
  const startedAt = Date.now();
  return withProblems(io, async () => {
    const format = options.format ?? "text";
    if (!CLI_FORMATS.includes(format)) throw badOption(`--format must be one of ${CLI_FORMATS.join(", ")}; "${format}" is not.`);
    const fileExample = FILE_FORMATS[format];
    if (fileExample && !options.out) throw badOption(`--format ${format} writes a ${format === "pdf" ? "PDF" : "Word"} file: add --out and a file name, for example --out ${fileExample}.`);
    let threshold: number | undefined;
    if (options.failUnder !== undefined) {
      threshold = Number(options.failUnder);
      if (options.failUnder.trim() === "" || !Number.isFinite(threshold) || threshold < 0 || threshold > 100) {
        throw badOption(`--fail-under must be a score from 0 to 100; "${options.failUnder}" is not.`);
      }
    }
    // The checker and the rule set load in the audit pool's child; here only the formatters (not for `--help`), and the
    // Word and PDF writers only for --format docx and pdf.
    const { formatReport } = await import("../../report/formatters/index.ts");
    const [plan, draft, responses, advice] = await Promise.all([
      readInputFile(planPath),
      options.draft ? readInputFile(options.draft) : undefined,
      Promise.all((options.response ?? []).map((file) => readInputFile(file))),
      Promise.all((options.advice ?? []).map((file) => readInputFile(file))),
    ]);
    const files: TaskFile[] = [
      { role: "plan", ...plan },
      ...(draft ? [{ role: "draft" as const, ...draft }] : []),
      ...responses.map((file) => ({ role: "response" as const, ...file })),
      ...advice.map((file) => ({ role: "advice" as const, ...file })),
    ];
    const timeoutMs = commandTimeoutMs(options.timeout, files.length);
    const outcome = await cliAuditPool().run(
      // The child loads the rule set: this process loads no rule and compiles no schema.
      { kind: "audit", files, ruleSet: { ref: options.ruleset ?? "default" }, generatedAt: (options.generatedAt ?? new Date()).toISOString() },
      { startedAt, ...(timeoutMs !== undefined ? { timeoutMs } : {}) },
    );
    const { report } = valueOf(outcome);
    const wordFile = format === "docx" ? await (await import("../../report/word/index.ts")).wordOutput(report, plan.bytes) : undefined;
    const pdfFile = format === "pdf" ? await (await import("../../report/pdf/index.ts")).pdfOutput(report, plan.bytes) : undefined;
    const output = wordFile?.bytes ?? pdfFile?.bytes ?? formatReport(report, format as ReportFormat);
    if (options.out) {
      try {
        await writeFile(options.out, output);
      } catch (error) {
        throw badOption(`The report could not be written to ${options.out}: ${writeFailure(options.out, (error as NodeJS.ErrnoException).code)}.`);
      }
      const what = wordFile?.kind === "plan-with-comments" || pdfFile ? "The plan with comments" : "Report";
      io.stderr(`${what} written to ${options.out}: ${GRADE_LABELS[report.grade]}, score ${report.score.toFixed(1)}.\n`);
    } else {
      io.stdout(output as string);
    }
    if (threshold !== undefined && report.score < threshold) {
      io.stderr(`Score ${report.score.toFixed(1)} is below --fail-under ${threshold}.\n`);
      return EXIT.belowThreshold;
    }
    return EXIT.ok;
  });
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerAuditCommand(program: Command, io: Io = processIo): void {
  program
    .command("audit")
    .description("Audit an EHC plan (DOCX, PDF or text) and print the report.")
    .argument("<plan>", "the plan to audit")
    .option("--draft <file>", "the earlier draft, to check that requested corrections were made")
    .option("--response <file>", "a response letter listing requested corrections (repeatable)", collect, [])
    .option("--advice <file>", "a professional advice report the plan should carry (repeatable)", collect, [])
    .option("--ruleset <name|path>", "rule set: a name in rules/ (default, strict, ...) or a JSON file", "default")
    .option("--format <format>", `report format: ${CLI_FORMATS.join(", ")} (docx: a DOCX plan comes back with a Word comment on each finding; pdf: a PDF plan comes back with a highlighted note on each finding; both need --out)`, "text")
    .option("--out <file>", "write the report to this file instead of printing it")
    .option("--fail-under <score>", "exit with code 1 when the score is below this (0-100)")
    .option("--timeout <seconds>", "seconds per document for reading and checking, counted from the start (default 10, or EHCP_QA_PARSE_TIMEOUT_S)")
    .action(async (plan: string, options: AuditCommandOptions) => {
      process.exitCode = await runAudit(plan, options, io);
    });
}
