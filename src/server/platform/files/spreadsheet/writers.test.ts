import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeSpreadsheet } from './export-writer.js';
import { definition, headers, loadInto, read, type Item } from './fixtures.js';
import { writeTemplate } from './template.js';

describe('writeTemplate', () => {
  it('should write the importable headers with notes, drop-down lists and an instructions sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await loadInto(workbook, await writeTemplate(definition));
    const sheet = workbook.getWorksheet('测试');
    expect(sheet).toBeDefined();
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(headers);
    expect(String(sheet?.getCell('C1').note ?? '')).toContain('甲类、乙类');
    expect(String(sheet?.getCell('A1').note ?? '')).toContain('必填');
    expect(sheet?.getColumn(2).numFmt).toBe('@');
    expect(workbook.getWorksheet('选项')?.state).toBe('hidden');
    const validation = (sheet as unknown as { dataValidations: { model: Record<string, unknown> } })
      .dataValidations.model;
    expect(Object.values(validation)).toContainEqual(
      expect.objectContaining({ type: 'list', formulae: ["'选项'!$A$1:$A$2"] }),
    );
    const instructions = workbook.getWorksheet('说明');
    const lines: string[] = [];
    instructions?.eachRow((row) => lines.push(String(row.getCell(1).value)));
    expect(lines).toEqual(expect.arrayContaining(['测试导入模板', '名称', '服务']));
  });

  it('should read back the rows typed into the template when a user fills it in Excel', async () => {
    const workbook = new ExcelJS.Workbook();
    await loadInto(workbook, await writeTemplate(definition));
    const sheet = workbook.getWorksheet('测试') as ExcelJS.Worksheet;
    sheet.addRow([
      '湖塘法律服务所',
      '320412100001',
      '甲类',
      '法律咨询、人民调解',
      new Date(Date.UTC(2024, 4, 1)),
      '是',
      3,
      31.7,
    ]);
    sheet.addRow(['横林调解室', '0519', '乙', 'y,z', '2023/1/9', '否', '12', '119.95']);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());

    const { rows, problems, sheetName } = await read(filled);
    expect(sheetName).toBe('测试');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        values: {
          name: '湖塘法律服务所',
          code: '320412100001',
          kind: 'a',
          tags: ['x', 'y'],
          since: '2024-05-01',
          open: true,
          count: 3,
          lat: 31.7,
        },
      },
      {
        row: 3,
        values: {
          name: '横林调解室',
          code: '0519',
          kind: 'b',
          tags: ['y', 'z'],
          since: '2023-01-09',
          open: false,
          count: 12,
          lat: 119.95,
        },
      },
    ]);
  });
});

describe('writeSpreadsheet', () => {
  it('should give back the exported records when the export is imported again', async () => {
    const records: Item[] = [
      {
        name: '甲所',
        code: '320412',
        kind: 'a',
        tags: ['x', 'z'],
        since: '2020-02-29',
        open: true,
        count: 0,
        lat: 31.5,
      },
      {
        name: '乙所',
        code: null,
        kind: 'b',
        tags: [],
        since: null,
        open: false,
        count: null,
        lat: null,
      },
    ];
    const file = await writeSpreadsheet(definition, records);
    const workbook = new ExcelJS.Workbook();
    await loadInto(workbook, file);
    const sheet = workbook.getWorksheet('测试');
    expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual([...headers, '区划名称']);
    expect(sheet?.getCell('C2').value).toBe('甲类');
    expect(sheet?.getCell('D2').value).toBe('法律咨询、法治宣传');
    expect(sheet?.getCell('E2').value).toEqual(new Date(Date.UTC(2020, 1, 29)));
    expect(sheet?.getCell('F3').value).toBe('否');

    const { rows, problems } = await read(file);
    expect(problems).toEqual([]);
    expect(rows.map((row) => row.values)).toEqual([
      {
        name: '甲所',
        code: '320412',
        kind: 'a',
        tags: ['x', 'z'],
        since: '2020-02-29',
        open: true,
        count: 0,
        lat: 31.5,
      },
      // Blank cells are absent; an empty list of choices is a blank cell.
      { name: '乙所', kind: 'b', open: false },
    ]);
  });
});
