import { createHash, randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/app.js';
import { signInStaff, type SignedIn } from '../../../../test/helpers/auth.js';
import { buildOrganization } from '../../../../test/helpers/factories.js';
import type { Organization } from '../../../contracts/organizations.js';
import {
  spreadsheetMediaType,
  type SpreadsheetImportResult,
} from '../../../contracts/spreadsheets.js';
import { writeTemplate } from '../../platform/files/spreadsheet/index.js';
import { organizationSheet } from './organizations.spreadsheet.js';

type SheetRow = Record<string, string | number | boolean | Date | null>;

async function loadWorkbook(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The import template filled in as a user would: one row per record, by header. */
async function filledTemplate(rows: SheetRow[]): Promise<Buffer> {
  const workbook = await loadWorkbook(await writeTemplate(organizationSheet));
  const sheet = workbook.getWorksheet('机构') as ExcelJS.Worksheet;
  const headers = Array.from(sheet.getRow(1).values as unknown[], String).slice(1);
  for (const row of rows) {
    sheet.addRow(headers.map((header) => row[header] ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The data rows of an exported workbook, keyed by header. */
async function exportedRows(file: Buffer): Promise<Array<Record<string, unknown>>> {
  const sheet = (await loadWorkbook(file)).getWorksheet('机构') as ExcelJS.Worksheet;
  const headers = Array.from(sheet.getRow(1).values as unknown[], String);
  const rows: Array<Record<string, unknown>> = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = row.values as unknown[];
    rows.push(
      Object.fromEntries(headers.map((header, index) => [header, values[index] ?? null]).slice(1)),
    );
  });
  return rows;
}

describe('organization Excel routes', () => {
  let context: TestContext;
  let wujin: SignedIn & { organizationId: string };
  let tianning: SignedIn;
  let wujinBureau: Organization;

  beforeAll(async () => {
    context = await createTestContext();
    wujin = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320412' });
    tianning = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320402' });
    wujinBureau = await context.services.organizations.getOrganization(wujin.organizationId);
  });
  afterAll(() => context.close());

  const upload = (
    file: Buffer,
    as: SignedIn | null,
    query = '',
    contentType = spreadsheetMediaType,
  ) =>
    context.app.inject({
      method: 'POST',
      url: `/api/organizations/import${query}`,
      headers: { ...(as?.headers ?? {}), 'content-type': contentType },
      payload: file,
    });

  const total = async () => context.services.organizations.countOrganizations();

  /** A good row of the sheet, by header; override what the test is about. */
  const goodRow = (overrides: SheetRow = {}): SheetRow => ({
    机构名称: '湖塘镇导入测试工作站',
    机构类型: '公共法律服务工作站',
    行政区划代码: '320412100',
    地址: '常州市武进区湖塘镇人民中路 1 号',
    纬度: 31.7,
    经度: 119.95,
    联系电话: '0519-86000001',
    办公时间: '周一至周五 08:30-12:00,13:30-17:30；周六 09:00-12:00',
    服务项目: '法律咨询、人民调解',
    无障碍通行: '是',
    提供上门服务: '否',
    状态: '正常',
    成立日期: new Date(Date.UTC(2019, 2, 15)),
    ...overrides,
  });

  it('should download the template with the Chinese headers', async () => {
    const response = await context.app.inject({
      url: '/api/organizations/import/template',
      headers: wujin.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(spreadsheetMediaType);
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('机构导入模板.xlsx')}`,
    );
    const sheet = (await loadWorkbook(response.rawPayload)).getWorksheet('机构');
    const headers = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(
      expect.arrayContaining([
        '机构名称',
        '机构类型',
        '上级机构',
        '行政区划代码',
        '办公时间',
        '服务项目',
        '是否达标',
      ]),
    );
    expect(headers).not.toContain('所属区划');
  });

  it('should create every row, with parents from the sheet and the database, when the file is good', async () => {
    const before = await total();
    const file = await filledTemplate([
      goodRow({
        机构名称: '导入测试公共法律服务中心',
        机构类型: '公共法律服务中心',
        行政区划代码: '320412',
        上级机构: wujinBureau.name,
      }),
      goodRow({ 上级机构: '导入测试公共法律服务中心' }),
      goodRow({
        机构名称: '横林镇信访局法律援助工作站',
        机构类型: '法律援助工作站',
        行政区划代码: '320412105',
        服务项目: '法律援助申请受理',
        驻点单位类型: '信访局',
        驻点单位名称: '横林镇信访办',
        工作人员数: 2,
        是否达标: '是',
        状态起始日期: '2020/3/1',
      }),
    ]);
    const response = await upload(file, wujin);
    expect(response.statusCode).toBe(200);
    const result = response.json() as SpreadsheetImportResult;
    expect(result).toMatchObject({
      outcome: 'imported',
      mode: 'all_or_nothing',
      rows: 3,
      imported: 3,
      invalidRows: 0,
      problems: [],
    });
    expect(await total()).toBe(before + 3);

    const list = await context.app.inject('/api/organizations?q=导入测试&limit=10');
    const byName = new Map((list.json().items as Organization[]).map((item) => [item.name, item]));
    const centre = byName.get('导入测试公共法律服务中心');
    const station = byName.get('湖塘镇导入测试工作站');
    expect(centre?.parentId).toBe(wujinBureau.id);
    expect(station).toMatchObject({
      parentId: centre?.id,
      type: 'service_station',
      services: ['legal_consultation', 'mediation'],
      stepFree: true,
      homeVisits: false,
      establishedOn: '2019-03-15',
      statusSince: '2019-03-15',
      openingHours: {
        mon: [
          { opens: '08:30', closes: '12:00' },
          { opens: '13:30', closes: '17:30' },
        ],
        sat: [{ opens: '09:00', closes: '12:00' }],
      },
    });
    const aid = await context.app.inject('/api/organizations?q=横林镇信访局');
    expect(aid.json().items[0]).toMatchObject({
      hostKind: 'petitions_bureau',
      staffCount: 2,
      meetsStandard: true,
      statusSince: '2020-03-01',
    });

    const trail = await context.services.audit.search({
      limit: 1,
      offset: 0,
      action: 'organization.import',
    });
    expect(trail.items[0]).toMatchObject({
      actorId: wujin.accountId,
      outcome: 'success',
      detail: {
        mode: 'all_or_nothing',
        rows: 3,
        imported: 3,
        invalidRows: 0,
        sha256: createHash('sha256').update(file).digest('hex'),
      },
    });
  });

  describe('a deliberately broken workbook', () => {
    let broken: Buffer;

    beforeAll(async () => {
      broken = await filledTemplate([
        goodRow({
          机构名称: '崔桥村法律服务室',
          机构类型: '公共法律服务工作室',
          行政区划代码: '320412105001',
        }),
        goodRow({ 机构名称: '不存在区划的工作站', 行政区划代码: '320412999' }),
        goodRow({ 机构名称: '类型写错的律所', 机构类型: '律所' }),
        goodRow({ 机构名称: null }),
        goodRow({ 机构名称: '电话写错的工作站', 联系电话: '请致电办公室' }),
        {},
        goodRow({
          机构名称: '崔桥村法律服务室',
          机构类型: '人民调解委员会',
          行政区划代码: '320412105001',
        }),
        goodRow({ 机构名称: '天宁区的工作站', 行政区划代码: '320402001' }),
        goodRow({ 机构名称: '湖塘镇导入测试工作站' }),
        goodRow({ 机构名称: '缺经度的工作站', 经度: null, 办公时间: '周一 全天' }),
      ]);
    });

    it('should list every problem by row and column and write nothing', async () => {
      const before = await total();
      const response = await upload(broken, wujin);
      expect(response.statusCode).toBe(200);
      const result = response.json() as SpreadsheetImportResult;
      expect(result).toMatchObject({
        outcome: 'rejected',
        rows: 9,
        validRows: 1,
        invalidRows: 8,
        imported: 0,
      });
      expect(result.problems).toEqual([
        { row: 3, column: '行政区划代码', message: '行政区划代码“320412999”不存在' },
        { row: 4, column: '机构类型', message: expect.stringContaining('“律所”不是可选值') },
        { row: 5, column: '机构名称', message: '必填' },
        { row: 6, column: '联系电话', message: '应为电话号码，如 0519-86000000 或 13800000000' },
        { row: 8, column: '机构名称', message: '与第 2 行重复：同一区划内名称相同' },
        { row: 9, column: '行政区划代码', message: '只能选择本辖区内的行政区划' },
        { row: 10, column: '机构名称', message: '该区划内已有同名机构' },
        { row: 11, column: '办公时间', message: expect.stringContaining('无法识别“周一 全天”') },
        { row: 11, column: '经度', message: '经度和纬度须同时填写' },
      ]);
      expect(await total()).toBe(before);
      const trail = await context.services.audit.search({
        limit: 1,
        offset: 0,
        action: 'organization.import',
      });
      expect(trail.items[0]).toMatchObject({
        outcome: 'failure',
        detail: { imported: 0, invalidRows: 8 },
      });
    });

    it('should only check and write nothing when asked for a dry run', async () => {
      const before = await total();
      const response = await upload(broken, wujin, '?mode=valid_rows&dryRun=true');
      expect(response.json()).toMatchObject({ outcome: 'checked', validRows: 1, imported: 0 });
      expect(await total()).toBe(before);
    });

    it('should answer in English when the user reads English', async () => {
      const response = await context.app.inject({
        method: 'POST',
        url: '/api/organizations/import',
        headers: {
          ...wujin.headers,
          'content-type': spreadsheetMediaType,
          'accept-language': 'en-US',
        },
        payload: broken,
      });
      expect((response.json() as SpreadsheetImportResult).problems[2]).toEqual({
        row: 5,
        column: '机构名称',
        message: 'is required',
      });
    });

    it('should write only the good rows when asked for valid rows', async () => {
      const before = await total();
      const response = await upload(broken, wujin, '?mode=valid_rows');
      expect(response.json()).toMatchObject({
        outcome: 'imported',
        mode: 'valid_rows',
        validRows: 1,
        invalidRows: 8,
        imported: 1,
      });
      expect(await total()).toBe(before + 1);
      const found = await context.app.inject('/api/organizations?q=崔桥村法律服务室');
      expect(found.json().items.map((item: Organization) => item.type)).toEqual(['service_room']);
      const other = await context.app.inject('/api/organizations?division=320402');
      expect(other.json().items.map((item: Organization) => item.name)).not.toContain(
        '天宁区的工作站',
      );
    });
  });

  it('should write nothing and record the attempt when no row is good in valid-rows mode', async () => {
    const before = await total();
    const response = await upload(
      await filledTemplate([goodRow({ 机构名称: '全错的工作站', 行政区划代码: '110101' })]),
      wujin,
      '?mode=valid_rows',
    );
    expect(response.json()).toMatchObject({ outcome: 'imported', imported: 0, invalidRows: 1 });
    expect(await total()).toBe(before);
    const trail = await context.services.audit.search({
      limit: 1,
      offset: 0,
      action: 'organization.import',
    });
    expect(trail.items[0]).toMatchObject({ outcome: 'failure', detail: { mode: 'valid_rows' } });
  });

  it('should refuse a row whose supervising organization is in another district', async () => {
    const elsewhere = await context.services.organizations.createOrganization(
      buildOrganization({ name: '天宁区某律师事务所', divisionCode: '320402001' }),
    );
    const response = await upload(
      await filledTemplate([goodRow({ 机构名称: '上级在天宁的工作站', 上级机构: elsewhere.name })]),
      wujin,
    );
    expect(response.json().problems).toEqual([
      {
        row: 2,
        column: '上级机构',
        message: '找不到上级机构“天宁区某律师事务所”：须为本辖区内已有的机构，或本表中的机构',
      },
    ]);
  });

  it('should refuse workstation fields on other types like the editor does', async () => {
    const response = await upload(
      await filledTemplate([
        goodRow({ 机构名称: '有驻点的律所', 机构类型: '律师事务所', 驻点单位类型: '法院' }),
      ]),
      wujin,
    );
    // 法院 is not a label (人民法院 is): the cell problem is reported, not also the rule.
    expect(response.json().problems.map((problem: { column: string }) => problem.column)).toEqual([
      '驻点单位类型',
    ]);
    const second = await upload(
      await filledTemplate([
        goodRow({ 机构名称: '有驻点的律所', 机构类型: '律师事务所', 工作人员数: 3 }),
      ]),
      wujin,
    );
    expect(second.json().problems).toEqual([
      { row: 2, column: '工作人员数', message: '只有法律援助工作站填写此项' },
    ]);
  });

  describe('files that are no workbook', () => {
    it('should answer 400 when the body is random bytes', async () => {
      const response = await upload(randomBytes(2048), wujin);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'validation_failed',
        message: '文件不是有效的 Excel（.xlsx）文件',
      });
    });

    it('should answer 400 when the upload is not sent as a workbook', async () => {
      const response = await upload(Buffer.from('机构名称,机构类型\n'), wujin, '', 'text/csv');
      expect(response.statusCode).toBe(400);
    });

    it('should answer 400 naming the unknown column when the headers do not fit', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('机构');
      sheet.addRow(['机构名称', '机构类型', '行政区划代码', '备注']);
      sheet.addRow(['某工作站', '公共法律服务工作站', '320412100', '无']);
      const response = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), wujin);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        { field: 'header.D', message: '第 D 列“备注”不是模板中的列，请删除或改用模板的列名' },
      ]);
    });
  });

  describe('export', () => {
    beforeAll(async () => {
      await context.services.organizations.createOrganization(
        buildOrganization({
          name: '天宁导出测试律师事务所',
          divisionCode: '320402001',
          services: ['mediation'],
        }),
      );
    });

    it('should export only the own district, with the list filters', async () => {
      const response = await context.app.inject({
        url: '/api/organizations/export',
        headers: tianning.headers,
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(spreadsheetMediaType);
      expect(response.headers['x-export-truncated']).toBe('false');
      const rows = await exportedRows(response.rawPayload);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => String(row['行政区划代码']).startsWith('320402'))).toBe(true);
      expect(rows.map((row) => row['机构名称'])).toContain('天宁导出测试律师事务所');

      const filtered = await context.app.inject({
        url: '/api/organizations/export?type=service_station&q=导入测试',
        headers: wujin.headers,
      });
      const stations = await exportedRows(filtered.rawPayload);
      expect(stations.map((row) => row['机构名称'])).toEqual(['湖塘镇导入测试工作站']);
      expect(stations[0]).toMatchObject({
        机构类型: '公共法律服务工作站',
        上级机构: '导入测试公共法律服务中心',
        所属区划: '湖塘镇',
        服务项目: '法律咨询、人民调解',
        办公时间: '周一至周五 08:30-12:00,13:30-17:30；周六 09:00-12:00',
        无障碍通行: '是',
        成立日期: new Date(Date.UTC(2019, 2, 15)),
      });
      const trail = await context.services.audit.search({
        limit: 1,
        offset: 0,
        action: 'organization.export',
      });
      expect(trail.items[0]).toMatchObject({
        actorId: wujin.accountId,
        detail: { rows: 1, filters: ['type', 'q'] },
      });
    });

    it('should read its own export back, finding every row already there', async () => {
      const exported = await context.app.inject({
        url: '/api/organizations/export?q=导入测试',
        headers: wujin.headers,
      });
      const response = await upload(exported.rawPayload, wujin);
      const result = response.json() as SpreadsheetImportResult;
      expect(result.outcome).toBe('rejected');
      expect(new Set(result.problems.map((problem) => problem.message))).toEqual(
        new Set(['该区划内已有同名机构']),
      );
    });

    it('should answer 400 for a filter the list does not know', async () => {
      const response = await context.app.inject({
        url: '/api/organizations/export?limit=5',
        headers: wujin.headers,
      });
      expect(response.statusCode).toBe(400);
    });
  });

  describe('access', () => {
    it('should answer 403 when the import lacks the CSRF token', async () => {
      const response = await context.app.inject({
        method: 'POST',
        url: '/api/organizations/import',
        headers: { cookie: wujin.headers.cookie as string, 'content-type': spreadsheetMediaType },
        payload: await filledTemplate([goodRow()]),
      });
      expect(response.statusCode).toBe(403);
    });
  });
});
