// Finds the plans in a batch: the files a source holds, paired by name or by a manifest.
import { applyManifest, type Manifest } from "./manifest.ts";
import { pairByConvention, type Discovery } from "./pairing.ts";
import type { BatchSource } from "./source.ts";

export async function discoverPlans(source: BatchSource, manifest?: Manifest): Promise<Discovery> {
  const entries = await source.list();
  const byConvention = pairByConvention(entries);
  return manifest ? applyManifest(manifest, entries, byConvention) : byConvention;
}
