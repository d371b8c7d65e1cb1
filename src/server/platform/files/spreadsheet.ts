/**
 * Excel (.xlsx) import and export of a list, in three parts any domain can reuse:
 *
 * 1. **A sheet definition** ({@link defineSpreadsheet}): the sheet's name and its columns, each
 *    with a Chinese header, a kind (text, integer, number, date, boolean 是/否, one choice of a
 *    closed set shown by its label, several choices) and how an exported record fills it.
 * 2. **The engine**: {@link writeTemplate} (the empty workbook to fill in: headers with notes,
 *    drop-down lists, text-formatted code and phone columns, an instructions sheet),
 *    {@link writeSpreadsheet} (an export) and {@link readSpreadsheet} (reads a filled workbook
 *    with exceljs's streaming reader, 100,000 rows in a few seconds, and turns every cell into a
 *    typed value or a per-cell problem). Files that are not workbooks, lack the sheet, or have
 *    unknown or missing headers raise {@link SpreadsheetFileError} (400).
 * 3. **The routes** ({@link registerSpreadsheetRoutes}): template, import and export under a
 *    list's base path (see `spreadsheetPaths` in contracts/spreadsheets.ts). The domain supplies
 *    `prepare` (check every row, add problems, return the records to write) and `write` (one
 *    transaction, one audit row); the registrar applies the import mode, counts, reports and
 *    audits rejected imports and every export.
 */
import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Locale } from '../../../contracts/errors.js';
import type { Permission } from '../../../contracts/permissions.js';
import {
  SPREADSHEET_PROBLEM_LIMIT,
  spreadsheetImportQuerySchema,
  spreadsheetImportResultSchema,
  spreadsheetMediaType,
  spreadsheetPaths,
  type SpreadsheetImportMode,
  type SpreadsheetImportResult,
  type SpreadsheetProblem,
} from '../../../contracts/spreadsheets.js';
import type { RequestOrigin } from '../access/actor.js';
import { AppError, type FieldProblem } from '../errors.js';
import { localeFromHeader } from '../http/locale.js';
import { translate } from '../http/messages.js';
import { errorResponses } from '../http/responses.js';
import { fieldErrorsFromIssues } from '../http/validation.js';

// ---------------------------------------------------------------------------------------------
// Definitions

/** One value of a closed set: what is stored, and the label people read and write in the sheet. */
export interface SpreadsheetChoice<Value extends string = string> {
  value: Value;
  label: string;
  /** Other spellings accepted on import (the stored value itself is always accepted). */
  aliases?: readonly string[];
}

/** What an export hands a column for one record; the engine formats it by the column's kind. */
export type SpreadsheetCellInput = string | number | boolean | Date | null | undefined | string[];

interface ColumnBase<Key extends string, Item> {
  /** Stable identifier; parsed values are keyed by it. */
  key: Key;
  /** The Chinese header, exactly as the template writes it. */
  header: string;
  /** Other headers accepted on import (an English one, an older wording). */
  aliases?: readonly string[];
  /** The cell must be filled; the header must be present. */
  required?: boolean;
  /** Format hint: the header's note in the template and a line of the instructions sheet. */
  note?: string;
  /** An example value for the instructions sheet. */
  example?: string;
  /** Column width in characters. */
  width?: number;
  /** false = export only (e.g. a division's name beside its code); ignored on import. */
  importable?: boolean;
  /** The cell of one exported record; leave out for template-only columns. */
  value?: (record: Item) => SpreadsheetCellInput;
}

export type SpreadsheetColumn<Key extends string = string, Item = never> =
  | (ColumnBase<Key, Item> & { kind: 'text' })
  | (ColumnBase<Key, Item> & { kind: 'integer' })
  | (ColumnBase<Key, Item> & { kind: 'number' })
  | (ColumnBase<Key, Item> & { kind: 'date' })
  | (ColumnBase<Key, Item> & { kind: 'boolean' })
  | (ColumnBase<Key, Item> & { kind: 'choice'; choices: readonly SpreadsheetChoice[] })
  | (ColumnBase<Key, Item> & { kind: 'choices'; choices: readonly SpreadsheetChoice[] });

type ChoiceValue<C> = C extends { choices: readonly SpreadsheetChoice<infer V>[] } ? V : string;

