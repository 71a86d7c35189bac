// What a resumed run compares: a plan is the same plan, already scored, when its files have the same bytes in the
// same roles and it is checked by the same rule set (name, version and settings), the same ehcp-qa version, and
// on the same audit date. The key is a sha256 of exactly that, so renaming a file or changing a manifest column
// does not make a plan be scored again, and changing one byte of it does.
import { createHash } from "node:crypto";
import type { LoadedRuleSet } from "../config/rule-set.ts";
import { VERSION } from "../index.ts";
import type { BatchRole } from "./types.ts";

export const sha256 = (data: Uint8Array | string): string => createHash("sha256").update(data).digest("hex");

export interface KeyContext {
  ruleSet: Pick<LoadedRuleSet, "name" | "version" | "resolved">;
  auditDate: string;
}

/** Computed once per batch: everything in the key apart from the files. */
export function keyPrefix({ ruleSet, auditDate }: KeyContext): string {
  return ["ehcp-qa batch key 1", VERSION, ruleSet.name, ruleSet.version, sha256(JSON.stringify(ruleSet.resolved)), auditDate].join("\n");
}

export function planKey(prefix: string, files: { role: BatchRole; sha256: string }[]): string {
  return sha256(`${prefix}\n${files.map((file) => `${file.role} ${file.sha256}`).join("\n")}`);
}
