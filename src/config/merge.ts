// How a rule set's settings combine with what they inherit: one function, used by the loader and the rule tester.

/** The suffix that makes a list append to the inherited list instead of replacing it: `"phrases+": [...]`. */
export const APPEND_SUFFIX = "+";

export type PlainObject = Record<string, unknown>;

export const isPlainObject = (value: unknown): value is PlainObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A place where `"key+"` was used on something that is not a list. */
export interface MergeProblem {
  /** JSON pointer relative to the override object. */
  pointer: string;
  message: string;
}

/**
 * Deep-merge `override` onto `base`: objects merge key by key, anything else (lists included) replaces,
 * and `"key+": [...]` appends to the list under `key` (deduplicated, order kept). Never mutates its inputs.
 */
export function mergeSettings(base: PlainObject, override: PlainObject, problems: MergeProblem[] = [], pointer = ""): PlainObject {
  const result: PlainObject = { ...base };
  for (const [rawKey, value] of Object.entries(override)) {
    const here = `${pointer}/${escapePointer(rawKey)}`;
    if (rawKey.endsWith(APPEND_SUFFIX) && rawKey.length > APPEND_SUFFIX.length) {
      const key = rawKey.slice(0, -APPEND_SUFFIX.length);
      const inherited = result[key] ?? [];
      if (!Array.isArray(value) || !Array.isArray(inherited)) {
        problems.push({ pointer: here, message: `"${rawKey}" adds to a list, so both it and "${key}" must be lists` });
        continue;
      }
      result[key] = appendUnique(inherited, value);
      continue;
    }
    const current = result[rawKey];
    result[rawKey] = isPlainObject(current) && isPlainObject(value) ? mergeSettings(current, value, problems, here) : value;
  }
  return result;
}

/** Append items not already present (compared as JSON, so lists of objects work too). */
export function appendUnique(base: readonly unknown[], extra: readonly unknown[]): unknown[] {
  const seen = new Set(base.map((item) => JSON.stringify(item)));
  const result = [...base];
  for (const item of extra) {
    const key = JSON.stringify(item);
    if (!seen.has(key)) {
      seen.add(key);
      result.push(item);
    }
  }
  return result;
}

export const escapePointer = (key: string): string => key.replace(/~/g, "~0").replace(/\//g, "~1");
