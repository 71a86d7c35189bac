// Each scored plan's own HTML report is written as reports/<name>.html. An id can hold any character a manifest
// allows, so the name keeps only letters, digits, dots, hyphens and underscores, and two ids that would share a
// name (on a case-insensitive disk too) are told apart by a short hash of the id.
import { createHash } from "node:crypto";
import type { BatchResult } from "../types.ts";

const hashOf = (id: string): string => createHash("sha256").update(id).digest("hex").slice(0, 8);

function safeName(id: string): string {
  const name = id.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "").slice(0, 80);
  return name || "plan";
}

/** reports/<name>.html for every result with a report, by id. Depends only on the ids, so it is the same every run. */
export function reportFileNames(results: Pick<BatchResult, "id" | "report">[]): Map<string, string> {
  const ids = results.filter((r) => r.report).map((r) => r.id).sort();
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(safeName(id).toLowerCase(), (counts.get(safeName(id).toLowerCase()) ?? 0) + 1);
  const names = new Map<string, string>();
  for (const id of ids) {
    const name = safeName(id);
    const unique = counts.get(name.toLowerCase()) === 1 && name === id ? name : `${name}-${hashOf(id)}`;
    names.set(id, `reports/${unique}.html`);
  }
  return names;
}
