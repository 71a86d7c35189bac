// Reading the parts of a Word package: its parts as the zip guard inflated them (word-zip.ts), its relationships,
// and namespace-aware XML helpers. Every failure here becomes a ProblemError a caseworker can act on, never a
// library error.
import { DOMParser, type Document as XmlDocument, type Element as XmlElement, type Node as XmlNode } from "@xmldom/xmldom";
import { ProblemError } from "../../model/problem.ts";
import type { WordZip } from "../word-zip.ts";

/** WordprocessingML, in its usual (transitional) and its strict namespace. */
export const W_NAMESPACES = new Set(["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"]);
export const MC_NAMESPACE = "http://schemas.openxmlformats.org/markup-compatibility/2006";
export const VML_NAMESPACE = "urn:schemas-microsoft-com:vml";
const PACKAGE_RELATIONSHIPS_NAMESPACE = "http://schemas.openxmlformats.org/package/2006/relationships";

const ELEMENT_NODE = 1;

const CORRUPT_MESSAGE =
  "This Word file is damaged and cannot be read. Open it in Word, save it again as a Word document (.docx), and upload it again.";
const NOT_WORD_MESSAGE =
  "This file is a zip archive but not a Word document. Upload the plan as a Word document (.docx) or a PDF.";

export function corruptFile(): ProblemError {
  return new ProblemError({ code: "CORRUPT_FILE", message: CORRUPT_MESSAGE });
}

/** The parts of a Word package we read ourselves (mammoth reads the rest). */
export interface WordPackage {
  zip: WordZip;
  documentPath: string;
  /** word/document.xml as text: scanned once by body-scan.ts, then parsed by mammoth. */
  documentXml: string;
  /** Where the comments part is (whether or not the package has one). */
  commentsPath: string;
  comments: XmlDocument | null;
  styles: XmlDocument | null;
  numbering: XmlDocument | null;
}

export function openWordPackage(zip: WordZip): WordPackage {
  const documentPath = officeDocumentPath(zip) ?? "word/document.xml";
  const documentXml = readPartText(zip, documentPath);
  if (documentXml === null) {
    throw new ProblemError({ code: "UNSUPPORTED_FORMAT", message: NOT_WORD_MESSAGE });
  }
  const related = relatedParts(zip, documentPath);
  const partPath = (type: string): string => related.get(type) ?? siblingPath(documentPath, `${type}.xml`);
  const commentsPath = partPath("comments");
  return {
    zip,
    documentPath,
    documentXml,
    commentsPath,
    comments: readXmlPart(zip, commentsPath),
    styles: readXmlPart(zip, partPath("styles")),
    numbering: readXmlPart(zip, partPath("numbering")),
  };
}

/** The package as mammoth opens a file (its `file` input: `exists` and `read`), from the parts already inflated. */
export interface MammothFile {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<string | Uint8Array>;
}

/**
 * The package for mammoth, with its main part replaced by `documentXml` (body-scan.ts's copy), so the zip is
 * inflated once (by the guard) and nothing is zipped again. Comments are left out: they are read from comments.xml
 * here. mammoth asks only for XML and relationship parts on our path: pictures would be read as HTML is written,
 * and none is (docx.ts keeps the document tree and gives mammoth an empty one).
 */
export function mammothFile(wordPackage: WordPackage, documentXml: string): MammothFile {
  return {
    exists: (name) => name !== wordPackage.commentsPath && wordPackage.zip.has(name),
    read: async (name, encoding) => {
      if (name === wordPackage.documentPath && encoding) return documentXml;
      const bytes = readPart(wordPackage.zip, name);
      if (!bytes) throw corruptFile();
      return encoding ? new TextDecoder(encoding).decode(bytes) : bytes;
    },
  };
}

/** Reads and parses one part; null when the part is absent; CORRUPT_FILE when it cannot be inflated or parsed. */
function readXmlPart(zip: WordZip, path: string): XmlDocument | null {
  const text = readPartText(zip, path);
  return text === null ? null : parseXml(text);
}

function readPartText(zip: WordZip, path: string): string | null {
  const bytes = readPart(zip, path);
  if (!bytes) return null;
  const text = bytes.toString("utf8");
  // Some producers write a byte-order mark, which the XML parser would reject.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function readPart(zip: WordZip, path: string): Buffer | null {
  try {
    return zip.part(path);
  } catch {
    throw corruptFile();
  }
}

function parseXml(text: string): XmlDocument {
  try {
    // Our own handler: xmldom's default would print parse problems (and document text) to the console.
    const parser = new DOMParser({
      locator: false,
      onError: (level) => {
        if (level !== "warning") throw new Error("malformed XML");
      },
    });
    return parser.parseFromString(text, "application/xml");
  } catch {
    throw corruptFile();
  }
}

/** The main document part named by the package relationships (usually word/document.xml). */
function officeDocumentPath(zip: WordZip): string | null {
  const rels = readRelationships(zip, "_rels/.rels", "");
  for (const [type, target] of rels) if (type === "officeDocument") return target;
  return null;
}

/** The document part's relationships by type ("comments", "styles" ...) -> part path. */
function relatedParts(zip: WordZip, documentPath: string): Map<string, string> {
  const slash = documentPath.lastIndexOf("/");
  const folder = documentPath.slice(0, slash + 1);
  const relsPath = `${folder}_rels/${documentPath.slice(slash + 1)}.rels`;
  return new Map(readRelationships(zip, relsPath, folder));
}

function readRelationships(zip: WordZip, relsPath: string, baseFolder: string): [string, string][] {
  if (!zip.has(relsPath)) return [];
  const xml = readXmlPart(zip, relsPath);
  if (!xml) return [];
  const out: [string, string][] = [];
  const relationships = xml.getElementsByTagNameNS(PACKAGE_RELATIONSHIPS_NAMESPACE, "Relationship");
  for (let i = 0; i < relationships.length; i++) {
    const rel = relationships.item(i);
    if (!rel || rel.getAttribute("TargetMode") === "External") continue;
    const type = (rel.getAttribute("Type") ?? "").split("/").at(-1) ?? "";
    const target = rel.getAttribute("Target");
    if (type && target) out.push([type, resolvePartPath(baseFolder, target)]);
  }
  return out;
}

function resolvePartPath(baseFolder: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : baseFolder + target).split("/");
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === "..") resolved.pop();
    else if (segment !== "." && segment !== "") resolved.push(segment);
  }
  return resolved.join("/");
}

function siblingPath(documentPath: string, name: string): string {
  return documentPath.slice(0, documentPath.lastIndexOf("/") + 1) + name;
}

export function isWordElement(node: XmlNode | null | undefined, localName: string): node is XmlElement {
  return !!node && node.nodeType === ELEMENT_NODE && (node as XmlElement).localName === localName && W_NAMESPACES.has((node as XmlElement).namespaceURI ?? "");
}

/** A w:-namespaced attribute (w:id, w:author, w:val ...), or undefined when absent or empty. */
export function wordAttribute(element: XmlElement, localName: string): string | undefined {
  for (const namespace of W_NAMESPACES) {
    const value = element.getAttributeNS(namespace, localName);
    if (value) return value;
  }
  return undefined;
}

export function wordChild(element: XmlElement, localName: string): XmlElement | undefined {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (isWordElement(child, localName)) return child;
  }
  return undefined;
}

export function wordDescendants(root: XmlDocument | XmlElement, localName: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const namespace of W_NAMESPACES) {
    const list = root.getElementsByTagNameNS(namespace, localName);
    for (let i = 0; i < list.length; i++) {
      const element = list.item(i);
      if (element) out.push(element);
    }
  }
  return out;
}