/** The parsed value of a column: text and dates as strings (dates `YYYY-MM-DD`), etc. */
export type SpreadsheetValue<C> = C extends { kind: 'text' | 'date' }
  ? string
  : C extends { kind: 'integer' | 'number' }
    ? number
    : C extends { kind: 'boolean' }
      ? boolean
      : C extends { kind: 'choice' }
        ? ChoiceValue<C>
        : C extends { kind: 'choices' }
          ? ChoiceValue<C>[]
          : never;

/**
 * One row's values by column key (export-only columns left out); a blank cell, or a cell with a
 * problem, is absent.
 */
export type SpreadsheetValues<Columns extends readonly SpreadsheetColumn<string, never>[]> = {
  [
    C in Columns[number] as C extends { importable: false } ? never : C['key']
  ]?: SpreadsheetValue<C>;
};

export interface SpreadsheetDefinition<
  Columns extends readonly SpreadsheetColumn<string, never>[] = readonly SpreadsheetColumn<
    string,
    never
  >[],
> {
  /** The data sheet's name, e.g. 机构; also accepted: any sheet whose header row fits. */
  sheetName: string;
  columns: Columns;
  /** Lines at the top of the template's instructions sheet (说明). */
  instructions?: readonly string[];
}

/**
 * Declares a sheet. `Item` is what an export receives per row (the domain's list item):
 * `defineSpreadsheet<Organization>()({ sheetName, columns: [...] })`. The column keys and kinds
 * are kept literally, so {@link SpreadsheetValues} types every parsed value.
 */
export function defineSpreadsheet<Item>() {
  return <const Columns extends readonly SpreadsheetColumn<string, Item>[]>(definition: {
    sheetName: string;
    columns: Columns;
    instructions?: readonly string[];
  }): SpreadsheetDefinition<Columns> => definition as unknown as SpreadsheetDefinition<Columns>;
}

/** Choices from a list of values and a label for each (e.g. the contract's enum and its labels). */
export function choicesOf<Value extends string>(
  values: readonly Value[],
  labels: { [K in Value]: string },
  aliases: Partial<{ [K in Value]: readonly string[] }> = {},
): SpreadsheetChoice<Value>[] {
  return values.map((value) => ({
    value,
    label: labels[value],
    ...(aliases[value] ? { aliases: aliases[value] } : {}),
  }));
}

type AnyColumn = SpreadsheetColumn<string, unknown>;

function columnsOf(definition: SpreadsheetDefinition): AnyColumn[] {
  return definition.columns as unknown as AnyColumn[];
}

const importable = (column: AnyColumn) => column.importable !== false;

// ---------------------------------------------------------------------------------------------
// Errors and problems

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
function literalMessage(
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

// ---------------------------------------------------------------------------------------------
// Cell values

const BOOLEAN_TRUE = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓', 't']);
const BOOLEAN_FALSE = new Set(['否', '无', 'n', 'no', 'false', '0', '×', '✗', 'f']);
export const BOOLEAN_LABELS = { true: '是', false: '否' } as const;

/** Separators between several choices in one cell: 、 , ， ; ； / | and line breaks. */
const MULTIPLE_SEPARATOR = /[、,，;；/|\n\r]+/;
/** How several choices are written in an export. */
const MULTIPLE_JOINER = '、';

/** Full-width digits, letters, colons and spaces become ASCII; for parsing, never for stored text. */
function normalized(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

function choiceKey(text: string): string {
  return normalized(text).replace(/\s/g, '').toLowerCase();
}

type RawCell = string | number | boolean | Date | null;

/** The plain value of an exceljs cell: rich text joined, formulas by their result, links by text. */
function plainCell(value: unknown): RawCell | { error: string } {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const cell = value as {
      richText?: Array<{ text?: string }>;
      text?: unknown;
      result?: unknown;
      formula?: unknown;
      sharedFormula?: unknown;
      error?: unknown;
    };
    if (Array.isArray(cell.richText)) return cell.richText.map((run) => run.text ?? '').join('');
    if ('formula' in cell || 'sharedFormula' in cell) return plainCell(cell.result);
    if (typeof cell.error === 'string') return { error: cell.error };
    if ('text' in cell) return plainCell(cell.text);
  }
  return String(value);
}

/** A number as text without exponent or float noise (a code or phone typed into a General cell). */
function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(Number(value.toPrecision(15)));
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Excel's day serial (1900 system, with its phantom 29 Feb 1900) as a calendar date. */
function excelSerialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2_958_465) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/;

