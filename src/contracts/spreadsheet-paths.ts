// The zod-free part of the spreadsheet contract (see spreadsheets.ts): the web apps import these
// at run time without pulling the validation library into their bundles.

/** The media type of an .xlsx workbook: import bodies are sent with it, exports answer with it. */
export const spreadsheetMediaType =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The three routes of a list at `basePath` (e.g. `/api/organizations`):
 * - `GET  {basePath}/import/template` — the empty workbook to fill in, Chinese headers;
 * - `POST {basePath}/import?mode=…&dryRun=…` — the filled workbook as the raw body
 *   (Content-Type {@link spreadsheetMediaType}); answers a `SpreadsheetImportResult`;
 * - `GET  {basePath}/export?<the list's filters>` — every matching record as a workbook.
 */
export function spreadsheetPaths(basePath: string) {
  return {
    template: `${basePath}/import/template`,
    import: `${basePath}/import`,
    export: `${basePath}/export`,
  } as const;
}

/**
 * `all_or_nothing` (default): if any row has a problem nothing is written and the report lists
 * every problem. `valid_rows`: the rows without problems are written, the others skipped and
 * reported.
 */
export const spreadsheetImportModes = ['all_or_nothing', 'valid_rows'] as const;
export type SpreadsheetImportMode = (typeof spreadsheetImportModes)[number];

export const spreadsheetImportOutcomes = ['imported', 'rejected', 'checked'] as const;
export type SpreadsheetImportOutcome = (typeof spreadsheetImportOutcomes)[number];

/** At most this many problems are listed in a report; the counts still cover every row. */
export const SPREADSHEET_PROBLEM_LIMIT = 1_000;
