import type { Locale } from '../../../../contracts/errors.js';
import type { FieldProblem } from '../../errors.js';
import { parseText, plainCell } from './cells.js';
import { importable, type AnyColumn } from './definition.js';
import { literalMessage } from './problems.js';
import { normalized } from './text.js';
import { columnLetter } from './workbook.js';

/** Headers compared without spaces, full-width forms, a trailing * or （必填）. */
function headerKey(text: string): string {
  return normalized(text)
    .replace(/\s/g, '')
    .replace(/\*+$|^\*+/g, '')
    .replace(/\((必填|选填|可选)\)$/, '')
    .toLowerCase();
}

export interface HeaderMatch {
  /** Column key by 1-based sheet column. */
  keys: Map<number, string>;
  missing: AnyColumn[];
  unknown: Array<{ index: number; text: string }>;
  duplicate: string[];
}

export function matchHeader(cells: unknown[], columns: AnyColumn[]): HeaderMatch {
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

export function headerProblems(match: HeaderMatch, locale: Locale): FieldProblem[] {
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
