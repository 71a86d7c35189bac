// A Word file's zip as the guard (guard.ts, openWordZip) hands it to the DOCX reader (docx/ooxml.ts): every entry
// located and inflated once, by the guard, within the size its directory declares. The guard keeps the XML and
// relationship parts it inflated, so the reader inflates nothing again; media are let go once checked (the reader
// never needs them: no HTML or image is written), and a part not kept is inflated again on request.
import { constants as bufferConstants } from "node:buffer";
import { constants as zlibConstants, inflateRawSync } from "node:zlib";

/** Where an entry's data is in the zip, how it is stored, and the inflated size its directory record declares. */
export interface ZipEntryData {
  dataStart: number;
  compressedSize: number;
  uncompressedSize: number;
  /** DEFLATE (method 8) when true, stored (method 0) when false. */
  deflated: boolean;
}

/** Why an entry's data could not be had: its stream runs past its declared size, or it is damaged. */
export type InflateFailure = "too-many-bytes" | "corrupt";

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_BYTES = 30;

/**
 * An entry's data from its directory record and local header, or "corrupt" when the header is not there, its data
 * runs past the end of the file, or it is compressed in a way Word never uses (only stored and DEFLATE are read).
 */
export function locateEntry(
  zip: Buffer,
  entry: { relativeOffsetOfLocalHeader: number; compressionMethod: number; compressedSize: number; uncompressedSize: number },
): ZipEntryData | "corrupt" {
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) return "corrupt";
  const header = entry.relativeOffsetOfLocalHeader;
  if (header + LOCAL_HEADER_BYTES > zip.length || zip.readUInt32LE(header) !== LOCAL_HEADER_SIGNATURE) return "corrupt";
  // The local header's own name and extra-field lengths, which may differ from the directory's.
  const dataStart = header + LOCAL_HEADER_BYTES + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
  if (dataStart + entry.compressedSize > zip.length) return "corrupt";
  return { dataStart, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize, deflated: entry.compressionMethod === 8 };
}

/**
 * An entry's inflated bytes. zlib stops as soon as the output passes the declared size (`maxOutputLength`), so a
 * size forged in the directory costs no more than the size declared. The output may fall short of the declared
 * size (a damaged entry): the caller judges that, after anything it learns from the bytes.
 */
export function inflateEntry(zip: Buffer, entry: ZipEntryData): Buffer | InflateFailure {
  const stored = zip.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (!entry.deflated) return stored;
  // At least 1: zlib refuses 0; an entry declared empty that yields a byte is caught below.
  const maxOutputLength = Math.max(1, Math.min(entry.uncompressedSize, bufferConstants.MAX_LENGTH));
  let inflated: Buffer;
  try {
    inflated = inflateRawSync(stored, { maxOutputLength });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ERR_BUFFER_TOO_LARGE") return "too-many-bytes";
    // A stream cut short may already have run past its declared size: that is a forged size, not only damage.
    return code === "Z_BUF_ERROR" && cutShortOverflows(stored, entry.uncompressedSize, maxOutputLength) ? "too-many-bytes" : "corrupt";
  }
  return inflated.length > entry.uncompressedSize ? "too-many-bytes" : inflated;
}

/** Whether a deflate stream with no proper end yields more than `declared` bytes before it stops. */
function cutShortOverflows(stored: Buffer, declared: number, maxOutputLength: number): boolean {
  try {
    return inflateRawSync(stored, { maxOutputLength, finishFlush: zlibConstants.Z_SYNC_FLUSH }).length > declared;
  } catch (error) {
    return (error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE";
  }
}

/** The parts the guard keeps for the reader: XML and relationships (a plan's text, styles, numbering, comments). */
export const isKeptPart = (name: string): boolean => /\.(xml|rels)$/i.test(name);

/** The hand-over from the guard to the reader. Only the guard makes one, after it has judged every entry. */
export class WordZip {
  constructor(
    private readonly zip: Buffer,
    /** Every file entry (folders left out), by name: the last of the same name wins, as in other zip readers. */
    private readonly entries: ReadonlyMap<string, ZipEntryData>,
    private readonly kept: ReadonlyMap<string, Buffer>,
  ) {}

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** A part's inflated bytes, or null when the package has no such part. */
  part(name: string): Buffer | null {
    const kept = this.kept.get(name);
    if (kept) return kept;
    const entry = this.entries.get(name);
    if (!entry) return null;
    const inflated = inflateEntry(this.zip, entry);
    // The guard inflated this entry within its size already; failing now would mean the bytes changed under us.
    if (typeof inflated === "string") throw new Error(`zip entry could not be inflated again (${inflated})`);
    return inflated;
  }
}
