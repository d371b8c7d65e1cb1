import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/app.js';
import { signInStaff, type SignedIn } from '../../../../test/helpers/auth.js';
import { buildOrganization } from '../../../../test/helpers/factories.js';
import {
  buildPartner,
  buildVolunteer,
  createWorkstation,
} from '../../../../test/helpers/factories.volunteers.js';
import type { Organization } from '../../../contracts/organizations.js';
import {
  spreadsheetMediaType,
  type SpreadsheetImportResult,
} from '../../../contracts/spreadsheets.js';
import type { Volunteer } from '../../../contracts/volunteers.js';
import { writeTemplate } from '../../platform/files/spreadsheet/index.js';
import { volunteerSheet } from './volunteers.spreadsheet.js';

type Staff = SignedIn & { organizationId: string };
type SheetRow = Record<string, string | number | Date | null>;

async function loadWorkbook(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The import template filled in as a user would: one row per volunteer, by header. */
async function filledTemplate(rows: SheetRow[]): Promise<Buffer> {
  const workbook = await loadWorkbook(await writeTemplate(volunteerSheet));
  const sheet = workbook.getWorksheet('志愿者') as ExcelJS.Worksheet;
  // exceljs reads row values from index 1 (column A) but adds an array from index 0.
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  for (const row of rows) sheet.addRow(headers.map((header) => row[header] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The data rows of an exported workbook, keyed by header. */
async function exportedRows(file: Buffer): Promise<Array<Record<string, unknown>>> {
  const sheet = (await loadWorkbook(file)).getWorksheet('志愿者') as ExcelJS.Worksheet;
  const headers = Array.from(sheet.getRow(1).values as unknown[], String);
  const rows: Array<Record<string, unknown>> = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = row.values as unknown[];
    rows.push(Object.fromEntries(headers.map((header, index) => [header, values[index] ?? null])));
  });
  return rows;
}

describe('volunteer Excel routes', () => {
  let context: TestContext;
  let wujin: Staff;
  let officer: Staff;
  let tianning: Staff;
  let station: Organization;
  let tianningStation: Organization;

  beforeAll(async () => {
    context = await createTestContext();
    wujin = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320412' });
    officer = await signInStaff(context, {
      roles: ['bureau_staff', 'personal_data_officer'],
      organizationId: wujin.organizationId,
    });
    tianning = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320402' });
    ({ station } = await createWorkstation(context, wujin.organizationId, '320412100'));
    ({ station: tianningStation } = await createWorkstation(
      context,
      tianning.organizationId,
      '320402001',
    ));
    // Two Wujin organizations share a name: a sheet naming it cannot say which is meant.
    for (const divisionCode of ['320412100', '320412105']) {
      await context.services.organizations.createOrganization(
        buildOrganization({
          type: 'legal_aid_station',
          name: '同名法律援助工作站',
          divisionCode,
        }),
      );
    }
    await context.app.inject({
      method: 'POST',
      url: '/api/partners',
      headers: wujin.headers,
      payload: buildPartner({ kind: 'civilization_office', name: '武进区文明办（导入）' }),
    });
    await context.app.inject({
      method: 'POST',
      url: '/api/volunteers',
      headers: wujin.headers,
      payload: buildVolunteer({
        name: '已登记志愿者',
        phone: '13700000001',
        stationId: station.id,
      }),
    });
  });
  afterAll(() => context.close());

  const upload = (file: Buffer, as: SignedIn | null, query = '') =>
    context.app.inject({
      method: 'POST',
      url: `/api/volunteers/import${query}`,
      headers: {
        ...(as?.headers ?? {}),
        'content-type': spreadsheetMediaType,
        'accept-language': 'zh-CN',
      },
      payload: file,
    });

  const countFor = async (as: Staff) =>
    (await context.app.inject({ url: '/api/volunteers?limit=1', headers: as.headers })).json()
      .total as number;

  const goodRow = (overrides: SheetRow = {}): SheetRow => ({
    姓名: '导入志愿者甲',
    类别: '退休法官',
    手机号: '13700000101',
    服务站点: station.name,
    招募单位: '武进区文明办（导入）',
    专长: '婚姻家庭、继承赡养',
    服务语言: '普通话、常州话',
    加入日期: new Date(Date.UTC(2025, 2, 1)),
    状态: '在岗',
    ...overrides,
  });

  it('should download the template with the Chinese headers', async () => {
    const response = await context.app.inject({
      url: '/api/volunteers/import/template',
      headers: wujin.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(spreadsheetMediaType);
    const sheet = (await loadWorkbook(response.rawPayload)).getWorksheet('志愿者');
    const headers = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      '姓名',
      '类别',
      '手机号',
      '服务站点',
      '招募单位',
      '专长',
      '服务语言',
      '加入日期',
      '状态',
      '备注',
    ]);
  });

  it('should report every broken row by row and column and write nothing', async () => {
    const before = await countFor(wujin);
    const file = await filledTemplate([
      goodRow(),
      goodRow({ 姓名: '导入志愿者乙', 类别: '宇航员', 手机号: '12345' }),
      goodRow({ 姓名: '导入志愿者丙', 手机号: '13700000103', 服务站点: '不存在的工作站' }),
      goodRow({ 姓名: '导入志愿者丁', 手机号: '13700000104', 服务站点: tianningStation.name }),
      goodRow({ 姓名: '导入志愿者戊', 手机号: '13700000105', 服务站点: '同名法律援助工作站' }),
      goodRow({ 姓名: '导入志愿者己', 手机号: '13700000106', 招募单位: '不存在的合作单位' }),
      goodRow({ 姓名: '导入志愿者庚', 手机号: '13700000101' }),
      goodRow({ 姓名: '导入志愿者辛', 手机号: '13700000001' }),
      goodRow({ 姓名: '导入志愿者壬', 手机号: '13700000109', 加入日期: '去年春天' }),
    ]);
    const response = await upload(file, wujin);
    expect(response.statusCode).toBe(200);
    const result = response.json() as SpreadsheetImportResult;
    expect(result).toMatchObject({
      outcome: 'rejected',
      rows: 9,
      validRows: 1,
      invalidRows: 8,
      imported: 0,
    });
    const problemsOf = (row: number) =>
      result.problems.filter((problem) => problem.row === row).map((problem) => problem.column);
    expect(problemsOf(2)).toEqual([]);
    expect(problemsOf(3).sort()).toEqual(['手机号', '类别']);
    expect(result.problems.find((problem) => problem.row === 4)).toEqual({
      row: 4,
      column: '服务站点',
      message: '找不到服务站点“不存在的工作站”：须为本辖区内机构的全称',
    });
    // Another district's station reads exactly like a missing one.
    expect(result.problems.find((problem) => problem.row === 5)?.column).toBe('服务站点');
    expect(result.problems.find((problem) => problem.row === 6)?.message).toContain('多个');
    expect(problemsOf(7)).toEqual(['招募单位']);
    expect(result.problems.find((problem) => problem.row === 8)).toEqual({
      row: 8,
      column: '手机号',
      message: '与第 2 行的手机号重复',
    });
    expect(result.problems.find((problem) => problem.row === 9)?.message).toBe(
      '该手机号的志愿者已登记',
    );
    expect(problemsOf(10)).toEqual(['加入日期']);
    expect(await countFor(wujin)).toBe(before);
  });

  it('should write only the good rows when asked to import the valid ones', async () => {
    const before = await countFor(wujin);
    const file = await filledTemplate([
      goodRow({ 姓名: '有效行志愿者', 手机号: '13700000201' }),
      goodRow({ 姓名: '无效行志愿者', 服务站点: '不存在的工作站', 手机号: '13700000202' }),
      goodRow({
        姓名: '无站点志愿者',
        类别: '高校毕业生',
        手机号: null,
        服务站点: null,
        招募单位: null,
        状态: null,
      }),
    ]);
    const response = await upload(file, wujin, '?mode=valid_rows');
    expect(response.json()).toMatchObject({
      outcome: 'imported',
      rows: 3,
      validRows: 2,
      invalidRows: 1,
      imported: 2,
    });
    expect(await countFor(wujin)).toBe(before + 2);
    const list = await context.app.inject({
      url: `/api/volunteers?q=${encodeURIComponent('有效行志愿者')}`,
      headers: wujin.headers,
    });
    const [created] = list.json().items as Volunteer[];
    expect(created).toMatchObject({
      kind: 'retired_judge',
      phone: '137****0201',
      stationId: station.id,
      organizationId: wujin.organizationId,
      partnerName: '武进区文明办（导入）',
      skills: ['marriage_family', 'inheritance'],
      languages: ['mandarin', 'wu_dialect'],
      joinedOn: '2025-03-01',
      status: 'active',
    });
    const unassigned = await context.app.inject({
      url: `/api/volunteers?q=${encodeURIComponent('无站点志愿者')}`,
      headers: wujin.headers,
    });
    expect(unassigned.json().items[0]).toMatchObject({
      stationId: null,
      organizationId: wujin.organizationId,
      status: 'active',
    });
    const trail = await context.services.audit.search({
      limit: 1,
      offset: 0,
      action: 'volunteer.import',
    });
    expect(trail.items[0]?.detail).toMatchObject({ imported: 2, invalidRows: 1 });
  });

  it('should answer 400 when the file is not a workbook', async () => {
    const garbage = await upload(Buffer.from('not a workbook'), wujin);
    expect(garbage.statusCode).toBe(400);
  });

  it('should export the filtered list with phones masked', async () => {
    const response = await context.app.inject({
      url: `/api/volunteers/export?station=${station.id}`,
      headers: wujin.headers,
    });
    expect(response.statusCode).toBe(200);
    const rows = await exportedRows(response.rawPayload);
    const names = rows.map((row) => row['姓名']);
    expect(names).toEqual(expect.arrayContaining(['已登记志愿者', '有效行志愿者']));
    expect(names).not.toContain('无站点志愿者');
    expect(rows.find((row) => row['姓名'] === '已登记志愿者')?.['手机号']).toBe('137****0001');
    expect(rows.find((row) => row['姓名'] === '有效行志愿者')).toMatchObject({
      类别: '退休法官',
      服务站点: station.name,
      专长: '婚姻家庭、继承赡养',
      状态: '在岗',
    });
  });

  it('should export full phones to a personal data officer and audit the unmasking', async () => {
    const response = await context.app.inject({
      url: `/api/volunteers/export?station=${station.id}`,
      headers: officer.headers,
    });
    const rows = await exportedRows(response.rawPayload);
    expect(rows.find((row) => row['姓名'] === '已登记志愿者')?.['手机号']).toBe('13700000001');
    const trail = await context.services.audit.search({
      limit: 5,
      offset: 0,
      action: 'personal_data.unmask',
    });
    const entry = trail.items.find((item) => item.actorId === officer.accountId);
    expect(entry?.detail).toMatchObject({ via: 'export', fields: ['phone'] });
  });

  it('should export another district none of Wujin’s volunteers', async () => {
    const response = await context.app.inject({
      url: '/api/volunteers/export',
      headers: tianning.headers,
    });
    expect(response.statusCode).toBe(200);
    const names = (await exportedRows(response.rawPayload)).map((row) => row['姓名']);
    expect(names).not.toContain('已登记志愿者');
  });

  it('should answer 400 when the export filter is not a known value', async () => {
    const bad = await context.app.inject({
      url: '/api/volunteers/export?kind=astronaut',
      headers: wujin.headers,
    });
    expect(bad.statusCode).toBe(400);
  });
});
