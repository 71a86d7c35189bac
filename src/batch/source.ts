// Where a batch's files come from: a folder on disk (the CLI), files held in memory (an upload to the service), or a
// zip (zip-source.ts). A source lists relative paths and reads one file's bytes when the runner needs them, so a
// batch of hundreds of plans never holds more than the plans being scored.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { readInputFile } from "../cli/input-file.ts";
import type { IngestLimits } from "../ingest/guard.ts";
import { checkFileSize, resolveLimits } from "../ingest/guard.ts";
import { ProblemError } from "../model/problem.ts";

export interface SourceEntry {
  /** Path inside the source, "/"-separated, no leading "./". */
  path: string;
  /** Size in bytes (as the zip declares it, for a zip). */
  size: number;
}

export interface BatchSource {
  /** What the user gave (the folder or zip's name), for messages. */
  readonly label: string;
  /** Every file, sorted by path. */
  list(): Promise<SourceEntry[]>;
  /** One file's bytes; a coded ProblemError when it cannot be read (TOO_LARGE, ZIP_BOMB, FILE_NOT_FOUND...). */
  read(path: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Files no one means to score: hidden files, Office lock files, macOS resource forks. */
export function isNoise(relativePath: string): boolean {
  const parts = relativePath.split("/");
  return parts.some((part) => part.startsWith(".") || part === "__MACOSX") || (parts.at(-1) ?? "").startsWith("~$");
}

/** A path as a batch names it: "/" separators, no leading "./" or "/", no ".." (an upload or zip could send one). */
export function normalisePath(name: string): string {
  return name
    .replace(/\\/g, "/")
    .split("/")
    .filter((part) => part !== "" && part !== "." && part !== "..")
    .join("/");
}

const byPath = (a: SourceEntry, b: SourceEntry): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * The files under a folder, recursively. Files are read from where the auditor keeps them; nothing is copied.
 * `exclude`: folders inside it to leave out (the output folder, when it is inside the input).
 */
export function folderSource(root: string, limits: Partial<IngestLimits> = {}, exclude: string[] = []): BatchSource {
  const excluded = exclude.map((dir) => normalisePath(path.relative(root, dir))).filter((rel) => rel !== "" && !rel.startsWith(".."));
  return {
    label: path.basename(path.resolve(root)),
    async list() {
      let dirents;
      try {
        dirents = await readdir(root, { recursive: true, withFileTypes: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const message =
          code === "ENOENT"
            ? `There is no folder at ${root}. Check the name and where it is.`
            : code === "ENOTDIR"
              ? `${root} is a file, not a folder or a zip. Give a folder of plans, or a .zip of them.`
              : `The folder ${root} could not be opened (${code ?? "unknown reason"}).`;
        throw new ProblemError({ code: "FILE_NOT_FOUND", message });
      }
      const entries: SourceEntry[] = [];
      for (const dirent of dirents) {
        if (!dirent.isFile()) continue;
        const relative = normalisePath(path.relative(root, path.join(dirent.parentPath, dirent.name)));
        if (isNoise(relative) || excluded.some((dir) => relative.startsWith(`${dir}/`))) continue;
        entries.push({ path: relative, size: 0 });
      }
      return entries.sort(byPath);
    },
    read: async (relative) => (await readInputFile(path.join(root, ...relative.split("/")), limits)).bytes,
    close: async () => undefined,
  };
}

export interface MemoryFile {
  fileName: string;
  bytes: Uint8Array;
}

/** Files already in memory (a service upload). Two files with the same name are refused: neither could be told apart. */
export function memorySource(files: MemoryFile[], label = "upload", limits: Partial<IngestLimits> = {}): BatchSource {
  const byName = new Map<string, Uint8Array>();
  for (const file of files) {
    const name = normalisePath(file.fileName);
    if (name === "") throw new ProblemError({ code: "BAD_REQUEST", message: "A file was sent without a name. Send every file with its name." });
    if (byName.has(name)) throw new ProblemError({ code: "BAD_REQUEST", message: `Two files are called ${name}. Rename one of them and send them again.`, file: path.posix.basename(name) });
    byName.set(name, file.bytes);
  }
  const resolved = resolveLimits(limits);
  return {
    label,
    list: async () => [...byName].filter(([name]) => !isNoise(name)).map(([name, bytes]) => ({ path: name, size: bytes.byteLength })).sort(byPath),
    async read(name) {
      const bytes = byName.get(name);
      if (!bytes) throw new ProblemError({ code: "FILE_NOT_FOUND", message: `There is no file called ${name} in the upload.`, file: path.posix.basename(name) });
      try {
        checkFileSize(bytes.byteLength, resolved);
      } catch (error) {
        throw new ProblemError({ ...(error as ProblemError).problem, file: path.posix.basename(name) });
      }
      return bytes;
    },
    close: async () => {
      byName.clear();
    },
  };
}
