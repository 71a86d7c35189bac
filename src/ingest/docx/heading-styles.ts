// Which paragraph styles are headings: mammoth knows "Heading 1".."Heading 6"; LA templates also use
// Title and their own styles ("EHCP Section Heading", "Part Title"). We read the document's own styles.xml,
// so a custom style counts as a heading when Word itself treats it as one.
import type { Document as XmlDocument, Element as XmlElement } from "@xmldom/xmldom";
import { wordAttribute, wordChild, wordDescendants } from "./ooxml.ts";

/** Style names that are headings in every template we have seen; the document's styles add to these. */
const BUILT_IN_HEADING_STYLES: [string, number][] = [
  ["Title", 1],
  ["Subtitle", 2],
  ["Section Heading", 1],
  ["Section Title", 1],
  ["Part Heading", 1],
  ["Part Title", 1],
  ["EHCP Heading", 1],
  ["EHC Plan Heading", 1],
  ["Sub Heading", 3],
  ["Subheading", 3],
];

/** Styles that mention "heading" or "title" but are not document headings. */
const NOT_A_HEADING = /toc|contents|table|caption|header|footer|footnote|endnote|annotation|comment|balloon|index|list|quote|hyperlink|char\b/i;

interface ParagraphStyle {
  name: string;
  basedOn: string | undefined;
  outlineLevel: number | undefined;
}

/** The heading level of a paragraph style, by its name (in any case, as mammoth matches style names). */
export function headingStyleLevels(styles: XmlDocument | null): (styleName: string) => number | undefined {
  const levels = new Map<string, number>(BUILT_IN_HEADING_STYLES.map(([name, level]) => [name.toUpperCase(), level]));
  for (const [name, level] of documentHeadingStyles(styles)) if (!levels.has(name.toUpperCase())) levels.set(name.toUpperCase(), level);
  return (styleName) => levels.get(styleName.toUpperCase());
}

function documentHeadingStyles(styles: XmlDocument | null): [string, number][] {
  if (!styles) return [];
  const byId = new Map<string, ParagraphStyle>();
  for (const element of wordDescendants(styles, "style")) {
    if (wordAttribute(element, "type") !== "paragraph") continue;
    const id = wordAttribute(element, "styleId");
    const name = childValue(element, "name");
    if (!id || !name) continue;
    const outline = childValue(wordChild(element, "pPr"), "outlineLvl");
    byId.set(id, { name, basedOn: childValue(element, "basedOn"), outlineLevel: outline === undefined ? undefined : Number(outline) });
  }
  const out: [string, number][] = [];
  for (const style of byId.values()) {
    if (NOT_A_HEADING.test(style.name)) continue;
    const level = headingLevelFromOutline(style, byId) ?? headingLevelFromName(style.name);
    if (level !== undefined) out.push([style.name, level]);
  }
  return out;
}

/** Word's outline level (0 = Heading 1), inherited through "based on"; 9 means body text. */
function headingLevelFromOutline(style: ParagraphStyle, byId: Map<string, ParagraphStyle>): number | undefined {
  let current: ParagraphStyle | undefined = style;
  for (let hops = 0; current && hops < 20; hops++) {
    if (current.outlineLevel !== undefined && Number.isInteger(current.outlineLevel)) {
      return current.outlineLevel >= 0 && current.outlineLevel <= 5 ? current.outlineLevel + 1 : undefined;
    }
    current = current.basedOn ? byId.get(current.basedOn) : undefined;
  }
  return undefined;
}

function headingLevelFromName(name: string): number | undefined {
  const numbered = /heading\s*([1-6])\b/i.exec(name);
  if (numbered) return Number(numbered[1]);
  if (/sub[\s-]?heading/i.test(name)) return 3;
  if (/subtitle/i.test(name)) return 2;
  if (!/heading|title/i.test(name)) return undefined;
  return /section|part|main|title/i.test(name) ? 1 : 2;
}

function childValue(element: XmlElement | undefined, localName: string): string | undefined {
  const child = element ? wordChild(element, localName) : undefined;
  return child ? wordAttribute(child, "val") : undefined;
}
