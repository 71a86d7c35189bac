// Word counting shared by the document model and its summaries.

/**
 * Words in a text: runs of non-space characters holding at least one letter or digit, so the " | " between
 * table cells, dashes and bullets are not counted (a DOCX and a PDF of the same plan lay these out differently).
 */
export function countWords(text: string): number {
  return (text.match(/\S*[\p{L}\p{N}]\S*/gu) ?? []).length;
}
