// `ehcp-qa batch <folder|zip> --out <dir> [--manifest <csv>] [--ruleset R] [--jobs N] [--audit-date YYYY-MM-DD]`
// Scores every plan in a folder or zip on all cores and writes results.csv, results.jsonl, quality-return.xlsx,
// summary.html and reports/<id>.html into --out. Exit 0 when every plan was dealt with (plans that could not be read
// are rows with their code); 2 when the input, manifest or rule set cannot be used; 130 when stopped with Ctrl-C
// (what was done is written, and running the same command again carries on from there); 3 for an internal error
// (including one that stopped a plan being scored: the other plans' results are still written).
// With --queue redis://...: the plans are scored by `ehcp-qa worker` processes on the queue instead of this machine's
// threads; everything else (outputs, their order, --resume by results.jsonl, exit codes) is the same.
import { mkdir } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Command } from "commander";
import type { BatchProgress, BatchRun, BatchSummary, Manifest, OUTPUT_FILES } from "../../batch/index.ts";
import { ProblemError } from "../../model/problem.ts";
import type { QueuePool } from "../../queue/index.ts";
import type { LoadedRuleSet } from "../../config/rule-set.ts";
import { GRADE_LABELS } from "../../report/score.ts";
import { readInputFile } from "../input-file.ts";
import { EXIT, processIo, withProblems, type Io } from "../problems.ts";

/** Exit code after Ctrl-C, as shells report a command stopped by SIGINT. */
export const EXIT_INTERRUPTED = 130;

export interface BatchCommandOptions {
  out: string;
  manifest?: string;
  ruleset?: string;
  jobs?: string;
  auditDate?: string;
  /** A Redis address: score on queue workers (`ehcp-qa worker`) rather than this machine's threads. */
  queue?: string;
  /** Megabytes of this batch's plans that may wait in the queue at once (default 256). */
  queueMaxMb?: string;
  /** For tests: a fixed time for the reports and the summary. */
  generatedAt?: Date;
  /** For tests: acts as a first Ctrl-C when aborted. */
  signal?: AbortSignal;
  /** Draw a progress bar (default: when stderr is a terminal and output goes to the process). */
  progressBar?: boolean;
}

export interface BatchCommandResult {
  code: number;
  run?: BatchRun;
  summary?: BatchSummary;
}

function badOption(message: string): ProblemError {
  return new ProblemError({ code: "BAD_REQUEST", message });
}

function parseJobs(text: string | undefined, everyCore: number): number {
  if (text === undefined) return everyCore;
  const jobs = Number(text);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw badOption(`--jobs must be a whole number of plans at once, 1 or more; "${text}" is not.`);
  return jobs;
}

function parseQueueMaxMb(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const mb = Number(text);
  if (!Number.isFinite(mb) || mb <= 0) throw badOption(`--queue-max-mb must be a number of megabytes above 0; "${text}" is not.`);
  return Math.round(mb * 1024 * 1024);
}

/** The queue's side of the batch when --queue is given: checked before any plan is read. */
async function openQueue(options: BatchCommandOptions, ruleSet: LoadedRuleSet, io: Io): Promise<QueuePool | undefined> {
  if (options.queue === undefined) return undefined;
  // BullMQ and its Redis client load only for a batch on the queue.
  const { checkQueueUrl, checkReachable, createQueuePool, describeUrl, queueKeyFromEnv } = await import("../../queue/index.ts");
  const url = checkQueueUrl(options.queue);
  const maxBytesWaiting = parseQueueMaxMb(options.queueMaxMb);
  const key = queueKeyFromEnv();
  await checkReachable(url);
  io.stderr(`Scoring on the workers of the queue at ${describeUrl(url)}${key ? " (sealed payloads)" : ""}.\n`);
  return createQueuePool({
    url,
    ruleSet,
    ...(key ? { key } : {}),
    ...(maxBytesWaiting ? { maxBytesWaiting } : {}),
    onNoWorkers: () => io.stderr(`No worker is taking plans from ${describeUrl(url)}: start one with "ehcp-qa worker --queue ${describeUrl(url)}" (the batch waits for it; Ctrl-C stops it).\n`),
  });
}

function parseAuditDate(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw badOption(`--audit-date must be a date written as YYYY-MM-DD (for example 2026-03-31); "${text}" is not.`);
  }
  return text;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Progress on stderr: a bar on a terminal, otherwise a line per plan (per 10% for big batches). */
