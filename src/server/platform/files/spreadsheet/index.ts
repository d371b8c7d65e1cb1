/**
 * Excel (.xlsx) import and export of a list, in three parts any domain can reuse:
 *
 * 1. **A sheet definition** (`defineSpreadsheet`, definition.ts): the sheet's name and its columns,
 *    each with a Chinese header, a kind (text, integer, number, date, boolean 是/否, one choice of
 *    a closed set shown by its label, several choices; choices.ts) and how an exported record
 *    fills it.
 * 2. **The engine**: `writeTemplate` (template.ts: the empty workbook to fill in, with notes,
 *    drop-down lists, text-formatted code and phone columns, an instructions sheet),
 *    `writeSpreadsheet` (export-writer.ts) and `readSpreadsheet` (reader.ts: exceljs's streaming
 *    reader, 100,000 rows in a few seconds, every cell a typed value or a per-cell problem;
 *    cells.ts, headers.ts, zip.ts). Files that are not workbooks, lack the sheet, or have unknown
 *    or missing headers raise `SpreadsheetFileError` (400; problems.ts).
 * 3. **The routes** (`spreadsheetRoutes`, routes.ts): template, import and export under a list's
 *    base path, built from one `SpreadsheetList` (list.ts) per domain. The domain supplies
 *    `prepare` (check every row, add problems, return the records to write) and `write` (one
 *    transaction, one audit row); the import runner applies the mode, counts, reports and audits
 *    imports that write nothing, the export runner audits every export.
 */
export { choicesOf, type SpreadsheetChoice } from './choices.js';
export {
  defineSpreadsheet,
  type SpreadsheetCellInput,
  type SpreadsheetColumn,
  type SpreadsheetDefinition,
  type SpreadsheetValue,
  type SpreadsheetValues,
} from './definition.js';
export { writeSpreadsheet } from './export-writer.js';
export type {
  SpreadsheetAuditEvent,
  SpreadsheetExporter,
  SpreadsheetImportContext,
  SpreadsheetImporter,
  SpreadsheetImportSummary,
  SpreadsheetList,
} from './list.js';
export { SpreadsheetFileError, SpreadsheetProblems } from './problems.js';
export {
  readSpreadsheet,
  type ReadOptions,
  type SpreadsheetReading,
  type SpreadsheetRow,
} from './reader.js';
export { spreadsheetRoutes } from './routes.js';
export { writeTemplate } from './template.js';
