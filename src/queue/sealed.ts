// With EHCP_QA_QUEUE_KEY set, everything the queue puts in Redis that could say something about a child (a plan's
// files, its report, which quotes it) is sealed with AES-256-GCM: Redis, its backups and anyone reading them see
// only ciphertext. The Redis key the value is stored under is the additional data, so a sealed value moved to
// another key does not open.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { ProblemError } from "../model/problem.ts";

export const QUEUE_KEY_ENV = "EHCP_QA_QUEUE_KEY";

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A 32-byte key from the environment: 64 hex digits or base64; undefined when the variable is not set. */
export function queueKeyFromEnv(env: Record<string, string | undefined> = process.env): Buffer | undefined {
  const text = env[QUEUE_KEY_ENV]?.trim();
  if (!text) return undefined;
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== 32 || (!/^[0-9a-f]{64}$/i.test(text) && key.toString("base64").replace(/=+$/, "") !== text.replace(/=+$/, ""))) {
    throw new ProblemError({
      code: "BAD_REQUEST",
      message: `${QUEUE_KEY_ENV} must be a 256-bit key written as 64 hexadecimal digits or in base64 (make one with: openssl rand -hex 32). Every batch and worker on the queue needs the same one.`,
    });
  }
  return key;
}

/** base64 of iv | tag | ciphertext. */
export function seal(key: Buffer, plaintext: string, boundTo: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(boundTo, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

export class UnsealError extends Error {
  constructor() {
    super("A sealed queue value could not be opened: EHCP_QA_QUEUE_KEY is missing here or differs from the one that sealed it.");
    this.name = "UnsealError";
  }
}

export function unseal(key: Buffer | undefined, sealed: string, boundTo: string): string {
  if (!key) throw new UnsealError();
  const data = Buffer.from(sealed, "base64");
  if (data.length < IV_BYTES + TAG_BYTES) throw new UnsealError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, data.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(boundTo, "utf8"));
    decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new UnsealError();
  }
}

/** A value as stored: sealed when there is a key, plain JSON otherwise. */
export type Envelope = { sealed: string } | { plain: unknown };

export function wrap(key: Buffer | undefined, value: unknown, boundTo: string): Envelope {
  return key ? { sealed: seal(key, JSON.stringify(value), boundTo) } : { plain: value };
}

export function unwrap(key: Buffer | undefined, envelope: Envelope, boundTo: string): unknown {
  return "sealed" in envelope ? JSON.parse(unseal(key, envelope.sealed, boundTo)) : envelope.plain;
}
