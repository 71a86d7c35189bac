// Finding the plans in a batch: the naming convention, a manifest (with and without file columns), and a zip read
// in place with the guard's limits. Files are made in memory; nothing here reads a document.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { applyManifest, parseManifest } from "../../src/batch/manifest.ts";
import { nameFile, pairByConvention } from "../../src/batch/pairing.ts";
import { memorySource, normalisePath } from "../../src/batch/source.ts";
import { zipSource } from "../../src/batch/zip-source.ts";
import { discoverPlans } from "../../src/batch/discover.ts";
import { isProblemError, type ProblemError } from "../../src/model/problem.ts";

const entries = (...paths: string[]) => paths.map((path) => ({ path, size: 1 }));

async function problemOf(promise: Promise<unknown>): Promise<ProblemError["problem"]> {
  try {
    await promise;
  } catch (error) {
    if (isProblemError(error)) return error.problem;
    throw error;
  }
  throw new Error("expected a coded problem");
}

describe("the naming convention", () => {
  it("reads the role and id from a file name", () => {
    expect(nameFile("a/ava-final.docx")).toMatchObject({ id: "ava", role: "plan", extension: "docx" });
    expect(nameFile("ava-draft.PDF")).toMatchObject({ id: "ava", role: "draft", extension: "pdf" });
    expect(nameFile("ava-response-parent.txt")).toMatchObject({ id: "ava", role: "response" });
    expect(nameFile("ava-response2.pdf")).toMatchObject({ id: "ava", role: "response" });
    expect(nameFile("ava-advice-ep.pdf")).toMatchObject({ id: "ava", role: "advice" });
    // A tail that looks like a role does not make advice a plan.
    expect(nameFile("ava-advice-final.pdf")).toMatchObject({ id: "ava", role: "advice" });
    expect(nameFile("EHCP 2031_final.docx")).toMatchObject({ id: "EHCP 2031", role: "plan" });
    expect(nameFile("isla-thornton.docx")).toMatchObject({ id: "isla-thornton", role: "plan" });
    expect(nameFile("ava-final.xlsx")).toEqual({ skip: "not a Word document (.docx), PDF or text file" });
    expect(nameFile("ava-final.txt")).toHaveProperty("skip");
  });

  it("pairs each final with its draft, letters and advice, keeping one format of each document", () => {
    const found = pairByConvention(
      entries("ava-final.docx", "ava-final.pdf", "ava-draft.docx", "ava-response-mum.txt", "ava-response-mum.pdf", "ava-advice-ep.pdf", "ben-final.pdf", "notes.xlsx"),
    );
    expect(found.plans).toEqual([
      {
        id: "ava",
        files: [
          { role: "plan", path: "ava-final.docx" },
          { role: "draft", path: "ava-draft.docx" },
          { role: "response", path: "ava-response-mum.pdf" },
          { role: "advice", path: "ava-advice-ep.pdf" },
        ],
        columns: {},
      },
      { id: "ben", files: [{ role: "plan", path: "ben-final.pdf" }], columns: {} },
    ]);
    expect(found.skipped.map((s) => s.path)).toEqual(["ava-final.pdf", "ava-response-mum.txt", "notes.xlsx"]);
    expect(found.skipped[0]!.reason).toBe("the same document as ava-final.docx, which is read instead");
  });

  it("scores a draft sent alone as the plan, and makes a row of a plan it cannot put together", () => {
    const found = pairByConvention(entries("cal-draft.docx", "dee-advice-ep.pdf", "eve/eve-final.docx", "eve-final.docx"));
    expect(found.plans.find((p) => p.id === "cal")).toEqual({ id: "cal", files: [{ role: "plan", path: "cal-draft.docx" }], columns: {} });
    expect(found.plans.find((p) => p.id === "dee")!.problem).toMatchObject({ code: "FILE_NOT_FOUND" });
    expect(found.plans.find((p) => p.id === "dee")!.problem!.message).toContain("no dee-final.docx or dee-final.pdf");
    const eve = found.plans.find((p) => p.id === "eve")!;
    expect(eve.problem).toMatchObject({ code: "BAD_REQUEST" });
    expect(eve.problem!.message).toContain("2 files are named as the plan for eve (eve-final.docx, eve/eve-final.docx)");
  });
});

