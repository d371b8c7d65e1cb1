// Excel (xlsx) import and export of a list: the routes, the import modes and the import report,
// shared by every list that offers them (organizations, practitioners, volunteers …).
import { z } from 'zod';
import { queryBooleanSchema } from './common.js';

import { spreadsheetImportModes, spreadsheetImportOutcomes } from './spreadsheet-paths.js';

export * from './spreadsheet-paths.js';

export const spreadsheetImportQuerySchema = z.strictObject({
  mode: z.enum(spreadsheetImportModes).default('all_or_nothing'),
  dryRun: queryBooleanSchema
    .optional()
    .describe('true = only check the rows and report; nothing is written whatever the mode'),
});
export type SpreadsheetImportQuery = z.infer<typeof spreadsheetImportQuerySchema>;

/** One problem of one row: the sheet's row number as Excel shows it, and the column's header. */
export const spreadsheetProblemSchema = z.object({
  row: z.number().int().describe('Row number in the sheet (the header is row 1)'),
  column: z.string().nullable().describe('Header of the offending column; null = the whole row'),
  message: z.string(),
});
export type SpreadsheetProblem = z.infer<typeof spreadsheetProblemSchema>;

export const spreadsheetImportResultSchema = z.object({
  outcome: z
    .enum(spreadsheetImportOutcomes)
    .describe(
      'imported: rows were written (all, or the valid ones); rejected: problems and nothing ' +
        'written (all_or_nothing); checked: a dry run',
    ),
  mode: z.enum(spreadsheetImportModes),
  rows: z.number().int().describe('Data rows read (blank rows are skipped and not counted)'),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  imported: z.number().int().describe('Rows written'),
  problems: z.array(spreadsheetProblemSchema).describe('In row order; at most 1,000'),
  problemsTruncated: z.boolean().describe('More problems were found than listed'),
});
export type SpreadsheetImportResult = z.infer<typeof spreadsheetImportResultSchema>;
