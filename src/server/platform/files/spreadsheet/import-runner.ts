import { createHash } from 'node:crypto';
import type { Locale } from '../../../../contracts/errors.js';
import {
  SPREADSHEET_PROBLEM_LIMIT,
  type SpreadsheetImportMode,
  type SpreadsheetImportResult,
} from '../../../../contracts/spreadsheets.js';
import type { RequestOrigin } from '../../access/actor.js';
import type { SpreadsheetColumn, SpreadsheetDefinition } from './definition.js';
import type {
  SpreadsheetImportContext,
  SpreadsheetImportSummary,
  SpreadsheetList,
} from './list.js';
import { SpreadsheetFileError, SpreadsheetProblems } from './problems.js';
import { readSpreadsheet } from './reader.js';

/** One upload as the import route received it. */
export interface SpreadsheetImportRequest {
  body: unknown;
  origin: RequestOrigin;
  locale: Locale;
  mode: SpreadsheetImportMode;
  dryRun: boolean;
}

function uploadedWorkbook(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new SpreadsheetFileError('spreadsheet.not_xlsx');
  }
  return body;
}

/** all_or_nothing refuses the file for any problem; valid_rows only when no row is left. */
function writesNothing(
  mode: SpreadsheetImportMode,
  problems: SpreadsheetProblems,
  validRows: number,
): boolean {
  return (mode === 'all_or_nothing' && problems.size > 0) || validRows === 0;
}

/** Nothing is written, yet the attempt stays on the trail (the file by its hash). */
function auditImportWritingNothing(
  list: Pick<SpreadsheetList, 'audit' | 'auditEntity'>,
  context: SpreadsheetImportContext,
  summary: SpreadsheetImportSummary,
): Promise<void> {
  return list.audit({
    origin: context.origin,
    action: `${list.auditEntity}.import`,
    objectType: list.auditEntity,
    outcome: 'failure',
    detail: {
      mode: context.mode,
      rows: summary.rows,
      invalidRows: summary.invalidRows,
      imported: 0,
      sha256: context.file.sha256,
    },
  });
}

/**
 * Reads one uploaded workbook, lets the domain check every row and, unless only checking or
 * refused by the mode, write the valid ones; answers the per-row report.
 */
export async function runImport<
  Columns extends readonly SpreadsheetColumn<string, never>[],
  Prepared,
  Filters,
  Item,
>(
  list: SpreadsheetList<Columns, Prepared, Filters, Item>,
  request: SpreadsheetImportRequest,
): Promise<SpreadsheetImportResult> {
  const file = uploadedWorkbook(request.body);
  const { locale, mode } = request;
  const context: SpreadsheetImportContext = {
    origin: request.origin,
    locale,
    mode,
    file: { sha256: createHash('sha256').update(file).digest('hex'), bytes: file.length },
  };
  const problems = new SpreadsheetProblems(list.definition as SpreadsheetDefinition, locale);
  const reading = await readSpreadsheet(list.definition, file, {
    locale,
    problems,
    ...(list.maxRows ? { maxRows: list.maxRows } : {}),
  });
  const prepared = await list.importer.prepare(reading.rows, problems, context);
  const valid = prepared.filter((entry) => !problems.has(entry.row));
  const summary = { rows: reading.rows.length, invalidRows: problems.rowCount };
  const report = (
    outcome: SpreadsheetImportResult['outcome'],
    imported: number,
  ): SpreadsheetImportResult => ({
    outcome,
    mode,
    rows: summary.rows,
    validRows: valid.length,
    invalidRows: summary.invalidRows,
    imported,
    problems: problems.sorted(),
    problemsTruncated: problems.size > SPREADSHEET_PROBLEM_LIMIT,
  });
  if (request.dryRun) return report('checked', 0);
  if (writesNothing(mode, problems, valid.length)) {
    await auditImportWritingNothing(list, context, summary);
    return report(mode === 'all_or_nothing' ? 'rejected' : 'imported', 0);
  }
  const imported = await list.importer.write(
    valid.map((entry) => entry.record),
    context,
    summary,
  );
  return report('imported', imported);
}