describe("a manifest", () => {
  const files = entries("in/ava-final.docx", "in/ava-draft.docx", "letters/ava mum.pdf", "ben-final.pdf", "cal.docx", "extra-final.docx");

  it("names each plan's files (several separated by ';') and carries its own columns", () => {
    const manifest = parseManifest("\uFEFFID,Plan,Draft,Response,Advice,Team,Key stage\nava,in/ava-final.docx,ava-draft.docx,letters/ava mum.pdf,,North,KS2\nben,,,,,South,KS1\ncal,cal.docx,,,,,\nzed,zed.docx,,,,North,\n", "m.csv");
    expect(manifest.columns).toEqual(["Team", "Key stage"]);
    expect(manifest.namesFiles).toBe(true);
    const found = applyManifest(manifest, files, pairByConvention(files));
    expect(found.plans.map((p) => [p.id, p.files.map((f) => `${f.role}:${f.path}`), p.columns, p.problem?.code])).toEqual([
      ["ava", ["plan:in/ava-final.docx", "draft:in/ava-draft.docx", "response:letters/ava mum.pdf"], { Team: "North", "Key stage": "KS2" }, undefined],
      // No plan column value: paired by name.
      ["ben", ["plan:ben-final.pdf"], { Team: "South", "Key stage": "KS1" }, undefined],
      ["cal", ["plan:cal.docx"], { Team: "", "Key stage": "" }, undefined],
      ["zed", [], { Team: "North", "Key stage": "" }, "FILE_NOT_FOUND"],
    ]);
    expect(found.plans.at(-1)!.problem!.message).toBe("Line 5 of m.csv: there is no file zed.docx in the batch.");
    // Files the manifest does not mention are not guessed at.
    expect(found.skipped).toEqual([{ path: "extra-final.docx", reason: "not listed in the manifest m.csv" }]);
  });

  it("without file columns, adds its columns to the plans paired by name", () => {
    const manifest = parseManifest("id,team\nava,North\nnobody,South\n", "m.csv");
    const found = applyManifest(manifest, files, pairByConvention(files));
    expect(found.plans.map((p) => [p.id, p.columns.team, p.problem?.code])).toEqual([
      ["ava", "North", undefined],
      // A PDF whose name names no role is a plan of its own.
      ["ava mum", "", undefined],
      ["ben", "", undefined],
      ["cal", "", undefined],
      ["extra", "", undefined],
      ["nobody", "South", "FILE_NOT_FOUND"],
    ]);
  });

  it("is refused, with the line, when it cannot be used", () => {
    const refuse = (csv: string) => {
      try {
        parseManifest(csv, "m.csv");
      } catch (error) {
        if (isProblemError(error)) return `${error.problem.code}: ${error.problem.message}`;
      }
      return "accepted";
    };
    expect(refuse("plan,team\na.docx,North\n")).toBe('BAD_REQUEST: The manifest m.csv cannot be used: it has no "id" column (its columns are: plan, team). The first line names the columns: id, plan, draft, response, advice, and any of your own.');
    expect(refuse("id,team\nava,North\nAVA,South\n")).toContain("the id AVA is on line 2 and again on line 3");
    expect(refuse("id,plan\n,a.docx\n")).toContain("line 2 has no id");
    expect(refuse('id,team\nava,"North\n')).toContain("it is not a readable CSV file");
    expect(refuse("id,plan\nava,a.docx;b.docx\n")).toContain("line 2 names 2 files as the plan for ava");
    expect(refuse("")).toContain("it is empty");
  });
});

describe("a zip of plans", () => {
  async function zipOf(files: Record<string, Uint8Array | string>, compression: "STORE" | "DEFLATE" = "STORE"): Promise<Buffer> {
    const zip = new JSZip();
    for (const [name, content] of Object.entries(files)) zip.file(name, content);
    return Buffer.from(await zip.generateAsync({ type: "uint8array", compression }));
  }

  it("is listed and read in place, without its noise", async () => {
    const source = zipSource({ buffer: await zipOf({ "sample/ava-final.docx": "A", "sample/ava-draft.docx": "B", "__MACOSX/sample/._ava-final.docx": "x", "sample/.DS_Store": "x" }), label: "june.zip" });
    expect((await source.list()).map((e) => e.path)).toEqual(["sample/ava-draft.docx", "sample/ava-final.docx"]);
    expect(Buffer.from(await source.read("sample/ava-final.docx")).toString()).toBe("A");
    expect((await discoverPlans(source)).plans[0]!.files).toHaveLength(2);
    await source.close();
  });

  it("makes a row of an entry that breaks a limit, not an end of the batch", async () => {
    const big = new Uint8Array(3 * 1024 * 1024); // zeros: compresses far more than a document can
    const source = zipSource({ buffer: await zipOf({ "bomb-final.pdf": big, "long-final.pdf": "x".repeat(2000), "ok-final.pdf": "%PDF-1.4" }, "DEFLATE"), label: "june.zip" }, { maxFileBytes: 1000 });
    expect(await problemOf(source.read("bomb-final.pdf"))).toMatchObject({ code: "ZIP_BOMB", file: "bomb-final.pdf" });
    expect(await problemOf(source.read("long-final.pdf"))).toMatchObject({ code: "TOO_LARGE", file: "long-final.pdf" });
    expect(Buffer.from(await source.read("ok-final.pdf")).toString()).toBe("%PDF-1.4");
  });

  it("is refused as a whole when damaged or when it declares more than a batch could", async () => {
    expect(await problemOf(zipSource({ buffer: Buffer.from("PK\x03\x04 not really a zip"), label: "june.zip" }).list())).toMatchObject({ code: "CORRUPT_FILE", file: "june.zip" });
    const many = await zipOf(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`p${i}-final.pdf`, "x"])));
    expect(await problemOf(zipSource({ buffer: many, label: "june.zip" }, { maxZipEntries: 4 }).list())).toMatchObject({ code: "ZIP_BOMB" });
  });
});

describe("files sent to the service", () => {
  it("keep their folders, lose any '..', and two with the same name are refused", async () => {
    expect(normalisePath("..\\..\\team a/./ava-final.docx")).toBe("team a/ava-final.docx");
    const source = memorySource([{ fileName: "ava-final.docx", bytes: new Uint8Array([1]) }], "upload", { maxFileBytes: 10 });
    expect(await source.list()).toEqual([{ path: "ava-final.docx", size: 1 }]);
    expect(() => memorySource([{ fileName: "a.docx", bytes: new Uint8Array() }, { fileName: "./a.docx", bytes: new Uint8Array() }])).toThrow("Two files are called a.docx");
    const big = memorySource([{ fileName: "big-final.pdf", bytes: new Uint8Array(20) }], "upload", { maxFileBytes: 10 });
    expect(await problemOf(big.read("big-final.pdf"))).toMatchObject({ code: "TOO_LARGE", file: "big-final.pdf" });
  });
});