function parseDate(cell: RawCell): string | null {
  // Excel dates carry no zone: exceljs reads them as UTC midnight (plus any time of day).
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    return isoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') {
    if (cell >= 1000_01_01 && cell <= 9999_12_31 && Number.isInteger(cell)) {
      return isoDate(Math.floor(cell / 10_000), Math.floor(cell / 100) % 100, cell % 100);
    }
    return excelSerialDate(cell);
  }
  if (typeof cell !== 'string') return null;
  const text = normalized(cell);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return isoDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const match = DATE_TEXT.exec(text);
  return match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

function parseNumber(cell: RawCell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  const text = normalized(cell).replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function parseText(cell: RawCell): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return numberText(cell);
  if (typeof cell === 'boolean') return cell ? BOOLEAN_LABELS.true : BOOLEAN_LABELS.false;
  if (cell instanceof Date) return parseDate(cell) ?? '';
  return '';
}

function isBlank(cell: RawCell | { error: string }): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

interface ChoiceIndex {
  /** Spellings exactly as written (the common case, no normalizing needed). */
  exact: Map<string, string>;
  byKey: Map<string, string>;
  labels: string;
}

function lookUpChoice(index: ChoiceIndex, text: string): string | undefined {
  return index.exact.get(text) ?? index.byKey.get(choiceKey(text));
}

function choiceIndex(choices: readonly SpreadsheetChoice[]): ChoiceIndex {
  const exact = new Map<string, string>();
  const byKey = new Map<string, string>();
  for (const choice of choices) {
    for (const spelling of [choice.value, choice.label, ...(choice.aliases ?? [])]) {
      exact.set(spelling, choice.value);
      byKey.set(choiceKey(spelling), choice.value);
    }
  }
  return { exact, byKey, labels: choices.map((choice) => choice.label).join('、') };
}

type CellResult =
  | { ok: true; value: unknown }
  | { ok: false; message: string; params?: Record<string, string | number> };

/** A reusable reader of one column's cells. */
function cellParser(column: AnyColumn): (cell: RawCell) => CellResult {
  switch (column.kind) {
    case 'text':
      return (cell) => ({ ok: true, value: parseText(cell) });
    case 'integer':
      return (cell) => {
        const value = parseNumber(cell);
        if (value === null) return { ok: false, message: 'spreadsheet.cell.integer' };
        if (!Number.isSafeInteger(value)) return { ok: false, message: 'spreadsheet.cell.integer' };
        return { ok: true, value };
      };
    case 'number':
      return (cell) => {
        const value = parseNumber(cell);
        return value === null
          ? { ok: false, message: 'spreadsheet.cell.number' }
          : { ok: true, value };
      };
    case 'date':
      return (cell) => {
        const value = parseDate(cell);
        return value === null
          ? { ok: false, message: 'spreadsheet.cell.date' }
          : { ok: true, value };
      };
    case 'boolean':
      return (cell) => {
        if (typeof cell === 'boolean') return { ok: true, value: cell };
        if (cell === BOOLEAN_LABELS.true) return { ok: true, value: true };
        if (cell === BOOLEAN_LABELS.false) return { ok: true, value: false };
        const key = choiceKey(parseText(cell));
        if (BOOLEAN_TRUE.has(key)) return { ok: true, value: true };
        if (BOOLEAN_FALSE.has(key)) return { ok: true, value: false };
        return { ok: false, message: 'spreadsheet.cell.boolean' };
      };
    case 'choice': {
      const index = choiceIndex(column.choices);
      return (cell) => {
        const text = parseText(cell);
        const value = lookUpChoice(index, text);
        if (value !== undefined) return { ok: true, value };
        return {
          ok: false,
          message: 'spreadsheet.cell.choice',
          params: { value: text, choices: index.labels },
        };
      };
    }
    case 'choices': {
      const index = choiceIndex(column.choices);
      return (cell) => {
        const text = parseText(cell);
        const whole = lookUpChoice(index, text);
        const parts = whole !== undefined ? [text] : text.split(MULTIPLE_SEPARATOR);
        const values: string[] = [];
        for (const part of parts.map((item) => item.trim()).filter(Boolean)) {
          const value = lookUpChoice(index, part);
          if (value === undefined) {
            return {
              ok: false,
              message: 'spreadsheet.cell.choice',
              params: { value: part, choices: index.labels },
            };
          }
          if (!values.includes(value)) values.push(value);
        }
        return { ok: true, value: values };
      };
    }
  }
}

