// The docx package stamps "now" into docProps/core.xml and into every zip entry; fix both so that
// regenerating an unchanged sample gives byte-identical files (and a quiet git diff).
import JSZip from "jszip";

/** The fixed timestamp written into every generated sample. */
export const SAMPLE_TIMESTAMP = "2026-01-01T09:00:00Z";

export async function makeDeterministic(docx: Buffer): Promise<Buffer> {
  const source = await JSZip.loadAsync(docx);
  const output = new JSZip();
  const date = new Date(SAMPLE_TIMESTAMP);
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    let content: Uint8Array | string = await entry.async("uint8array");
    if (entry.name === "docProps/core.xml") {
      content = new TextDecoder().decode(content).replace(
        /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
        `$1${SAMPLE_TIMESTAMP}$2`,
      );
    }
    output.file(entry.name, content, { date, createFolders: false });
  }
  return output.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}
