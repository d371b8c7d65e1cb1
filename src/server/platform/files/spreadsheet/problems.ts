import type { z } from 'zod';
import type { Locale } from '../../../../contracts/errors.js';
import {
  SPREADSHEET_PROBLEM_LIMIT,
  type SpreadsheetProblem,
} from '../../../../contracts/spreadsheets.js';
import { AppError, type FieldProblem } from '../../errors.js';
import { translate } from '../../http/messages.js';
import { fieldErrorsFromIssues } from '../../http/validation.js';
import { columnsOf, type SpreadsheetDefinition } from './definition.js';

/** The whole file cannot be imported (not a workbook, no such sheet, bad headers): 400. */
export class SpreadsheetFileError extends AppError {
  constructor(
    messageKey: string,
    params: Record<string, string | number> = {},
    fields?: FieldProblem[],
  ) {
    super('validation_failed', messageKey, params, fields);
  }
}

/**
 * A message with its placeholders filled as given: the values are what people typed, so unlike
 * `translate` they are never looked up as entity names.
 */
export function literalMessage(
  locale: Locale,
  key: string,
  params: Record<string, string | number>,
): string {
  return translate(locale, key).replace(/\{(\w+)\}/g, (match, name: string) =>
    params[name] === undefined ? match : String(params[name]),
  );
}

/**
 * The problems found in the rows of one import, in the reader's language, by sheet row and
 * column header. The engine adds the cell problems; a domain's `prepare` adds its rules.
 */
export class SpreadsheetProblems {
  private readonly list: SpreadsheetProblem[] = [];
  private readonly rows = new Set<number>();
  private readonly cells = new Set<string>();
  private readonly headers: Map<string, string>;

  constructor(
    definition: SpreadsheetDefinition,
    readonly locale: Locale,
  ) {
    this.headers = new Map(columnsOf(definition).map((column) => [column.key, column.header]));
  }

  /** A problem of `row` in the column `key` (null = the row as a whole); `message` is a message key. */
  add(
    row: number,
    key: string | null,
    message: string,
    params: Record<string, string | number> = {},
  ) {
    this.rows.add(row);
    if (key !== null) this.cells.add(`${row}:${key}`);
    this.list.push({
      row,
      column: key === null ? null : (this.headers.get(key) ?? key),
      message: literalMessage(this.locale, message, params),
    });
  }

  /**
   * zod issues of one row's record; `columnOf` names the column of a field path's first part
   * (defaults to the field itself, when fields and column keys agree).
   */
  addIssues(
    row: number,
    issues: z.core.$ZodIssue[],
    columnOf: (field: string) => string | null = (f) => f,
  ) {
    for (const error of fieldErrorsFromIssues(issues, this.locale, '')) {
      const field = error.field.split('.')[0] ?? '';
      const key = columnOf(field);
      // A cell that already has a problem (e.g. an unknown label) is not reported twice.
      if (key !== null && this.cells.has(`${row}:${key}`)) continue;
      this.rows.add(row);
      if (key !== null) this.cells.add(`${row}:${key}`);
      this.list.push({
        row,
        column: key === null ? null : (this.headers.get(key) ?? key),
        message: error.message,
      });
    }
  }

  has(row: number): boolean {
    return this.rows.has(row);
  }

  /** Whether the cell of `row` in the column `key` already has a problem. */
  hasCell(row: number, key: string): boolean {
    return this.cells.has(`${row}:${key}`);
  }

  /** How many rows have at least one problem. */
  get rowCount(): number {
    return this.rows.size;
  }

  get size(): number {
    return this.list.length;
  }

  /** The problems in row order (then as found), at most `limit`. */
  sorted(limit = SPREADSHEET_PROBLEM_LIMIT): SpreadsheetProblem[] {
    return this.list
      .map((problem, index) => ({ problem, index }))
      .sort((a, b) => a.problem.row - b.problem.row || a.index - b.index)
      .slice(0, limit)
      .map(({ problem }) => problem);
  }
}
