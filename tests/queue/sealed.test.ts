// Payloads and outcomes sealed with AES-256-GCM: they open with the same key and the same Redis key only.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { queueKeyFromEnv, seal, unseal, unwrap, wrap, UnsealError } from "../../src/queue/sealed.ts";
import { isProblemError } from "../../src/model/problem.ts";

describe("queue sealing", () => {
  const key = randomBytes(32);

  it("opens what it sealed, and the sealed text does not show the plaintext", () => {
    const text = "Tomasz Brenner enjoys building model railways";
    const sealed = seal(key, text, "job-1");
    expect(sealed).not.toContain("Tomasz");
    expect(Buffer.from(sealed, "base64").toString("latin1")).not.toContain("Tomasz");
    expect(unseal(key, sealed, "job-1")).toBe(text);
    // A fresh IV each time: the same text never seals the same way twice.
    expect(seal(key, text, "job-1")).not.toBe(sealed);
  });

  it("refuses another key, another Redis key, a missing key and a changed byte", () => {
    const sealed = seal(key, "plan bytes", "job-1");
    expect(() => unseal(randomBytes(32), sealed, "job-1")).toThrow(UnsealError);
    expect(() => unseal(key, sealed, "job-2")).toThrow(UnsealError);
    expect(() => unseal(undefined, sealed, "job-1")).toThrow(UnsealError);
    const bytes = Buffer.from(sealed, "base64");
    bytes[bytes.length - 1]! ^= 1;
    expect(() => unseal(key, bytes.toString("base64"), "job-1")).toThrow(UnsealError);
  });

  it("wraps plainly without a key and sealed with one", () => {
    expect(wrap(undefined, { a: 1 }, "k")).toEqual({ plain: { a: 1 } });
    const sealed = wrap(key, { a: 1 }, "k");
    expect("sealed" in sealed).toBe(true);
    expect(unwrap(key, sealed, "k")).toEqual({ a: 1 });
  });

  it("reads the key as 64 hex digits or base64, and explains a bad one", () => {
    const raw = randomBytes(32);
    expect(queueKeyFromEnv({ EHCP_QA_QUEUE_KEY: raw.toString("hex") })).toEqual(raw);
    expect(queueKeyFromEnv({ EHCP_QA_QUEUE_KEY: raw.toString("base64") })).toEqual(raw);
    expect(queueKeyFromEnv({})).toBeUndefined();
    for (const bad of ["secret", raw.subarray(0, 16).toString("hex")]) {
      let error: unknown;
      try {
        queueKeyFromEnv({ EHCP_QA_QUEUE_KEY: bad });
      } catch (e) {
        error = e;
      }
      expect(isProblemError(error) && error.problem.code).toBe("BAD_REQUEST");
    }
  });
});
