import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '../../../../contracts/errors.js';
import type { FieldProblem } from '../../errors.js';
import { cellParser, isBlank, plainCell, type CellResult, type RawCell } from './cells.js';
import {
  columnsOf,
  importable,
  type AnyColumn,
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
const DEFAULT_MAX_ROWS = 200_000;
const DEFAULT_MAX_UNCOMPRESSED_BYTES = 512 * 2 ** 20;

type CellParsers = Map<string, (cell: RawCell) => CellResult>;
type CellProblem = [key: string, message: string, params?: Record<string, string | number>];

interface RowCells {
  /** Whether any cell of a known column holds something (blank rows are skipped). */
  filled: boolean;
  values: Record<string, unknown>;
  problems: CellProblem[];
}

function openWorkbook(file: Buffer) {
  return new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
}

function headerFits(match: HeaderMatch): boolean {
  return match.missing.length === 0 && match.unknown.length === 0 && match.duplicate.length === 0;
}

/**
 * A sheet of another name is taken for the data when its header row is clearly an attempt at
 * ours: it then gets the header problems instead of a "sheet missing".
 */
function takesForDataSheet(match: HeaderMatch, named: boolean): boolean {
  return headerFits(match) || named || match.keys.size >= MIN_HEADERS_OF_UNNAMED_SHEET;
}

/** Each cell of a known column as its typed value or its problem. */
function readRowCells(cells: unknown[], header: HeaderMatch, parsers: CellParsers): RowCells {
  const row: RowCells = { filled: false, values: {}, problems: [] };
  for (const [index, key] of header.keys) {
    const raw = plainCell(cells[index]);
    if (isBlank(raw)) continue;
    row.filled = true;
    const parse = parsers.get(key);
    if (!parse) continue;
    if (raw !== null && typeof raw === 'object' && !(raw instanceof Date)) {
      row.problems.push([key, 'spreadsheet.cell.error', { value: raw.error }]);
      continue;
    }
    const result = parse(raw);
    if (result.ok) row.values[key] = result.value;
    else row.problems.push([key, result.message, result.params]);
  }
  return row;
}

/** Required columns left blank (a cell already reported unreadable is not reported again). */
function blankRequiredColumns(columns: AnyColumn[], row: RowCells): string[] {
  return columns
    .filter(
      (column) =>
        column.required &&
        importable(column) &&
        row.values[column.key] === undefined &&
        !row.problems.some(([key]) => key === column.key),
    )
    .map((column) => column.key);
}

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
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  inspectZip(file, options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES);
  const columns = columnsOf(definition as SpreadsheetDefinition);
  const parsers: CellParsers = new Map(columns.map((column) => [column.key, cellParser(column)]));
  const { problems } = options;
  const rows: SpreadsheetRow<SpreadsheetValues<Columns>>[] = [];
  let chosen: string | null = null;
  let headerError: FieldProblem[] | null = null;

  try {
    for await (const worksheet of openWorkbook(file)) {
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
          if (takesForDataSheet(match, named)) {
            header = match;
            chosen = name;
            if (!headerFits(match)) headerError = headerProblems(match, options.locale);
          }
          continue;
        }
        if (headerError) continue;
        const read = readRowCells(cells, header, parsers);
        if (!read.filled) continue;
        if (rows.length >= maxRows) {
          throw new SpreadsheetFileError('spreadsheet.too_many_rows', { max: maxRows });
        }
        for (const [key, message, params] of read.problems) {
          problems.add(row.number, key, message, params);
        }
        for (const key of blankRequiredColumns(columns, read)) {
          problems.add(row.number, key, 'spreadsheet.cell.required');
        }
        rows.push({ row: row.number, values: read.values as SpreadsheetValues<Columns> });
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