/** The cell an export writes for a value of this column's kind. */
function exportCell(
  column: AnyColumn,
  value: SpreadsheetCellInput,
): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? BOOLEAN_LABELS[value ? 'true' : 'false'] : String(value);
    case 'choice': {
      const label = column.choices.find((choice) => choice.value === value)?.label;
      return label ?? String(value);
    }
    case 'choices': {
      const list = Array.isArray(value) ? value : [String(value)];
      return list
        .map((item) => column.choices.find((choice) => choice.value === item)?.label ?? item)
        .join(MULTIPLE_JOINER);
    }
    case 'date': {
      if (value instanceof Date) return value;
      const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
      return match
        ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
        : String(value);
    }
    case 'integer':
    case 'number':
      return typeof value === 'number' ? value : String(value);
    case 'text':
      if (Array.isArray(value)) return value.join(MULTIPLE_JOINER);
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      return typeof value === 'string' ? value : String(value);
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;
const TEXT_FORMAT = '@';
const DATE_FORMAT = 'yyyy-mm-dd';
/** Rows of the template that get drop-down lists and the text format. */
const TEMPLATE_ROWS = 5_000;

interface DataValidationList {
  add(range: string, validation: ExcelJS.DataValidation): void;
}
const OPTIONS_SHEET = '选项';
const INSTRUCTIONS_SHEET = '说明';

