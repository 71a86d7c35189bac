// Outcomes travel back through Redis apart from the jobs: one key per plan of a batch, written with SET NX so a plan
// whose job ran twice (its worker died after writing) keeps its first outcome. The batch takes an outcome by
// replacing it with a marker that keeps the key's expiry, so a late second run still finds the plan done.
import type { Redis } from "ioredis";
import type { PlanAuditOutcome } from "./seam.ts";
import { redisKeys } from "./redis.ts";
import { unwrap, wrap, type Envelope } from "./sealed.ts";

const TAKEN = "taken";

/** Writes a plan's outcome unless it has one; true when this call wrote it. The detail (an error text) stays out. */
export async function writeOutcome(redis: Redis, key: Buffer | undefined, at: { batchId: string; planKey: string; ttlSeconds: number }, outcome: PlanAuditOutcome): Promise<boolean> {
  const redisKey = redisKeys.result(at.batchId, at.planKey);
  const stored: PlanAuditOutcome = outcome.ok ? { ok: true, report: outcome.report, ...(outcome.paragraphs ? { paragraphs: outcome.paragraphs } : {}) } : { ok: false, problem: outcome.problem };
  const written = await redis.set(redisKey, JSON.stringify(wrap(key, stored, redisKey)), "EX", Math.max(1, Math.round(at.ttlSeconds)), "NX");
  return written === "OK";
}

export async function hasOutcome(redis: Redis, batchId: string, planKey: string): Promise<boolean> {
  return (await redis.exists(redisKeys.result(batchId, planKey))) === 1;
}

/**
 * The outcomes ready among `planKeys`, taken: each one is replaced by a marker in the same command round, so its
 * report does not stay in Redis once the batch has it. An outcome that cannot be opened (another queue key) becomes
 * an INTERNAL problem rather than being lost.
 */
export async function takeOutcomes(redis: Redis, key: Buffer | undefined, batchId: string, planKeys: string[]): Promise<Map<string, PlanAuditOutcome>> {
  const taken = new Map<string, PlanAuditOutcome>();
  if (planKeys.length === 0) return taken;
  const redisKeysOf = planKeys.map((planKey) => redisKeys.result(batchId, planKey));
  const values = await redis.mget(...redisKeysOf);
  const marking = redis.pipeline();
  values.forEach((value, index) => {
    if (value === null || value === TAKEN) return;
    const redisKey = redisKeysOf[index]!;
    let outcome: PlanAuditOutcome;
    try {
      outcome = unwrap(key, JSON.parse(value) as Envelope, redisKey) as PlanAuditOutcome;
    } catch {
      outcome = {
        ok: false,
        problem: { code: "INTERNAL", message: "This plan's result could not be opened: the worker that scored it has a different EHCP_QA_QUEUE_KEY from this batch. Give every worker and batch the same key and run the batch again." },
      };
    }
    taken.set(planKeys[index]!, outcome);
    marking.set(redisKey, TAKEN, "KEEPTTL", "XX");
  });
  if (taken.size > 0) await marking.exec();
  return taken;
}
