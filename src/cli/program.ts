// The `ehcp-qa` command line: one file per command in ./commands, each exporting a register function.
// To add a command, write src/cli/commands/<name>.ts and register it in COMMANDS below.
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { closeDefaultAuditPool } from "../runtime/audit-pool.ts";
import { registerAuditCommand } from "./commands/audit.ts";
import { registerBatchCommand } from "./commands/batch.ts";
import { registerParseCommand } from "./commands/parse.ts";
import { registerRulesCommand } from "./commands/rules.ts";
import { registerWorkerCommand } from "./commands/worker.ts";
import { EXIT, processIo, type Io } from "./problems.ts";

const COMMANDS: ((program: Command, io: Io) => void)[] = [registerAuditCommand, registerParseCommand, registerRulesCommand, registerBatchCommand, registerWorkerCommand];

const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

export function buildProgram(io: Io = processIo): Command {
  const program = new Command("ehcp-qa")
    .description("Quality-assurance checks for Education, Health and Care (EHC) plans.")
    .version(version, "-v, --version", "show the version")
    .helpOption("-h, --help", "show help")
    .showHelpAfterError("(run ehcp-qa --help to see the commands and their options)")
    // Commander's usage errors read like every other error, and are exit 2 (see main.ts).
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(`error BAD_REQUEST: ${text.replace(/^error:\s*/, "")}`),
    });
  for (const register of COMMANDS) register(program, io);
  return program;
}

export { version };

/**
 * Runs the command line and returns the exit code: 0 done; 1 a threshold was not met (audit --fail-under); 2 a file,
 * option or rule set could not be used, printed as `error CODE: message`; 3 an internal error. Never a stack trace.
 */
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
    // Children started for reading files must not outlive the command.
    await closeDefaultAuditPool();
  }
}
