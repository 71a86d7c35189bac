// Entry of the \`ehcp-qa\` binary (bin/ehcp-qa.js loads this file): runs the command line, sets the exit code.
import { runCli } from "./program.ts";

process.exitCode = await runCli(process.argv);
