// Dates as plans write them (one reader for ingest's title block and for the rules): "3 February 2025", "3rd Feb 2025",
// "Monday 3 June 2024", "June 3, 2024", "February 2025", "03/02/2025", "3/6/24", "3.2.25", "3-6-2024", "2025-02-03". Day-first (UK) order for numeric dates. Returns ISO dates the model and src/rules/dates.ts use.

export interface DateInText {
  /** The date as written. */
  text: string;
  /** ISO "YYYY-MM-DD"; for a month-only date, the first of the month. */
  iso: string;
  /** "month" when the text gives no day. */
  precision: "day" | "month";
  index: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "((?:19|20)\\d{2})";

/** "04" is 2004 and "98" is 1998: plans date births from the 1990s on and reviews up to the 2040s. */
const twoDigitYear = (year: number): number => (year <= 50 ? 2000 + year : 1900 + year);

const PATTERNS: { pattern: RegExp; read: (m: RegExpExecArray) => [number, number, number | null] }[] = [
  // 2025-02-03
  { pattern: /\b((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\b/g, read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  // 3 February 2025, 3rd of Feb. 2025, Monday 3 February 2025, 3-Feb-2025
  { pattern: new RegExp(`\\b${DAY}(?:\\s+of)?[\\s-]+${MONTH},?[\\s-]+${YEAR}\\b`, "gi"), read: (m) => [Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1])] },
  // February 3, 2025
  { pattern: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, "gi"), read: (m) => [Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2])] },
  // 03/02/2025, 3.2.25, 3-2-2025, 03 / 02 / 2025
  { pattern: /\b(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4}|\d{2})\b/g, read: (m) => [m[3]!.length === 2 ? twoDigitYear(Number(m[3])) : Number(m[3]), Number(m[2]), Number(m[1])] },
  // February 2025 (month only)
  { pattern: new RegExp(`\\b${MONTH},?\\s+${YEAR}\\b`, "gi"), read: (m) => [Number(m[2]), MONTHS[m[1]!.toLowerCase()]!, null] },
];

const pad = (n: number): string => String(n).padStart(2, "0");

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first full date in `text` ("12 March 2015", "12th Mar 2015", "12/03/2015", "12.03.15") as "YYYY-MM-DD". */
export function parseUkDate(text: string): string | undefined {
  return findDates(text).find((date) => date.precision === "day")?.iso;
}

/** Every date in `text`, in order; a date inside another (the "February 2025" of "3 February 2025") is found once. */
export function findDates(text: string): DateInText[] {
  const found: DateInText[] = [];
  for (const { pattern, read } of PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((other) => start < other.index + other.text.length && other.index < end)) continue;
      const [year, month, day] = read(match);
      if (!validDate(year, month, day ?? 1)) continue;
      found.push({ text: match[0], iso: `${year}-${pad(month)}-${pad(day ?? 1)}`, precision: day === null ? "month" : "day", index: start });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
