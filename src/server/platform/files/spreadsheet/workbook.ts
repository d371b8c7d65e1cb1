import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AnyColumn } from './definition.js';

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;
export const TEXT_FORMAT = '@';
export const DATE_FORMAT = 'yyyy-mm-dd';

export async function workbookBuffer(
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

export function columnNote(column: AnyColumn): string {
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
export function sheetColumns(columns: AnyColumn[], formats: boolean): Partial<ExcelJS.Column>[] {
  return columns.map((column) => ({
    key: column.key,
    width: column.width ?? Math.max(10, column.header.length * 2 + 4),
    ...(formats && column.kind === 'text' ? { style: { numFmt: TEXT_FORMAT } } : {}),
    ...(formats && column.kind === 'date' ? { style: { numFmt: DATE_FORMAT } } : {}),
  }));
}

export function writeHeader(sheet: ExcelJS.Worksheet, columns: AnyColumn[], withNotes: boolean) {
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

export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}
