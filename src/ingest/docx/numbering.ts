// Word's automatic numbering, worked out for headings. mammoth never prints list numbers, so a template
// whose headings are numbered by Word ("Section A:", "1.", "Part 3") would lose the letter or number that
// names the section; the PDF shows it. We count the way Word does and give headings their label back.
import type { Document as XmlDocument, Element as XmlElement } from "@xmldom/xmldom";
import type { BodyParagraph } from "./body-scan.ts";
import { wordAttribute, wordChild, wordDescendants } from "./ooxml.ts";

interface LevelDefinition {
  start: number;
  format: string;
  text: string;
}

/** For a numbering instance (w:num), its levels: the abstract definition with the instance's overrides. */
interface NumberingInstance {
  abstractId: string;
  levels: Map<number, LevelDefinition>;
  startOverrides: Map<number, number>;
}

/** Labels ("Section A:", "1.", "2.3") for each numbered paragraph, by body paragraph index; bullets excluded. */
export function numberLabels(paragraphs: BodyParagraph[], numbering: XmlDocument | null, styles: XmlDocument | null): Map<number, string> {
  const labels = new Map<number, string>();
  if (!numbering) return labels;
  const instances = readInstances(numbering);
  const styleNumbering = readStyleNumbering(styles);
  // Word counts per abstract list, so two instances of one list continue each other unless one restarts.
  const counters = new Map<string, number[]>();
  const restarted = new Set<string>();

  for (const paragraph of paragraphs) {
    const numbered = paragraph.numbering ?? (paragraph.styleId ? styleNumbering(paragraph.styleId) : undefined);
    if (!numbered || numbered.numId === "0") continue;
    const instance = instances.get(numbered.numId);
    const definition = instance?.levels.get(numbered.level);
    if (!instance || !definition) continue;

    let counts = counters.get(instance.abstractId);
    if (!counts || (instance.startOverrides.size > 0 && !restarted.has(numbered.numId))) {
      counts = [];
      counters.set(instance.abstractId, counts);
      restarted.add(numbered.numId);
    }
    const startOf = (level: number): number => instance.startOverrides.get(level) ?? instance.levels.get(level)?.start ?? 1;
    counts[numbered.level] = counts[numbered.level] === undefined ? startOf(numbered.level) : counts[numbered.level]! + 1;
    counts.length = numbered.level + 1; // deeper levels start again under a new parent
    if (definition.format === "bullet" || definition.format === "none") continue;

    const label = definition.text.replace(/%([1-9])/g, (_, digit: string) => {
      const level = Number(digit) - 1;
      const format = instance.levels.get(level)?.format ?? "decimal";
      return formatNumber(counts[level] ?? startOf(level), format);
    });
    if (label.trim() !== "") labels.set(paragraph.index, label.trim());
  }
  return labels;
}

function readInstances(numbering: XmlDocument): Map<string, NumberingInstance> {
  const abstracts = new Map<string, Map<number, LevelDefinition>>();
  for (const abstract of wordDescendants(numbering, "abstractNum")) {
    const id = wordAttribute(abstract, "abstractNumId");
    if (id !== undefined) abstracts.set(id, readLevels(abstract));
  }
  const instances = new Map<string, NumberingInstance>();
  for (const num of wordDescendants(numbering, "num")) {
    const id = wordAttribute(num, "numId");
    const abstractElement = wordChild(num, "abstractNumId");
    const abstractId = abstractElement ? wordAttribute(abstractElement, "val") : undefined;
    if (id === undefined || abstractId === undefined) continue;
    const levels = new Map(abstracts.get(abstractId) ?? []);
    const startOverrides = new Map<number, number>();
    for (let child = num.firstChild; child; child = child.nextSibling) {
      const override = child as XmlElement;
      if (override.localName !== "lvlOverride") continue;
      const level = Number(wordAttribute(override, "ilvl"));
      const start = valueOf(override, "startOverride");
      if (start !== undefined && Number.isInteger(Number(start))) startOverrides.set(level, Number(start));
      const redefined = wordChild(override, "lvl");
      if (redefined) levels.set(level, readLevel(redefined));
    }
    instances.set(id, { abstractId, levels, startOverrides });
  }
  return instances;
}

function readLevels(abstract: XmlElement): Map<number, LevelDefinition> {
  const levels = new Map<number, LevelDefinition>();
  for (let child = abstract.firstChild; child; child = child.nextSibling) {
    const element = child as XmlElement;
    if (element.localName !== "lvl") continue;
    const level = Number(wordAttribute(element, "ilvl"));
    if (Number.isInteger(level)) levels.set(level, readLevel(element));
  }
  return levels;
}

function readLevel(element: XmlElement): LevelDefinition {
  const start = Number(valueOf(element, "start") ?? 1);
  return { start: Number.isInteger(start) ? start : 1, format: valueOf(element, "numFmt") ?? "decimal", text: valueOf(element, "lvlText") ?? "" };
}

/** Numbering that paragraphs get from their style ("Heading 1" linked to a numbered list), through "based on". */
function readStyleNumbering(styles: XmlDocument | null): (styleId: string) => { numId: string; level: number } | undefined {
  const byId = new Map<string, XmlElement>();
  if (styles) {
    for (const style of wordDescendants(styles, "style")) {
      const id = wordAttribute(style, "styleId");
      if (id !== undefined && wordAttribute(style, "type") === "paragraph") byId.set(id, style);
    }
  }
  return (styleId) => {
    let style = byId.get(styleId);
    for (let hops = 0; style && hops < 20; hops++) {
      const properties = wordChild(style, "pPr");
      const numbered = properties ? numberingProperties(properties) : undefined;
      if (numbered) return numbered;
      const basedOn = valueOf(style, "basedOn");
      style = basedOn ? byId.get(basedOn) : undefined;
    }
    return undefined;
  };
}

function valueOf(element: XmlElement, childName: string): string | undefined {
  const child = wordChild(element, childName);
  return child ? wordAttribute(child, "val") : undefined;
}

export function formatNumber(value: number, format: string): string {
  switch (format) {
    case "upperLetter":
      return letters(value).toUpperCase();
    case "lowerLetter":
      return letters(value);
    case "upperRoman":
      return roman(value).toUpperCase();
    case "lowerRoman":
      return roman(value);
    case "decimalZero":
      return value < 10 ? `0${value}` : String(value);
    default:
      return String(value);
  }
}

/** Word's letters: a..z, then aa..zz, then aaa.. (the letter repeated, not base 26). */
function letters(value: number): string {
  if (value < 1) return String(value);
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
  if (value < 1 || value >= 4000) return String(value);
  const numerals: [number, string][] = [[1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"], [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];
  let rest = value;
  let out = "";
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      out += numeral;
      rest -= amount;
    }
  }
  return out;
}

/** A style's w:numPr, as numbering instance and level (a paragraph's own are read by body-scan.ts). */
function numberingProperties(properties: XmlElement): { numId: string; level: number } | undefined {
  const numPr = wordChild(properties, "numPr");
  if (!numPr) return undefined;
  const numIdElement = wordChild(numPr, "numId");
  const levelElement = wordChild(numPr, "ilvl");
  const numId = numIdElement ? wordAttribute(numIdElement, "val") : undefined;
  const level = Number(levelElement ? wordAttribute(levelElement, "val") : 0);
  return numId === undefined ? undefined : { numId, level: Number.isInteger(level) && level >= 0 && level <= 8 ? level : 0 };
}
