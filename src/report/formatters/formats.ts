// The names of the report formats, apart from the formatters themselves: the command line's help lists them
// without loading any formatter.
export const REPORT_FORMATS = ["json", "text", "markdown", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const isReportFormat = (value: string): value is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(value);
