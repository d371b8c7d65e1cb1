import { choiceIndex, labelOf, lookUpChoice } from './choices.js';
import type { AnyColumn, SpreadsheetCellInput } from './definition.js';
import { choiceKey, normalized } from './text.js';

const BOOLEAN_TRUE = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓', 't']);
const BOOLEAN_FALSE = new Set(['否', '无', 'n', 'no', 'false', '0', '×', '✗', 'f']);
export const BOOLEAN_LABELS = { true: '是', false: '否' } as const;

/** Separators between several choices in one cell: 、 , ， ; ； / | and line breaks. */
const MULTIPLE_SEPARATOR = /[、,，;；/|\n\r]+/;
/** How several choices are written in an export. */
const MULTIPLE_JOINER = '、';

export type RawCell = string | number | boolean | Date | null;

/** The plain value of an exceljs cell: rich text joined, formulas by their result, links by text. */
export function plainCell(value: unknown): RawCell | { error: string } {
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

export function parseText(cell: RawCell): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return numberText(cell);
  if (typeof cell === 'boolean') return cell ? BOOLEAN_LABELS.true : BOOLEAN_LABELS.false;
  if (cell instanceof Date) return parseDate(cell) ?? '';
  return '';
}

export function isBlank(cell: RawCell | { error: string }): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

export type CellResult =
  | { ok: true; value: unknown }
  | { ok: false; message: string; params?: Record<string, string | number> };

/** A reusable reader of one column's cells. */
export function cellParser(column: AnyColumn): (cell: RawCell) => CellResult {
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
export function exportCell(
  column: AnyColumn,
  value: SpreadsheetCellInput,
): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? BOOLEAN_LABELS[value ? 'true' : 'false'] : String(value);
    case 'choice':
      return typeof value === 'string' ? labelOf(column.choices, value) : String(value);
    case 'choices': {
      const list = Array.isArray(value) ? value : [String(value)];
      return list.map((item) => labelOf(column.choices, item)).join(MULTIPLE_JOINER);
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