async function progressDisplay(io: Io, bar: boolean): Promise<{ update(progress: BatchProgress): void; stop(): void }> {
  if (bar) {
    const { default: cliProgress } = await import("cli-progress");
    const display = new cliProgress.SingleBar(
      {
        format: "Scoring plans |{bar}| {value}/{total} plans | {failures} not scored | ETA {eta_formatted}",
        hideCursor: true,
        etaBuffer: 20,
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(progress) {
        if (!started) {
          display.start(progress.total, progress.done, { failures: progress.failures });
          started = true;
        } else display.update(progress.done, { failures: progress.failures });
      },
      stop: () => {
        if (started) display.stop();
      },
    };
  }
  let lastStep = -1;
  return {
    update(progress) {
      if (progress.total === 0) return;
      const step = progress.total <= 20 ? progress.done : Math.floor((progress.done / progress.total) * 10);
      if (step === lastStep) return;
      lastStep = step;
      const failures = progress.failures > 0 ? `, ${progress.failures} could not be scored` : "";
      io.stderr(`Scored ${progress.done} of ${plural(progress.total, "plan")} (${Math.round((progress.done / progress.total) * 100)}%${failures})\n`);
    },
    stop: () => undefined,
  };
}

/** How many of the files that are not part of any plan are named in the terminal (all are in the outputs). */
const SKIPPED_SHOWN = 10;

function closingLines(summary: BatchSummary, run: BatchRun, out: string, skipped: number, outputFiles: typeof OUTPUT_FILES): string {
  const grades = summary.grades.map((g) => `${g.count} ${GRADE_LABELS[g.grade].toLowerCase()}`).join(", ");
  const problems = summary.problems.map((p) => `${p.code} ${p.count}`).join(", ");
  const lines = [
    `${run.stopped ? "Stopped after scoring" : "Scored"} ${plural(summary.scored, "plan")}${summary.scored > 0 ? `: ${grades}; mean score ${summary.meanScore?.toFixed(1)}` : ""}.`,
  ];
  if (summary.unreadable > 0) lines.push(`${plural(summary.unreadable, "plan")} could not be scored (${problems}): see the "problem" column of ${outputFiles.csv}.`);
  if (run.reused > 0) lines.push(`${plural(run.reused, "plan")} ${run.reused === 1 ? "was" : "were"} already scored in ${out} and not scored again.`);
  const listed = skipped > SKIPPED_SHOWN ? `the first ${SKIPPED_SHOWN} are listed above` : "listed above";
  if (skipped > 0) lines.push(`${plural(skipped, "file")} in the input ${skipped === 1 ? "is" : "are"} not part of any plan (${listed}).`);
  lines.push(`Written to ${out}: ${outputFiles.csv}, ${outputFiles.jsonl}, ${outputFiles.xlsx}, ${outputFiles.html}, and ${plural(summary.scored, "report")} in reports/.`);
  if (run.stopped) lines.push(`${plural(run.pending.length, "plan")} ${run.pending.length === 1 ? "is" : "are"} not scored yet: run the same command again to finish (plans already scored are not scored again).`);
  return `${lines.join("\n")}\n`;
}

export async function runBatchCommand(input: string, options: BatchCommandOptions, io: Io = processIo): Promise<BatchCommandResult> {
  let outcome: BatchCommandResult = { code: EXIT.ok };
  const code = await withProblems(io, async () => {
    if (!options.out) throw badOption("--out is needed: the folder to write the results into.");
    // The batch machinery (workers, readers, the spreadsheet writer) is loaded when a batch runs, not for `--help`.
    const { appendResult, buildOutputs, defaultBatchThreads, discoverPlans, openBatchInput, OUTPUT_FILES, parseManifest, readPreviousResults, runBatch, writeOutputs } = await import(
      "../../batch/index.ts"
    );
    const { loadRuleSet } = await import("../../config/loader.ts");
    const jobs = parseJobs(options.jobs, defaultBatchThreads());
    const askedDate = parseAuditDate(options.auditDate);
    const ruleSet = await loadRuleSet(options.ruleset ?? "default");
    let manifest: Manifest | undefined;
    if (options.manifest) {
      const file = await readInputFile(options.manifest);
      manifest = parseManifest(file.bytes, file.fileName);
    }
    const out = path.resolve(options.out);
    const source = await openBatchInput(input, {}, [out]);
    try {
      const discovery = await discoverPlans(source, manifest);
      if (discovery.skipped.length > 0) {
        const shown = discovery.skipped.slice(0, SKIPPED_SHOWN).map((s) => `  ${s.path}: ${s.reason}\n`).join("");
        const more = discovery.skipped.length > SKIPPED_SHOWN ? `  and ${discovery.skipped.length - SKIPPED_SHOWN} more\n` : "";
        io.stderr(`Not scored (not part of any plan):\n${shown}${more}`);
      }
      if (discovery.plans.length === 0) {
        throw new ProblemError({
          code: "FILE_NOT_FOUND",
          message: `No plans were found in ${input}. Name each plan <id>-final.docx or <id>-final.pdf (its draft <id>-draft.docx, letters <id>-response-*.pdf, advice <id>-advice-*.pdf), or list them in a manifest with --manifest.`,
        });
      }
      try {
        await mkdir(out, { recursive: true });
      } catch (error) {
        throw badOption(`The output folder ${options.out} could not be made (${(error as NodeJS.ErrnoException).code ?? "unknown reason"}).`);
      }
      const log = path.join(out, OUTPUT_FILES.jsonl);
      const previous = await readPreviousResults(log);
      const generatedAt = options.generatedAt ?? new Date();
      // A resumed run keeps the audit date of the run it carries on, so plans scored on either side of midnight agree.
      const auditDate = askedDate ?? previous.auditDate ?? generatedAt.toISOString().slice(0, 10);
      if (previous.byKey.size > 0) io.stderr(`Carrying on from the results already in ${options.out} (audit date ${auditDate}).\n`);

      const queuePool = await openQueue(options, ruleSet, io);
      const stop = new AbortController();
      const abandon = new AbortController();
      options.signal?.addEventListener("abort", () => stop.abort(), { once: true });
      const onSigint = () => {
        if (!stop.signal.aborted) {
          stop.abort();
          io.stderr("\nStopping: finishing the plans being scored, then writing the results (press Ctrl-C again to stop at once)...\n");
        } else {
          abandon.abort();
        }
      };
      process.on("SIGINT", onSigint);
      const display = await progressDisplay(io, options.progressBar ?? (io === processIo && process.stderr.isTTY === true));
      let run: BatchRun;
      try {
        run = await runBatch({
          source,
          plans: discovery.plans,
          ruleSet,
          auditDate,
          generatedAt,
          pool: { threads: jobs },
          ...(queuePool ? { batchPool: queuePool } : {}),
          previous: previous.byKey,
          onResult: (result, reused) => {
            if (!reused) appendResult(log, result);
          },
          onProgress: (progress) => display.update(progress),
          signal: stop.signal,
          abandonSignal: abandon.signal,
        });
      } finally {
        display.stop();
        process.off("SIGINT", onSigint);
        await queuePool?.close();
      }
      const { summary, files } = await buildOutputs({
        results: run.results,
        columns: manifest?.columns ?? [],
        ruleset: { name: ruleSet.name, version: ruleSet.version },
        generatedAt,
        pending: run.pending.length,
        paragraphs: run.paragraphs,
      });
      // A stopped run keeps results.jsonl as appended: it still holds earlier results of plans not reached this time.
      await writeOutputs(out, files, run.stopped ? new Set([OUTPUT_FILES.jsonl]) : new Set());
      io.stdout(closingLines(summary, run, options.out, discovery.skipped.length, OUTPUT_FILES));
      const internal = run.results.filter((r) => r.problem?.code === "INTERNAL").length;
      if (internal > 0) io.stderr(`error: ehcp-qa had an internal problem with ${plural(internal, "plan")} (code INTERNAL in ${OUTPUT_FILES.csv}). Please report it; running the same command again tries ${internal === 1 ? "it" : "them"} again.\n`);
      outcome = { code: run.stopped ? EXIT_INTERRUPTED : internal > 0 ? EXIT.internal : EXIT.ok, run, summary };
      return outcome.code;
    } finally {
      await source.close();
    }
  });
  return { ...outcome, code };
}

export function registerBatchCommand(program: Command, io: Io = processIo): void {
  program
    .command("batch")
    .description("Score every plan in a folder or zip and write a quality return (CSV, Excel) and a dashboard.")
    .argument("<folder|zip>", "the plans: <id>-final.docx|pdf with <id>-draft, <id>-response*, <id>-advice-* files, or any files a manifest lists")
    .requiredOption("--out <dir>", "the folder to write results into (running again with the same folder carries on where it stopped)")
    .option("--manifest <csv>", "a CSV with columns id, plan, draft, response, advice (files separated by ;) and your own columns for breakdowns")
    .option("--ruleset <name|path>", "rule set: a name in rules/ (default, strict, ...) or a JSON file", "default")
    .option("--jobs <n>", `plans audited at once, each in its own process (default: every core, ${availableParallelism()} here)`)
    .option("--audit-date <date>", "the date the date rules count to, YYYY-MM-DD (default: today, or the date of the run being carried on)")
    .option("--queue <url>", "score on `ehcp-qa worker` processes through this Redis (redis://host:port) instead of this machine's threads")
    .option("--queue-max-mb <n>", "with --queue: megabytes of plans that may wait in Redis at once (default 256)")
    .action(async (folder: string, options: BatchCommandOptions) => {
      process.exitCode = (await runBatchCommand(folder, options, io)).code;
    });
}
