// The zip guard inflates a Word file once and hands its parts to the reader (src/ingest/word-zip.ts): what it keeps,
// what it still judges in the parts it does not keep, and that the reader never opens the zip again.
import { createRequire } from "node:module";
import { constants as zlibConstants, deflateRawSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkWordZip, openWordZip, resolveLimits } from "../../src/ingest/guard.ts";
import { readDocument } from "../../src/ingest/index.ts";
import { ProblemError } from "../../src/model/problem.ts";
import { docxFromBody } from "./hostile-files.ts";

const paragraph = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const BODY = [paragraph("Nell likes drawing maps of the woods near her house."), paragraph("She needs help to start writing tasks.")].join("");

interface RawEntry {
  name: string;
  /** The entry's data as stored in the zip. */
  data: Buffer;
  method: 0 | 8;
  /** What the directory says the data inflates to. */
  declaredSize: number;
}

/** A zip written by hand, so its directory can say what a normal zip writer never would. CRCs are left 0: no reader here checks them. */
function zipOf(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const deflated = (name: string, text: string | Buffer, declaredSize?: number): RawEntry => {
  const bytes = Buffer.from(text);
  return { name, data: deflateRawSync(bytes), method: 8, declaredSize: declaredSize ?? bytes.length };
};

/** A deflate stream with no final block: a reader that needs its end finds the data cut short. */
const cutShort = (name: string, text: string, declaredSize: number): RawEntry => ({
  name,
  data: deflateRawSync(Buffer.from(text), { finishFlush: zlibConstants.Z_SYNC_FLUSH }),
  method: 8,
  declaredSize,
});

const DOCUMENT_XML = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${BODY}</w:body></w:document>`;

async function codeOf(bytes: Uint8Array): Promise<string> {
  try {
    await checkWordZip(bytes, resolveLimits());
    return "accepted";
  } catch (error) {
    if (error instanceof ProblemError) return error.problem.code;
    throw error;
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the Word zip the guard hands to the reader", () => {
  it("holds every part it judged: XML as inflated, a picture inflated again when asked for", async () => {
    const picture = Buffer.from(Array.from({ length: 3000 }, (_, index) => (index * 7) % 251));
    const bytes = zipOf([deflated("word/document.xml", DOCUMENT_XML), deflated("word/media/image1.png", picture), { name: "word/settings.xml", data: Buffer.from("<w:settings/>"), method: 0, declaredSize: 13 }]);
    const zip = await openWordZip(bytes, resolveLimits());
    expect(zip.part("word/document.xml")?.toString("utf8")).toBe(DOCUMENT_XML);
    expect(zip.part("word/settings.xml")?.toString("utf8")).toBe("<w:settings/>");
    expect(zip.has("word/media/image1.png")).toBe(true);
    expect(zip.part("word/media/image1.png")?.equals(picture)).toBe(true);
    expect(zip.has("word/styles.xml")).toBe(false);
    expect(zip.part("word/styles.xml")).toBeNull();
  });

  it("still inflates the parts it does not keep: a picture whose size is forged is ZIP_BOMB", async () => {
    const picture = Buffer.alloc(200_000, 7);
    expect(await codeOf(zipOf([deflated("word/document.xml", DOCUMENT_XML), deflated("word/media/image1.png", picture)]))).toBe("accepted");
    expect(await codeOf(zipOf([deflated("word/document.xml", DOCUMENT_XML), deflated("word/media/image1.png", picture, 4096)]))).toBe("ZIP_BOMB");
  });

  it("a part shorter than declared, or cut short, is CORRUPT_FILE; cut short but already past its declared size, ZIP_BOMB", async () => {
    const length = Buffer.byteLength(DOCUMENT_XML);
    expect(await codeOf(zipOf([deflated("word/document.xml", DOCUMENT_XML, length + 10)]))).toBe("CORRUPT_FILE");
    expect(await codeOf(zipOf([cutShort("word/document.xml", DOCUMENT_XML, length)]))).toBe("CORRUPT_FILE");
    expect(await codeOf(zipOf([cutShort("word/document.xml", DOCUMENT_XML, length - 10)]))).toBe("ZIP_BOMB");
  });

  it("is read without opening the zip again (no JSZip)", async () => {
    // mammoth and the tests load jszip as CommonJS: this is the one JSZip class they all share.
    const JSZip = createRequire(import.meta.url)("jszip") as { prototype: { loadAsync: () => unknown } };
    const loadAsync = vi.spyOn(JSZip.prototype, "loadAsync");
    const bytes = await docxFromBody(BODY);
    loadAsync.mockClear();
    const document = await readDocument(bytes, { fileName: "nell.docx" });
    expect(document.blocks.map((block) => ("text" in block ? block.text : ""))).toContain("She needs help to start writing tasks.");
    expect(loadAsync).not.toHaveBeenCalled();
  });
});
