// A batch given as one zip of plans, read where it is (a file on disk, or an upload in memory) and never extracted:
// the central directory is read once, and each plan's files are inflated into memory only when it is scored. The
// ingest guard's limits apply to every entry (its size, its compression ratio), and the zip as a whole has a cap on
// entries and total size, so a hostile zip is refused before anything is inflated. An entry that breaks a limit
// only costs the plan it belongs to: it becomes that plan's row with the code.
import path from "node:path";
import yauzl from "yauzl";
import { checkFileSize, resolveLimits, ZIP_BOMB_MESSAGE, type IngestLimits } from "../ingest/guard.ts";
import { ProblemError, type Problem } from "../model/problem.ts";
import { isNoise, normalisePath, type BatchSource, type SourceEntry } from "./source.ts";

export interface BatchZipLimits {
  /** Most entries the zip may hold (default 20,000: hundreds of plans with their drafts and advice). */
  maxZipEntries: number;
  /** Largest total the zip's entries may declare once inflated (default 20 GB). */
  maxZipTotalBytes: number;
}

export const DEFAULT_BATCH_ZIP_LIMITS: Readonly<BatchZipLimits> = Object.freeze({ maxZipEntries: 20_000, maxZipTotalBytes: 20 * 1024 ** 3 });

const OPTIONS: yauzl.Options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false, decodeStrings: true };

export const isZipName = (name: string): boolean => name.toLowerCase().endsWith(".zip");

function damagedZip(label: string): ProblemError {
  return new ProblemError({
    code: "CORRUPT_FILE",
    message: `The zip ${label} is damaged or incomplete (it may not have finished downloading or copying). Make the zip again and try again.`,
    file: label,
  });
}

interface ZipEntryInfo {
  entry: yauzl.Entry;
  /** Why this entry may not be read, found from the directory alone. */
  problem?: Problem;
}

/** A zip on disk (`zipPath`) or in memory (`buffer`). */
export function zipSource(input: { zipPath: string } | { buffer: Buffer; label: string }, limits: Partial<IngestLimits & BatchZipLimits> = {}): BatchSource {
  const label = "zipPath" in input ? path.basename(input.zipPath) : input.label;
  const ingest = resolveLimits(limits);
  const zipLimits = { ...DEFAULT_BATCH_ZIP_LIMITS, ...limits };
  let opened: Promise<{ zipfile: yauzl.ZipFile; entries: Map<string, ZipEntryInfo> }> | undefined;

  async function open(): Promise<yauzl.ZipFile> {
    try {
      return "zipPath" in input ? await yauzl.openPromise(input.zipPath, OPTIONS) : await yauzl.fromBufferPromise(input.buffer, OPTIONS);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") throw new ProblemError({ code: "FILE_NOT_FOUND", message: `There is no zip at ${"zipPath" in input ? input.zipPath : label}. Check the name and the folder.` });
      throw damagedZip(label);
    }
  }

  /** The directory, judged entry by entry before anything is inflated. */
  async function directory(): Promise<{ zipfile: yauzl.ZipFile; entries: Map<string, ZipEntryInfo> }> {
    const zipfile = await open();
    const entries = new Map<string, ZipEntryInfo>();
    let total = 0;
    let count = 0;
    try {
      for await (const entry of zipfile.eachEntry()) {
        count++;
        total += entry.uncompressedSize;
        if (count > zipLimits.maxZipEntries || total > zipLimits.maxZipTotalBytes) {
          throw new ProblemError({ code: "ZIP_BOMB", message: `The zip ${label} holds more files or more data than a batch of plans could (it may be damaged or built to overload the checker). Split it into smaller zips.`, file: label });
        }
        if (entry.fileName.endsWith("/")) continue;
        const name = normalisePath(entry.fileName);
        if (name === "" || isNoise(name) || entries.has(name)) continue;
        entries.set(name, { entry, ...entryProblem(entry, path.posix.basename(name)) });
      }
    } catch (error) {
      zipfile.close();
      if (error instanceof ProblemError) throw error;
      throw damagedZip(label);
    }
    return { zipfile, entries };
  }

  function entryProblem(entry: yauzl.Entry, fileName: string): { problem?: Problem } {
    if (entry.isEncrypted()) {
      return { problem: { code: "UNSUPPORTED_FORMAT", message: "This file is password-protected inside the zip. Add it to the zip without a password.", file: fileName } };
    }
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > ingest.ratioCheckMinBytes && ratio > ingest.maxCompressionRatio) return { problem: { code: "ZIP_BOMB", message: ZIP_BOMB_MESSAGE, file: fileName } };
    try {
      checkFileSize(entry.uncompressedSize, ingest);
    } catch (error) {
      return { problem: { ...(error as ProblemError).problem, file: fileName } };
    }
    return {};
  }

  const ready = () => (opened ??= directory());

  return {
    label,
    async list(): Promise<SourceEntry[]> {
      const { entries } = await ready();
      return [...entries].map(([name, info]) => ({ path: name, size: info.entry.uncompressedSize })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    async read(name) {
      const { zipfile, entries } = await ready();
      const info = entries.get(name);
      const fileName = path.posix.basename(name);
      if (!info) throw new ProblemError({ code: "FILE_NOT_FOUND", message: `There is no file called ${name} in the zip ${label}.`, file: fileName });
      if (info.problem) throw new ProblemError(info.problem);
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        const stream = await zipfile.openReadStreamPromise(info.entry);
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          size += chunk.length;
          // yauzl stops a stream that runs past its declared size; this is the same limit, for entries that lie.
          if (size > ingest.maxFileBytes) {
            stream.destroy();
            throw new ProblemError({ code: "ZIP_BOMB", message: ZIP_BOMB_MESSAGE, file: fileName });
          }
          chunks.push(chunk);
        }
      } catch (error) {
        if (error instanceof ProblemError) throw error;
        const tooMany = error instanceof Error && /too many bytes/i.test(error.message);
        throw new ProblemError(
          tooMany
            ? { code: "ZIP_BOMB", message: ZIP_BOMB_MESSAGE, file: fileName }
            : { code: "CORRUPT_FILE", message: "This file is damaged inside the zip and could not be taken out of it. Add a fresh copy to the zip.", file: fileName },
        );
      }
      return Buffer.concat(chunks, size);
    },
    async close() {
      if (!opened) return;
      try {
        (await opened).zipfile.close();
      } catch {
        // A zip that never opened has nothing to close.
      }
    },
  };
}
