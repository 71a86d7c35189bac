// Plan text goes into regular expressions (names, phrases from a rule set): escape it once, the same way everywhere.
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `word` as a whole word (letters may not touch it on either side), e.g. a child's name in a sentence. */
export const wholeWord = (word: string, flags = "u"): RegExp => new RegExp(`(?<![\\p{L}])${escapeRegExp(word)}(?![\\p{L}])`, flags);
