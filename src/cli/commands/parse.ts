// `ehcp-qa parse <file> [--format json|text] [--ruleset r]`: reads a plan into the document model and prints it
// (json) or a summary of what was found (text). Exit 0, or 2 with `error CODE: message` when it cannot be read.
import type { Command } from "commander";
import { valueOf } from "../../runtime/outcome.ts";
import { cliAuditPool, commandTimeoutMs } from "../audit-pool.ts";
import { ProblemError } from "../../model/problem.ts";
import { readInputFile } from "../input-file.ts";
import { EXIT, processIo, withProblems, type Io } from "../problems.ts";

const PARSE_FORMATS = ["text", "json"] as const;

export interface ParseCommandOptions {
  format?: string;
  ruleset?: string;
  /** Seconds for reading the file (default: EHCP_QA_PARSE_TIMEOUT_S, else 10). */
  timeout?: string;
}

export function runParse(file: string, options: ParseCommandOptions, io: Io): Promise<number> {
  const startedAt = Date.now();
  return withProblems(io, async () => {
    const format = options.format ?? "text";
    if (!(PARSE_FORMATS as readonly string[]).includes(format)) {
      throw new ProblemError({ code: "BAD_REQUEST", message: `--format must be one of ${PARSE_FORMATS.join(", ")}; "${format}" is not.` });
    }
    // The file is read in the audit pool's child, which loads the reader it needs. The default aliases are read
    // directly; a named rule set is loaded in full only when asked for.
    // Loaded here, not for every command line (an audit needs neither).
    const [{ loadDefaultAliases }, { documentSummary }] = await Promise.all([import("../../ingest/default-aliases.ts"), import("../document-summary.ts")]);
    const aliases = options.ruleset ? (await (await import("../../config/loader.ts")).loadRuleSet(options.ruleset)).aliases : await loadDefaultAliases();
    const input = await readInputFile(file);
    const timeoutMs = commandTimeoutMs(options.timeout, 1);
    const outcome = await cliAuditPool().run({ kind: "read", file: { role: "plan", ...input }, aliases }, { startedAt, ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
    const doc = valueOf(outcome);
    io.stdout(format === "json" ? `${JSON.stringify(doc, null, 2)}\n` : documentSummary(doc));
    return EXIT.ok;
  });
}

export function registerParseCommand(program: Command, io: Io = processIo): void {
  program
    .command("parse")
    .description("Read a plan (DOCX, PDF or text) and show the sections, facts and blocks found in it.")
    .argument("<file>", "the plan to read")
    .option("--format <format>", `output: ${PARSE_FORMATS.join(" (a summary) or ")} (the full document model)`, "text")
    .option("--ruleset <name|path>", "read section headings with this rule set's aliases (default: the default rule set)")
    .option("--timeout <seconds>", "seconds for reading the file, counted from the start (default 10, or EHCP_QA_PARSE_TIMEOUT_S)")
    .action(async (file: string, options: ParseCommandOptions) => {
      process.exitCode = await runParse(file, options, io);
    });
}
