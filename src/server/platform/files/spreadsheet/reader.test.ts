import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { definition, fileError, headers, read, workbookOf, zipOf } from './fixtures.js';
import { SpreadsheetProblems } from './problems.js';
import { readSpreadsheet } from './reader.js';

describe('readSpreadsheet', () => {
  it('should accept labels, stored values and aliases of choices and name the bad ones', async () => {
    const file = await workbookOf([
      {
        name: '测试',
        rows: [
          headers,
          ['一', null, 'A', 'mediation?', null],
          ['二', null, ' 乙类 ', 'x 、 法治宣传', null],
          ['三', null, '丙类', '法律咨询、代写', null],
          ['四', null, 'account', null, null],
        ],
      },
    ]);
    const { rows, problems } = await read(file);
    expect(rows.map((row) => row.values)).toEqual([
      { name: '一', kind: 'a' },
      { name: '二', kind: 'b', tags: ['x', 'z'] },
      { name: '三' },
      { name: '四' },
    ]);
    expect(problems).toEqual([
      {
        row: 2,
        column: '服务',
        message: '“mediation?”不是可选值，应为：法律咨询、人民调解、法治宣传',
      },
      { row: 4, column: '类型', message: '“丙类”不是可选值，应为：甲类、乙类' },
      { row: 4, column: '服务', message: '“代写”不是可选值，应为：法律咨询、人民调解、法治宣传' },
      // What people typed is quoted as typed, never looked up as a message (entity.account).
      { row: 5, column: '类型', message: '“account”不是可选值，应为：甲类、乙类' },
    ]);
  });

  it('should read dates written as Excel dates, serials and text and refuse impossible ones', async () => {
    const file = await workbookOf([
      {
        name: '测试',
        rows: [
          headers,
          ['a', null, '甲类', null, new Date(Date.UTC(2024, 4, 1))],
          ['b', null, '甲类', null, 45413],
          ['c', null, '甲类', null, '2024年5月1日'],
          ['d', null, '甲类', null, '2024.5.1'],
          ['e', null, '甲类', null, '20240501'],
          ['f', null, '甲类', null, '２０２４－０５－０１'],
          ['g', null, '甲类', null, '2023-02-29'],
          ['h', null, '甲类', null, '明年'],
        ],
      },
    ]);
    const { rows, problems } = await read(file);
    expect(rows.slice(0, 6).map((row) => row.values.since)).toEqual(Array(6).fill('2024-05-01'));
    expect(problems).toEqual([
      { row: 8, column: '日期', message: '应为日期，如 2024-05-01' },
      { row: 9, column: '日期', message: '应为日期，如 2024-05-01' },
    ]);
  });

  it('should read 是/否, Excel booleans and common spellings and refuse other text', async () => {
    const file = await workbookOf([
      {
        name: '测试',
        rows: [
          headers,
          ['a', null, '甲类', null, null, '是'],
          ['b', null, '甲类', null, null, '否'],
          ['c', null, '甲类', null, null, true],
          ['d', null, '甲类', null, null, 'N'],
          ['e', null, '甲类', null, null, 1],
          ['f', null, '甲类', null, null, '也许'],
        ],
      },
    ]);
    const { rows, problems } = await read(file);
    expect(rows.map((row) => row.values.open)).toEqual([true, false, true, false, true, undefined]);
    expect(problems).toEqual([{ row: 7, column: '开放', message: '应填“是”或“否”' }]);
  });

  it('should keep codes typed as numbers whole and refuse fractions in integer columns', async () => {
    const file = await workbookOf([
      {
        name: '测试',
        rows: [
          headers,
          ['a', 320412100001, '甲类', null, null, null, 2.5, 'abc'],
          ['b', 12348, '甲类', null, null, null, '３', '31,5'],
        ],
      },
    ]);
    const { rows, problems } = await read(file);
    expect(rows.map((row) => row.values.code)).toEqual(['320412100001', '12348']);
    expect(rows[1]?.values.count).toBe(3);
    expect(problems).toEqual([
      { row: 2, column: '人数', message: '应为整数' },
      { row: 2, column: '纬度', message: '应为数字' },
    ]);
  });

  it('should skip blank rows, keep sheet row numbers and report missing required cells', async () => {
    const file = await workbookOf([
      {
        name: '测试',
        rows: [
          headers,
          ['a', null, '甲类'],
          [],
          [null, '  ', null],
          [null, '0519', '乙类'],
          ['   ', null, null, '法律咨询'],
        ],
      },
    ]);
    const { rows, problems } = await read(file);
    expect(rows.map((row) => row.row)).toEqual([2, 5, 6]);
    expect(problems).toEqual([
      { row: 5, column: '名称', message: '必填' },
      { row: 6, column: '名称', message: '必填' },
      { row: 6, column: '类型', message: '必填' },
    ]);
  });

  it('should take formula results, rich text and headers marked as required or in English', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('测试');
    sheet.addRow(['机构导入表']); // a title row above the header
    sheet.addRow(['Name', '代码*', '类型（必填）']);
    sheet.addRow([
      { richText: [{ text: '湖塘' }, { text: '调解室' }] },
      { formula: '"05"&"19"', result: '0519' },
      '甲类',
    ]);
    const { rows, problems } = await read(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ row: 3, values: { name: '湖塘调解室', code: '0519', kind: 'a' } }]);
  });

  it('should take the first sheet whose headers fit when none has the sheet name', async () => {
    const file = await workbookOf([
      { name: '封面', rows: [['填报单位：武进区司法局']] },
      { name: 'Sheet1', rows: [headers, ['a', null, '甲类']] },
    ]);
    const { rows, sheetName } = await read(file);
    expect(sheetName).toBe('Sheet1');
    expect(rows).toHaveLength(1);
  });

  it('should name unknown, missing and repeated headers when the header row does not fit', async () => {
    const file = await workbookOf([
      {
        name: '测试',
        rows: [
          ['名称', '备注', '代码', '代码'],
          ['a', 'x', '1', '2'],
        ],
      },
    ]);
    const error = await fileError(file);
    expect(error.messageKey).toBe('spreadsheet.header.invalid');
    expect(error.fields?.map((field) => field.message)).toEqual([
      '缺少必需的列“类型”',
      '第 B 列“备注”不是模板中的列，请删除或改用模板的列名',
      '列“代码”出现了不止一次',
    ]);
  });

  it('should refuse a sheet with only the header', async () => {
    const error = await fileError(await workbookOf([{ name: '测试', rows: [headers, []] }]));
    expect(error.messageKey).toBe('spreadsheet.empty');
  });

  it('should refuse more rows than allowed', async () => {
    const file = await workbookOf([
      {
        name: '测试',
        rows: [headers, ['a', null, '甲类'], ['b', null, '甲类'], ['c', null, '甲类']],
      },
    ]);
    const error = await read(file, { maxRows: 2 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ messageKey: 'spreadsheet.too_many_rows', params: { max: 2 } });
  });

  describe('broken files', () => {
    it('should refuse random bytes as not a workbook', async () => {
      expect((await fileError(randomBytes(4096))).messageKey).toBe('spreadsheet.not_xlsx');
      expect((await fileError(Buffer.from('名称,类型\na,甲类\n'))).messageKey).toBe(
        'spreadsheet.not_xlsx',
      );
    });

    it('should refuse a zip archive that is not a workbook', async () => {
      const file = zipOf({ 'readme.txt': 'hello', 'word/document.xml': '<w:document/>' });
      expect((await fileError(file)).messageKey).toBe('spreadsheet.not_workbook');
    });

    it('should refuse a truncated or corrupted workbook', async () => {
      const good = await workbookOf([{ name: '测试', rows: [headers, ['a', null, '甲类']] }]);
      expect((await fileError(good.subarray(0, good.length / 2))).messageKey).toBe(
        'spreadsheet.not_xlsx',
      );
      const corrupted = Buffer.from(good);
      corrupted.fill(0x55, 200, Math.min(corrupted.length - 200, 2_000));
      expect((await fileError(corrupted)).messageKey).toBe('spreadsheet.not_xlsx');
    });

    it('should refuse an old .xls (OLE) file with its own message', async () => {
      const ole = Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        randomBytes(512),
      ]);
      expect((await fileError(ole)).messageKey).toBe('spreadsheet.legacy_xls');
    });

    it('should refuse a workbook without the sheet naming the sheet', async () => {
      const file = await workbookOf([
        {
          name: 'Sheet1',
          rows: [
            ['姓名', '电话'],
            ['张三', '123'],
          ],
        },
      ]);
      const error = await fileError(file);
      expect(error).toMatchObject({
        messageKey: 'spreadsheet.sheet_missing',
        params: { sheet: '测试' },
      });
    });

    it('should refuse a declared uncompressed size above the limit before unzipping', async () => {
      const file = await workbookOf([{ name: '测试', rows: [headers, ['a', null, '甲类']] }]);
      const problems = new SpreadsheetProblems(definition, 'zh-CN');
      const error = await readSpreadsheet(definition, file, {
        locale: 'zh-CN',
        problems,
        maxUncompressedBytes: 1_000,
      }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ messageKey: 'spreadsheet.too_large' });
    });
  });
});
