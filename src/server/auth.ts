// Optional API keys: with none configured the API is open (a service on a council's internal network); with keys,
// every /api request but the OpenAPI document must carry one, as `Authorization: Bearer <key>` or `X-API-Key`.
import { createHash, timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import { ServiceProblem } from "./problems.ts";

const digest = (text: string): Buffer => createHash("sha256").update(text, "utf8").digest();

/** The key a request carries, if any. */
function presentedKey(authorization: string | undefined, apiKeyHeader: string | string[] | undefined): string | undefined {
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization ?? "")?.[1]?.trim();
  if (bearer) return bearer;
  const header = Array.isArray(apiKeyHeader) ? apiKeyHeader[0] : apiKeyHeader;
  return header?.trim() || undefined;
}

export function apiKeyCheck(keys: readonly string[]): RequestHandler {
  // Compared as digests of equal length, in constant time, so timing does not reveal how much of a key matched.
  const known = keys.map(digest);
  return (req, res, next) => {
    if (known.length === 0) {
      next();
      return;
    }
    const key = presentedKey(req.headers.authorization, req.headers["x-api-key"]);
    const candidate = key === undefined ? undefined : digest(key);
    let match = false;
    for (const expected of known) if (candidate && timingSafeEqual(candidate, expected)) match = true;
    if (!match) {
      res.setHeader("WWW-Authenticate", 'Bearer realm="ehcp-qa"');
      throw new ServiceProblem(
        "UNAUTHORIZED",
        key === undefined
          ? "This checker needs an access key. Send it as 'Authorization: Bearer <key>' or in an 'X-API-Key' header."
          : "The access key was not recognised. Check it with whoever runs the checker.",
      );
    }
    next();
  };
}
