// Entry of the `ehcp-qa` binary (bin/ehcp-qa.js loads this file): runs the command line and sets the exit code.
// Exit codes: 0 done; 1 a threshold was not met (audit --fail-under); 2 a file, option or rule set could not be
// used, printed as `error CODE: message`; 3 an internal error. Never a stack trace.
import { CommanderError } from "commander";
import { closeDefaultParsePool } from "../ingest/worker-pool.ts";
import { EXIT, processIo, type Io } from "./problems.ts";
import { buildProgram } from "./program.ts";

export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  process.exitCode = undefined;
  try {
    await buildProgram(io).parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpOrVersion = error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help";
      return helpOrVersion ? EXIT.ok : EXIT.unreadable;
    }
    io.stderr(`error: ehcp-qa stopped because of an internal problem (${error instanceof Error ? error.message : String(error)}). Please report it.\n`);
    return EXIT.internal;
  } finally {
    // Workers started for reading files must not outlive the command.
    await closeDefaultParsePool();
  }
}

process.exitCode = await runCli(process.argv);
