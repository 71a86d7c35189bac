// The `ehcp-qa` command line: one file per command in ./commands, each exporting a register function.
// To add a command, write src/cli/commands/<name>.ts and register it in COMMANDS below.
import { readFileSync } from "node:fs";
import { Command } from "commander";
import { registerAuditCommand } from "./commands/audit.ts";
import { registerParseCommand } from "./commands/parse.ts";
import { registerRulesCommand } from "./commands/rules.ts";
import { processIo, type Io } from "./problems.ts";

const COMMANDS: ((program: Command, io: Io) => void)[] = [registerAuditCommand, registerParseCommand, registerRulesCommand];

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
