// The sample renderer: spec -> DOCX / text / manifest entry, and the LibreOffice and pdftotext steps.
export { renderDocx, type DocxRenderOptions } from "./docx.ts";
export { renderText } from "./text.ts";
export { manifestEntry, blockExpectations, bodyWordCount, specHash, specTexts, type ManifestEntry, type ManifestExpectation } from "./manifest.ts";
export { specProblems, unmarkedProvisionStatements } from "./validate.ts";
export { placeBlocks, sectionHeading, sectionsInOrder, templateOf, tocEntries } from "./layout.ts";
export { parseMarkup, plainText, countWords } from "./markup.ts";
export { convertToPdf, pdfPages, headingPages, stabilisePdf } from "./pdf.ts";
