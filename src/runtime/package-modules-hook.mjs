// Module hook for typescript-hooks.mjs: an ES module of a package (under node_modules: .mjs, or .js in a package
// whose package.json says "type": "module") is read and handed to Node as it is. Anything else goes on to tsx.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Whether the package a folder belongs to is "type": "module", by folder (the nearest package.json decides). */
const moduleFolders = new Map();

async function inModulePackage(folder) {
  if (moduleFolders.has(folder)) return moduleFolders.get(folder);
  let answer;
  try {
    answer = JSON.parse(await readFile(path.join(folder, "package.json"), "utf8")).type === "module";
  } catch {
    const parent = path.dirname(folder);
    answer = parent !== folder && (await inModulePackage(parent));
  }
  moduleFolders.set(folder, answer);
  return answer;
}

export async function load(url, context, nextLoad) {
  if (url.startsWith("file:") && url.includes("/node_modules/")) {
    const file = fileURLToPath(url);
    if (file.endsWith(".mjs") || (file.endsWith(".js") && (await inModulePackage(path.dirname(file))))) {
      return { format: "module", source: await readFile(file), shortCircuit: true };
    }
  }
  return nextLoad(url, context);
}
