// The command line as a user runs it (bin/ehcp-qa.js, a whole process each time), against the least a process
// could do: `--help` against `node -e 1`, and an audit against a process that only runs mammoth on the same file.
// Also the peak memory of that audit's process (and of any process it starts).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { meanCpuMs, runNode } from "./processes.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BIN = path.join(ROOT, "bin", "ehcp-qa.js");

export interface CliBench {
  file: string;
  nodeCpuMs: number;
  helpCpuMs: number;
  mammothCpuMs: number;
  auditCpuMs: number;
  auditPeakMb: number;
  runs: number;
}

export async function cliBench(docxPath: string, runs: number): Promise<CliBench> {
  const nodeCpuMs = await meanCpuMs(["-e", "1"], runs, ROOT);
  const helpCpuMs = await meanCpuMs([BIN, "--help"], runs, ROOT);
  const mammothOnly = `import mammoth from "mammoth"; await mammoth.convertToHtml({ path: ${JSON.stringify(docxPath)} });`;
  const mammothCpuMs = await meanCpuMs(["--input-type=module", "-e", mammothOnly], runs, ROOT);
  const auditArgs = [BIN, "audit", docxPath, "--format", "json"];
  const auditCpuMs = await meanCpuMs(auditArgs, runs, ROOT);
  const auditPeakMb = (await runNode(auditArgs, { cwd: ROOT, peakMemory: true })).peakMb;
  return { file: path.basename(docxPath), nodeCpuMs, helpCpuMs, mammothCpuMs, auditCpuMs, auditPeakMb, runs };
}
