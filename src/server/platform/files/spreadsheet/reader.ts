import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '../../../../contracts/errors.js';
import type { FieldProblem } from '../../errors.js';
import { cellParser, isBlank, plainCell } from './cells.js';
import {
  columnsOf,
  importable,
  type SpreadsheetColumn,
  type SpreadsheetDefinition,
  type SpreadsheetValues,
} from './definition.js';
import { headerProblems, matchHeader, type HeaderMatch } from './headers.js';
import { SpreadsheetFileError, type SpreadsheetProblems } from './problems.js';
import { inspectZip } from './zip.js';

export interface SpreadsheetRow<Values> {
  /** The sheet's row number, as Excel shows it. */
  row: number;
  values: Values;
}

export interface SpreadsheetReading<Values> {
  /** The non-blank data rows, in sheet order; cells with problems are left out of `values`. */
  rows: SpreadsheetRow<Values>[];
  /** The name of the sheet read. */
  sheetName: string;
}

export interface ReadOptions {
  locale: Locale;
  /** Cell problems are added here. */
  problems: SpreadsheetProblems;
  /** More data rows than this: the file is refused (default 200,000). */
  maxRows?: number;
  /** Declared uncompressed size above this: refused before unzipping (default 512 MiB). */
  maxUncompressedBytes?: number;
}

/** Rows of the sheet searched for the header (a title row above it is tolerated). */
const HEADER_SEARCH_ROWS = 10;
/** Known headers a sheet of another name needs in one row to be taken for the data sheet. */
const MIN_HEADERS_OF_UNNAMED_SHEET = 2;

/**
 * Reads the data sheet of a filled workbook: the sheet named like the definition's, or else the
 * first whose header row fits. Blank rows are skipped; each cell becomes its column's typed value,
 * or a problem in `options.problems`. Throws {@link SpreadsheetFileError} when the file as a whole
 * cannot be read.
 */
export async function readSpreadsheet<Columns extends readonly SpreadsheetColumn<string, never>[]>(
  definition: SpreadsheetDefinition<Columns>,
  file: Buffer,
  options: ReadOptions,
): Promise<SpreadsheetReading<SpreadsheetValues<Columns>>> {
  const maxRows = options.maxRows ?? 200_000;
  inspectZip(file, options.maxUncompressedBytes ?? 512 * 2 ** 20);
  const columns = columnsOf(definition as SpreadsheetDefinition);
  const parsers = new Map(
    columns.map((column) => [column.key, { column, parse: cellParser(column) }]),
  );
  const { problems } = options;
  const rows: SpreadsheetRow<SpreadsheetValues<Columns>>[] = [];
  let chosen: string | null = null;
  let headerError: FieldProblem[] | null = null;

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });

  try {
    for await (const worksheet of reader) {
      const name = String((worksheet as unknown as { name?: string }).name ?? '');
      const named = name.trim() === definition.sheetName;
      let header: HeaderMatch | null = null;
      let searched = 0;
      for await (const row of worksheet) {
        if (chosen !== null && chosen !== name) continue; // drain the sheets after the data sheet
        const cells = (row.values as unknown[]) ?? [];
        if (!header) {
          searched += 1;
          if (searched > HEADER_SEARCH_ROWS) continue;
          const match = matchHeader(cells, columns);
          if (match.keys.size === 0) continue; // a title row, or not this sheet's header yet
          const fits =
            match.missing.length === 0 &&
            match.unknown.length === 0 &&
            match.duplicate.length === 0;
          // Another sheet is taken for the data when its header row is clearly an attempt at
          // ours: it then gets the header problems instead of a "sheet missing".
          if (fits || named || match.keys.size >= MIN_HEADERS_OF_UNNAMED_SHEET) {
            header = match;
            chosen = name;
            if (!fits) headerError = headerProblems(match, options.locale);
          }
          continue;
        }
        if (headerError) continue;
        const values: Record<string, unknown> = {};
        let filled = false;
        const cellProblems: Array<[string, string, Record<string, string | number>?]> = [];
        for (const [index, key] of header.keys) {
          const raw = plainCell(cells[index]);
          if (isBlank(raw)) continue;
          filled = true;
          const parser = parsers.get(key);
          if (!parser) continue;
          if (raw !== null && typeof raw === 'object' && !(raw instanceof Date)) {
            cellProblems.push([key, 'spreadsheet.cell.error', { value: raw.error }]);
            continue;
          }
          const result = parser.parse(raw);
          if (result.ok) values[key] = result.value;
          else cellProblems.push([key, result.message, result.params]);
        }
        if (!filled) continue;
        if (rows.length >= maxRows) {
          throw new SpreadsheetFileError('spreadsheet.too_many_rows', { max: maxRows });
        }
        for (const [key, message, params] of cellProblems)
          problems.add(row.number, key, message, params);
        for (const column of columns) {
          if (
            column.required &&
            importable(column) &&
            values[column.key] === undefined &&
            !cellProblems.some(([key]) => key === column.key)
          ) {
            problems.add(row.number, column.key, 'spreadsheet.cell.required');
          }
        }
        rows.push({ row: row.number, values: values as SpreadsheetValues<Columns> });
      }
      if (named && !header && chosen === null) {
        // The sheet has the right name but no header row that fits even partly.
        headerError = headerProblems(matchHeader([], columns), options.locale);
        chosen = name;
      }
    }
  } catch (error) {
    if (error instanceof SpreadsheetFileError) throw error;
    throw new SpreadsheetFileError('spreadsheet.not_xlsx');
  }
  if (chosen === null)
    throw new SpreadsheetFileError('spreadsheet.sheet_missing', { sheet: definition.sheetName });
  if (headerError)
    throw new SpreadsheetFileError('spreadsheet.header.invalid', { sheet: chosen }, headerError);
  if (rows.length === 0) throw new SpreadsheetFileError('spreadsheet.empty', { sheet: chosen });
  return { rows, sheetName: chosen };
}
