// How every command shows a coded error and picks its exit code: one place, so all commands read the same.
import { isProblemError, type Problem } from "../model/problem.ts";

export const EXIT = { ok: 0, belowThreshold: 1, unreadable: 2, internal: 3 } as const;

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: Io = { stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t) };

/** The lines a user sees for a coded error: `error CODE: message`, then each rule-set issue with file, place and hint. */
export function problemText(problem: Problem): string {
  const lines = [`error ${problem.code}: ${problem.message}`];
  for (const issue of problem.issues ?? []) {
    lines.push(`  ${issue.file} ${issue.pointer || "(the whole file)"}: ${issue.message}${issue.hint ? ` (${issue.hint})` : ""}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Run a command body, turning coded errors into exit 2 and anything else into exit 3, never a stack trace. */
export async function withProblems(io: Io, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (isProblemError(error)) {
      io.stderr(problemText(error.problem));
      return EXIT.unreadable;
    }
    io.stderr(`error: ehcp-qa stopped because of an internal problem (${error instanceof Error ? error.message : String(error)}). Please report it.\n`);
    return EXIT.internal;
  }
}
