import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { choicesOf } from './choices.js';
import { defineSpreadsheet } from './definition.js';
import { SpreadsheetFileError, SpreadsheetProblems } from './problems.js';
import { readSpreadsheet } from './reader.js';

/** The sheet the engine's tests read and write: one column of every kind, one export-only. */
export interface Item {
  name: string;
  code: string | null;
  kind: 'a' | 'b';
  tags: Array<'x' | 'y' | 'z'>;
  since: string | null;
  open: boolean;
  count: number | null;
  lat: number | null;
}

export const definition = defineSpreadsheet<Item>()({
  sheetName: '测试',
  instructions: ['测试导入模板'],
  columns: [
    {
      key: 'name',
      header: '名称',
      kind: 'text',
      required: true,
      aliases: ['Name'],
      value: (r) => r.name,
    },
    { key: 'code', header: '代码', kind: 'text', value: (r) => r.code },
    {
      key: 'kind',
      header: '类型',
      kind: 'choice',
      required: true,
      choices: choicesOf(['a', 'b'] as const, { a: '甲类', b: '乙类' }, { b: ['乙'] }),
      value: (r) => r.kind,
    },
    {
      key: 'tags',
      header: '服务',
      kind: 'choices',
      choices: choicesOf(['x', 'y', 'z'] as const, { x: '法律咨询', y: '人民调解', z: '法治宣传' }),
      value: (r) => r.tags,
    },
    { key: 'since', header: '日期', kind: 'date', value: (r) => r.since },
    { key: 'open', header: '开放', kind: 'boolean', value: (r) => r.open },
    { key: 'count', header: '人数', kind: 'integer', value: (r) => r.count },
    { key: 'lat', header: '纬度', kind: 'number', value: (r) => r.lat },
    { key: 'place', header: '区划名称', kind: 'text', importable: false, value: () => '湖塘镇' },
  ],
});

export const headers = ['名称', '代码', '类型', '服务', '日期', '开放', '人数', '纬度'];

export async function workbookOf(
  sheets: Array<{ name: string; rows: unknown[][] }>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const { name, rows } of sheets) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Loads a workbook as a user's Excel would open it. */
export async function loadInto(workbook: ExcelJS.Workbook, file: Buffer): Promise<void> {
  await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
}

export async function read(file: Buffer, options: { maxRows?: number } = {}) {
  const problems = new SpreadsheetProblems(definition, 'zh-CN');
  const reading = await readSpreadsheet(definition, file, {
    locale: 'zh-CN',
    problems,
    ...options,
  });
  return { ...reading, problems: problems.sorted() };
}

export async function fileError(file: Buffer): Promise<SpreadsheetFileError> {
  const error = await read(file).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SpreadsheetFileError);
  return error as SpreadsheetFileError;
}

/** A stored (uncompressed) zip of the given files: a valid archive that is no workbook. */
export function zipOf(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