async function workbookBuffer(
  build: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void> | void,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = 'Farun 法润';
  await build(workbook);
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

function columnNote(column: AnyColumn): string {
  const lines: string[] = [];
  lines.push(column.required ? '必填' : '选填');
  if (column.note) lines.push(column.note);
  if (column.kind === 'boolean') lines.push('填“是”或“否”');
  if (column.kind === 'date') lines.push('日期，如 2024-05-01');
  if (column.kind === 'choice')
    lines.push(`可选：${column.choices.map((c) => c.label).join('、')}`);
  if (column.kind === 'choices') {
    lines.push(`可多选，用“、”分隔：${column.choices.map((c) => c.label).join('、')}`);
  }
  return lines.join('\n');
}

/** Widths, and with `formats` the number format of the empty cells people will type into. */
function sheetColumns(columns: AnyColumn[], formats: boolean): Partial<ExcelJS.Column>[] {
  return columns.map((column) => ({
    key: column.key,
    width: column.width ?? Math.max(10, column.header.length * 2 + 4),
    ...(formats && column.kind === 'text' ? { style: { numFmt: TEXT_FORMAT } } : {}),
    ...(formats && column.kind === 'date' ? { style: { numFmt: DATE_FORMAT } } : {}),
  }));
}

function writeHeader(sheet: ExcelJS.Worksheet, columns: AnyColumn[], withNotes: boolean) {
  const row = sheet.addRow(columns.map((column) => column.header));
  row.font = { bold: true };
  row.alignment = { vertical: 'middle' };
  columns.forEach((column, index) => {
    const cell = row.getCell(index + 1);
    cell.fill = HEADER_FILL;
    cell.numFmt = 'General';
    if (column.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    if (withNotes) cell.note = columnNote(column);
  });
  row.commit();
}

function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/**
 * The empty workbook to fill in: the data sheet with the importable columns (required headers in
 * red, a note on each), drop-down lists for choices and 是/否, text format for text columns (so
 * Excel keeps leading zeros and long codes), and an instructions sheet (说明).
 */
export async function writeTemplate(definition: SpreadsheetDefinition): Promise<Buffer> {
  const columns = columnsOf(definition).filter(importable);
  return workbookBuffer((workbook) => {
    const sheet = workbook.addWorksheet(definition.sheetName, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = sheetColumns(columns, true);
    writeHeader(sheet, columns, true);
    // exceljs's types leave out the worksheet's data validations, which its writers support.
    const validations = (sheet as unknown as { dataValidations: DataValidationList })
      .dataValidations;

    // Lists live on a hidden sheet: a list typed into the validation is limited to 255 characters.
    const options = workbook.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });
    const lists: string[][] = [];
    columns.forEach((column, index) => {
      const letter = columnLetter(index);
      const range = `${letter}2:${letter}${TEMPLATE_ROWS + 1}`;
      if (column.kind === 'choice' || column.kind === 'boolean') {
        const labels =
          column.kind === 'choice'
            ? column.choices.map((choice) => choice.label)
            : [BOOLEAN_LABELS.true, BOOLEAN_LABELS.false];
        lists.push(labels);
        const listColumn = columnLetter(lists.length - 1);
        validations.add(range, {
          type: 'list',
          allowBlank: true,
          showErrorMessage: true,
          errorStyle: 'warning',
          error: `请从下拉列表中选择（${column.header}）`,
          formulae: [`'${OPTIONS_SHEET}'!$${listColumn}$1:$${listColumn}$${labels.length}`],
        });
      } else if (column.kind === 'date') {
        validations.add(range, {
          type: 'date',
          operator: 'greaterThan',
          allowBlank: true,
          showErrorMessage: true,
          errorStyle: 'warning',
          error: '请填写日期，如 2024-05-01',
          formulae: [new Date(Date.UTC(1900, 0, 1))],
        });
      }
    });
    const longest = Math.max(0, ...lists.map((list) => list.length));
    for (let index = 0; index < longest; index += 1) {
      options.addRow(lists.map((list) => list[index] ?? null)).commit();
    }
    options.commit();
    sheet.commit();

    const instructions = workbook.addWorksheet(INSTRUCTIONS_SHEET);
    instructions.columns = [{ width: 22 }, { width: 8 }, { width: 70 }, { width: 30 }];
    for (const line of definition.instructions ?? []) instructions.addRow([line]).commit();
    instructions
      .addRow([
        `在“${definition.sheetName}”工作表中从第 2 行起每行填写一条；空行会被跳过。请勿修改表头。`,
      ])
      .commit();
    instructions.addRow([]).commit();
    const head = instructions.addRow(['列名', '必填', '填写说明', '示例']);
    head.font = { bold: true };
    head.commit();
    for (const column of columns) {
      instructions
        .addRow([
          column.header,
          column.required ? '是' : '否',
          columnNote(column).split('\n').slice(1).join('；'),
          column.example ?? '',
        ])
        .commit();
    }
    instructions.commit();
  });
}

/**
 * An export: every column (export-only ones too), one row per record, values formatted by kind
 * (labels for choices, 是/否, real Excel dates). Streams rows, so 100,000 records stay cheap.
 */
export async function writeSpreadsheet<Item>(
  definition: SpreadsheetDefinition<readonly SpreadsheetColumn<string, Item>[]>,
  records: Iterable<Item>,
): Promise<Buffer> {
  const columns = columnsOf(definition as SpreadsheetDefinition);
  return workbookBuffer((workbook) => {
    const sheet = workbook.addWorksheet(definition.sheetName, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = sheetColumns(columns, false);
    writeHeader(sheet, columns, false);
    // One style object per column, shared by its cells: exceljs recognises a style object it has
    // seen, but works a new one out from scratch (a third of the export's time on 100,000 rows).
    const styles = columns.map((column) => cellStyles[column.kind]);
    for (const record of records) {
      const values = columns.map((column) =>
        exportCell(column, column.value ? column.value(record) : null),
      );
      const row = sheet.addRow(values);
      values.forEach((value, index) => {
        if (value !== null) row.getCell(index + 1).style = styles[index] as Partial<ExcelJS.Style>;
      });
      row.commit();
    }
    sheet.commit();
  });
}

const cellStyles: Record<AnyColumn['kind'], Partial<ExcelJS.Style>> = {
  text: { numFmt: TEXT_FORMAT },
  date: { numFmt: DATE_FORMAT },
  integer: {},
  number: {},
  boolean: {},
  choice: {},
  choices: {},
};

// ---------------------------------------------------------------------------------------------
// Reading

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

const ZIP_END_SIGNATURE = 0x06054b50;
const ZIP_ENTRY_SIGNATURE = 0x02014b50;
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Checks the zip's central directory before any unzipping: a workbook has `xl/workbook.xml`, and
 * its declared uncompressed size must be sane (a zip bomb is refused here, cheaply).
 */
function inspectZip(file: Buffer, maxUncompressedBytes: number): void {
  if (file.subarray(0, 8).equals(OLE_SIGNATURE))
    throw new SpreadsheetFileError('spreadsheet.legacy_xls');
  if (file.length < 22 || file.readUInt32LE(0) !== 0x04034b50) {
    throw new SpreadsheetFileError('spreadsheet.not_xlsx');
  }
  let end = -1;
  for (let offset = file.length - 22; offset >= Math.max(0, file.length - 65_557); offset -= 1) {
    if (file.readUInt32LE(offset) === ZIP_END_SIGNATURE) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw new SpreadsheetFileError('spreadsheet.not_xlsx');
  const entries = file.readUInt16LE(end + 10);
  let offset = file.readUInt32LE(end + 16);
  const names = new Set<string>();
  let uncompressed = 0;
  for (let index = 0; index < entries; index += 1) {
    if (offset + 46 > file.length || file.readUInt32LE(offset) !== ZIP_ENTRY_SIGNATURE) {
      throw new SpreadsheetFileError('spreadsheet.not_xlsx');
    }
    uncompressed += file.readUInt32LE(offset + 24);
    const nameLength = file.readUInt16LE(offset + 28);
    const extraLength = file.readUInt16LE(offset + 30);
    const commentLength = file.readUInt16LE(offset + 32);
    names.add(file.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  if (!names.has('xl/workbook.xml')) throw new SpreadsheetFileError('spreadsheet.not_workbook');
  if (uncompressed > maxUncompressedBytes) {
    throw new SpreadsheetFileError('spreadsheet.too_large', {
      limit: Math.round(maxUncompressedBytes / 2 ** 20),
    });
  }
}

/** Headers compared without spaces, full-width forms, a trailing * or （必填）. */
function headerKey(text: string): string {
  return normalized(text)
    .replace(/\s/g, '')
    .replace(/\*+$|^\*+/g, '')
    .replace(/\((必填|选填|可选)\)$/, '')
    .toLowerCase();
}

interface HeaderMatch {
  /** Column key by 1-based sheet column. */
  keys: Map<number, string>;
  missing: AnyColumn[];
  unknown: Array<{ index: number; text: string }>;
  duplicate: string[];
}

function matchHeader(cells: unknown[], columns: AnyColumn[]): HeaderMatch {
  const byHeader = new Map<string, AnyColumn>();
  for (const column of columns) {
    for (const header of [column.header, ...(column.aliases ?? [])])
      byHeader.set(headerKey(header), column);
  }
  const keys = new Map<number, string>();
  const seen = new Set<string>();
  const unknown: HeaderMatch['unknown'] = [];
  const duplicate: string[] = [];
  cells.forEach((raw, index) => {
    const plain = plainCell(raw);
    if (plain === null || typeof plain === 'object') return;
    const text = parseText(plain);
    if (text === '') return;
    const column = byHeader.get(headerKey(text));
    if (!column) unknown.push({ index, text });
    else if (seen.has(column.key)) duplicate.push(column.header);
    else {
      seen.add(column.key);
      if (importable(column)) keys.set(index, column.key);
    }
  });
  const missing = columns.filter(
    (column) => column.required && importable(column) && !seen.has(column.key),
  );
  return { keys, missing, unknown, duplicate };
}

function headerProblems(match: HeaderMatch, locale: Locale): FieldProblem[] {
  return [
    ...match.missing.map((column) => ({
      field: `header.${column.header}`,
      message: 'spreadsheet.header.missing',
      params: { column: column.header },
    })),
    ...match.unknown.map(({ index, text }) => ({
      field: `header.${columnLetter(index - 1)}`,
      message: 'spreadsheet.header.unknown',
      params: { column: text, letter: columnLetter(index - 1) },
    })),
    ...match.duplicate.map((header) => ({
      field: `header.${header}`,
      message: 'spreadsheet.header.duplicate',
      params: { column: header },
    })),
  ].map((problem) => ({
    ...problem,
    message: literalMessage(locale, problem.message, problem.params),
    params: {},
  }));
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

// ---------------------------------------------------------------------------------------------
// Routes

export interface SpreadsheetImportContext {
  origin: RequestOrigin;
  locale: Locale;
  mode: SpreadsheetImportMode;
  /** The uploaded file, for the audit row. */
  file: { sha256: string; bytes: number };
}

export interface SpreadsheetImportSummary {
  /** Data rows read. */
  rows: number;
  /** Rows with problems (skipped in `valid_rows` mode). */
  invalidRows: number;
}

/** How a domain imports its rows. */
export interface SpreadsheetImporter<Values, Prepared> {
  /**
   * Checks every row with the domain's contract and rules, adding each problem to `problems`
   * (row, column key, message key), and returns the records of the rows found valid, keyed by
   * their sheet row. Must not write.
   */
  prepare(
    rows: SpreadsheetRow<Values>[],
    problems: SpreadsheetProblems,
    context: SpreadsheetImportContext,
  ): Promise<Array<{ row: number; record: Prepared }>>;
  /**
   * Writes the records in ONE transaction (batched multi-row inserts) with ONE audit row
   * (action `<entity>.import`, detail: counts, mode, file sha256), then publishes the change.
   * Returns how many were written.
   */
  write(
    records: Prepared[],
    context: SpreadsheetImportContext,
    summary: SpreadsheetImportSummary,
  ): Promise<number>;
}

/** How a domain exports its list: the filters of its list route (without paging) and the rows. */
export interface SpreadsheetExporter<Filters, Item> {
  query: z.ZodType<Filters>;
  /** At most `limit` records matching `filters`, within the caller's data scope. */
  rows(filters: Filters, context: { origin: RequestOrigin; limit: number }): Promise<Item[]>;
}

export interface SpreadsheetRoutesOptions<
  Columns extends readonly SpreadsheetColumn<string, never>[],
  Prepared,
  Filters,
  Item,
> {
  /** The list's path, e.g. `/api/organizations`; the routes hang below it (spreadsheetPaths). */
  basePath: string;
  /** OpenAPI tags. */
  tags: string[];
  /** Permission per route; `template` defaults to `import`'s. */
  access: { import: Permission; export: Permission; template?: Permission };
  definition: SpreadsheetDefinition<Columns>;
  /** Names the audit rows: `<auditEntity>.import` (rejected imports) and `<auditEntity>.export`. */
  auditEntity: string;
  /** Records the audit rows of rejected imports and of exports (the service's `audit.record`). */
  audit: (event: {
    origin: RequestOrigin;
    action: string;
    objectType: string;
    outcome: 'success' | 'failure';
    detail: Record<string, unknown>;
  }) => Promise<void>;
  /** File names: `{fileName}导入模板.xlsx`, `{fileName}-YYYYMMDD.xlsx`; ASCII fallback `asciiName`. */
  fileName: string;
  asciiName: string;
  importer: SpreadsheetImporter<SpreadsheetValues<Columns>, Prepared>;
  exporter: SpreadsheetExporter<Filters, Item>;
  /** Largest upload in bytes (default 20 MiB). */
  bodyLimit?: number;
  /** Most data rows one import may hold (default 200,000). */
  maxRows?: number;
  /** Most records one export holds (default 100,000); more set `X-Export-Truncated: true`. */
  maxExportRows?: number;
}

export const SPREADSHEET_BODY_LIMIT = 20 * 2 ** 20;

function sendWorkbook(reply: FastifyReply, body: Buffer, fileName: string, asciiName: string) {
  return reply
    .header('content-type', spreadsheetMediaType)
    .header(
      'content-disposition',
      `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .header('cache-control', 'no-store')
    .send(body);
}

function dateStamp(): string {
  // The bureau's calendar day (Asia/Shanghai, UTC+8 all year).
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

const workbookResponse = z.any().describe('An .xlsx workbook');

/**
 * The template, import and export routes of one list, as a plugin:
 * `await app.register(spreadsheetRoutes({...}))`. See {@link SpreadsheetRoutesOptions}.
 */
export function spreadsheetRoutes<
  Columns extends readonly SpreadsheetColumn<string, never>[],
  Prepared,
  Filters,
  Item,
>(options: SpreadsheetRoutesOptions<Columns, Prepared, Filters, Item>): FastifyPluginAsyncZod {
  return async (app) => registerSpreadsheetRoutes(app, options);
}

/** Registers the template, import and export routes of one list on `app`. */
export function registerSpreadsheetRoutes<
  Columns extends readonly SpreadsheetColumn<string, never>[],
  Prepared,
  Filters,
  Item,
>(app: FastifyInstance, options: SpreadsheetRoutesOptions<Columns, Prepared, Filters, Item>): void {
  const paths = spreadsheetPaths(options.basePath);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const { definition, tags } = options;
  let template: Promise<Buffer> | undefined;

  typed.get(
    paths.template,
    {
      config: { access: options.access.template ?? options.access.import },
      schema: {
        tags,
        summary: 'The Excel import template: Chinese headers, drop-down lists, instructions',
        response: { 200: workbookResponse, ...errorResponses(401, 403) },
      },
    },
    async (_request, reply) => {
      template ??= writeTemplate(definition as SpreadsheetDefinition).catch((error: unknown) => {
        template = undefined;
        throw error;
      });
      return sendWorkbook(
        reply,
        await template,
        `${options.fileName}导入模板.xlsx`,
        `${options.asciiName}-template.xlsx`,
      );
    },
  );

  typed.post(
    paths.import,
    {
      bodyLimit: options.bodyLimit ?? SPREADSHEET_BODY_LIMIT,
      config: { access: options.access.import },
      schema: {
        tags,
        summary:
          'Import a filled workbook (raw body, xlsx media type). all_or_nothing: any problem ' +
          'writes nothing; valid_rows: writes the rows without problems. Reports per row.',
        querystring: spreadsheetImportQuerySchema,
        response: { 200: spreadsheetImportResultSchema, ...errorResponses(400, 401, 403, 413) },
      },
    },
    async (request): Promise<SpreadsheetImportResult> => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0)
        throw new SpreadsheetFileError('spreadsheet.not_xlsx');
      const locale = localeFromHeader(request.headers['accept-language']);
      const { mode, dryRun = false } = request.query;
      const context: SpreadsheetImportContext = {
        origin: { actor: request.actor, ip: request.ip },
        locale,
        mode,
        file: { sha256: createHash('sha256').update(body).digest('hex'), bytes: body.length },
      };
      const problems = new SpreadsheetProblems(definition as SpreadsheetDefinition, locale);
      const reading = await readSpreadsheet(definition, body, {
        locale,
        problems,
        ...(options.maxRows ? { maxRows: options.maxRows } : {}),
      });
      const prepared = await options.importer.prepare(reading.rows, problems, context);
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
      if (dryRun) return report('checked', 0);
      const nothingToWrite = valid.length === 0;
      if ((mode === 'all_or_nothing' && problems.size > 0) || nothingToWrite) {
        // Nothing is written; the attempt is still on the trail (the file by its hash).
        await options.audit({
          origin: context.origin,
          action: `${options.auditEntity}.import`,
          objectType: options.auditEntity,
          outcome: 'failure',
          detail: {
            mode,
            rows: summary.rows,
            invalidRows: summary.invalidRows,
            imported: 0,
            sha256: context.file.sha256,
          },
        });
        return report(mode === 'all_or_nothing' ? 'rejected' : 'imported', 0);
      }
      const imported = await options.importer.write(
        valid.map((entry) => entry.record),
        context,
        summary,
      );
      return report('imported', imported);
    },
  );

  typed.get(
    paths.export,
    {
      config: { access: options.access.export },
      schema: {
        tags,
        summary: 'Every record matching the list filters, within your jurisdiction, as a workbook',
        querystring: options.exporter.query,
        response: { 200: workbookResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const origin = { actor: request.actor, ip: request.ip };
      const limit = options.maxExportRows ?? 100_000;
      const records = await options.exporter.rows(request.query as Filters, {
        origin,
        limit: limit + 1,
      });
      const truncated = records.length > limit;
      const kept = truncated ? records.slice(0, limit) : records;
      const body = await writeSpreadsheet(
        definition as unknown as SpreadsheetDefinition<readonly SpreadsheetColumn<string, Item>[]>,
        kept,
      );
      // Filter names only: a search text may hold a name or a phone number.
      await options.audit({
        origin,
        action: `${options.auditEntity}.export`,
        objectType: options.auditEntity,
        outcome: 'success',
        detail: { rows: kept.length, truncated, filters: Object.keys(request.query as object) },
      });
      reply.header('x-export-truncated', String(truncated));
      reply.header('access-control-expose-headers', 'x-export-truncated, content-disposition');
      const stamp = dateStamp();
      return sendWorkbook(
        reply,
        body,
        `${options.fileName}-${stamp}.xlsx`,
        `${options.asciiName}-${stamp}.xlsx`,
      );
    },
  );
}
