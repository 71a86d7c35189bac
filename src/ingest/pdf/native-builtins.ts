// pdf.js's legacy build (the one pdf-parse loads) carries core-js, which replaces a few of the JavaScript engine's
// own built-ins for the whole process when they miss a corner of the standard. Two of them are on hot paths:
// Array.prototype.push (V8's does not throw when nothing is pushed onto an array whose length is read-only), whose
// replacement is written in JavaScript and is 6-9 times slower in every module of the process, the rules included;
// and JSON.parse (no source text for revivers), wrapped. Neither corner is used by pdf.js or this project, so the
// engine's own are put back once pdf.js has loaded.
//
// This module must be evaluated before pdf.js is: it keeps the built-ins as the engine made them. When core-js has
// already run in the process (someone loaded pdf.js first), what is here is not the engine's and nothing is put back.

const CORE_JS_STATE = "__core-js_shared__";

type Saved = { owner: object; key: string; value: unknown };

const saved: Saved[] =
  CORE_JS_STATE in globalThis
    ? []
    : [
        { owner: Array.prototype, key: "push", value: Array.prototype.push },
        { owner: JSON, key: "parse", value: JSON.parse },
      ];

/** Puts back the engine's own built-ins where something replaced them since this module loaded. */
export function restoreNativeBuiltins(): void {
  for (const { owner, key, value } of saved) {
    if ((owner as Record<string, unknown>)[key] !== value) Object.defineProperty(owner, key, { value, writable: true, enumerable: false, configurable: true });
  }
}
