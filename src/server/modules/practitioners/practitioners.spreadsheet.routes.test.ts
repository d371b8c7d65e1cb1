import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/app.js';
import { signInStaff, type SignedIn } from '../../../../test/helpers/auth.js';
import { buildOrganization } from '../../../../test/helpers/factories.js';
import { lawyerLicenceNumber } from '../../../../test/helpers/factories.practitioners.js';
import type { Practitioner, PractitionerMove } from '../../../contracts/practitioners.js';
import type { SpreadsheetImportResult } from '../../../contracts/spreadsheets.js';
import { spreadsheetMediaType, spreadsheetPaths } from '../../../contracts/spreadsheets.js';
import { practitionerSheet } from './practitioners.spreadsheet.js';

const headers = [
  '姓名',
  '人员类别',
  '所在机构',
  '执业证类型',
  '执业证号',
  '执业起始日期',
  '加入本机构日期',
  '业务专长',
  '服务语言',
  '手机号码',
  '执业状态',
];

type Cell = string | Date | null;

async function workbook(rows: Cell[][], sheetName = '从业人员'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function readWorkbook(body: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('从业人员');
  const rows: string[][] = [];
  sheet?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? '')));
  });
  return rows;
}

const paths = spreadsheetPaths('/api/practitioners');

describe('practitioner spreadsheet routes', () => {
  let context: TestContext;
  let wujin: SignedIn;
  let tianning: SignedIn;
  let officer: SignedIn;

  const good = lawyerLicenceNumber(610_001);
  /** A file with two good rows (2 and 9) and one broken row of each kind in between. */
  const brokenRows = (): Cell[][] => [
    [
      '孙立言',
      '律师',
      '湖塘导入律师事务所',
      '专职律师',
      good,
      '2016-03-01',
      '2019-05-06',
      '劳动争议、婚姻家庭',
      '普通话、常州话',
      '13812345678',
      '执业中',
    ],
    [
      '钱短号',
      '律师',
      '湖塘导入律师事务所',
      '专职律师执业证',
      '1320420151012345',
      null,
      null,
      null,
      null,
      null,
      null,
    ],
    [
      '赵外区',
      '律师',
      '天宁导入律师事务所',
      '专职律师执业证',
      lawyerLicenceNumber(610_003),
      null,
      null,
      null,
      null,
      null,
      null,
    ],
    ['李重名', '人民调解员', '同名人民调解委员会', '无', null, null, null, null, null, null, null],
    [
      '周错号',
      '人民调解员',
      '横林导入人民调解委员会',
      '无',
      null,
      null,
      null,
      null,
      null,
      '12345',
      null,
    ],
    ['吴法官', '法官', '横林导入人民调解委员会', '无', null, null, null, null, null, null, null],
    [
      '郑重复',
      '律师',
      '湖塘导入律师事务所',
      '专职律师执业证',
      good,
      null,
      null,
      null,
      null,
      null,
      null,
    ],
    [
      '王和解',
      '调解员',
      '横林导入人民调解委员会',
      null,
      null,
      null,
      null,
      '婚姻家庭',
      '普通话',
      '13900001111',
      null,
    ],
  ];

  beforeAll(async () => {
    context = await createTestContext();
    wujin = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320412' });
    tianning = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320402' });
    officer = await signInStaff(context, {
      roles: ['bureau_staff', 'personal_data_officer'],
      divisionCode: '320412',
    });
    const organizations = context.services.organizations;
    await organizations.createOrganization(
      buildOrganization({ name: '湖塘导入律师事务所', divisionCode: '320412100' }),
    );
    await organizations.createOrganization(
      buildOrganization({
        type: 'mediation_committee',
        name: '横林导入人民调解委员会',
        divisionCode: '320412105',
      }),
    );
    await organizations.createOrganization(
      buildOrganization({ name: '天宁导入律师事务所', divisionCode: '320402001' }),
    );
    for (const divisionCode of ['320412100001', '320412105001']) {
      await organizations.createOrganization(
        buildOrganization({
          type: 'mediation_committee',
          name: '同名人民调解委员会',
          divisionCode,
        }),
      );
    }
  });
  afterAll(() => context.close());

  const importFile = (as: SignedIn | null, body: Buffer, query = '') =>
    context.app.inject({
      method: 'POST',
      url: `${paths.import}${query}`,
      headers: { ...(as?.headers ?? {}), 'content-type': spreadsheetMediaType },
      payload: body,
    });
  const listed = async (query = '') =>
    (
      await context.app.inject({
        method: 'GET',
        url: `/api/practitioners?limit=200${query}`,
        headers: wujin.headers,
      })
    ).json() as { items: Practitioner[]; total: number };

  it('should offer a template with the Chinese headers of the importable columns', async () => {
    const response = await context.app.inject({
      method: 'GET',
      url: paths.template,
      headers: wujin.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(spreadsheetMediaType);
    const [headerRow] = await readWorkbook(response.rawPayload);
    expect(headerRow).toEqual(headers);
    expect(practitionerSheet.columns.map((column) => column.header)).toContain('所在区划');
  });

  it('should report every broken row by row and column and write nothing when all or nothing', async () => {
    const response = await importFile(wujin, await workbook(brokenRows()));
    expect(response.statusCode).toBe(200);
    const result = response.json() as SpreadsheetImportResult;
    expect(result).toMatchObject({
      outcome: 'rejected',
      rows: 8,
      validRows: 2,
      invalidRows: 6,
      imported: 0,
    });
    expect(result.problems).toEqual([
      { row: 3, column: '执业证号', message: '律师执业证号应为以 1 开头的 17 位数字' },
      { row: 4, column: '所在机构', message: '本辖区内没有名为“天宁导入律师事务所”的机构' },
      {
        row: 5,
        column: '所在机构',
        message: expect.stringContaining('有多个名为“同名人民调解委员会”的机构'),
      },
      { row: 6, column: '手机号码', message: '应为 11 位手机号码' },
      { row: 7, column: '人员类别', message: expect.stringContaining('“法官”不是可选值') },
      { row: 8, column: '执业证号', message: '与第 2 行的执业证号重复' },
    ]);
    expect((await listed()).total).toBe(0);
  });

  it('should check without writing when asked for a dry run', async () => {
    const response = await importFile(
      wujin,
      await workbook(brokenRows()),
      '?mode=valid_rows&dryRun=true',
    );
    expect(response.json()).toMatchObject({ outcome: 'checked', imported: 0, validRows: 2 });
    expect((await listed()).total).toBe(0);
  });

  it('should write only the good rows when importing valid rows, with their joining', async () => {
    const response = await importFile(wujin, await workbook(brokenRows()), '?mode=valid_rows');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ outcome: 'imported', imported: 2, invalidRows: 6 });
    const page = await listed();
    expect(page.items.map((item) => item.name).sort()).toEqual(['孙立言', '王和解'].sort());
    const lawyer = page.items.find((item) => item.name === '孙立言')!;
    expect(lawyer).toMatchObject({
      kind: 'lawyer',
      licenceType: 'full_time_lawyer',
      licenceNumber: good,
      practisingSince: '2016-03-01',
      specialties: ['labour', 'marriage_family'],
      languages: ['mandarin', 'wu_dialect'],
      phone: '138****5678',
      divisionCode: '320412100',
    });
    const mediator = page.items.find((item) => item.name === '王和解')!;
    expect(mediator).toMatchObject({ kind: 'mediator', licenceType: 'none', status: 'practising' });
    const moves = (
      await context.app.inject({
        method: 'GET',
        url: `/api/practitioners/${lawyer.id}/moves`,
        headers: wujin.headers,
      })
    ).json() as PractitionerMove[];
    expect(moves).toEqual([
      expect.objectContaining({ fromOrganizationId: null, movedOn: '2019-05-06' }),
    ]);
    const trail = await context.services.audit.search({
      limit: 1,
      offset: 0,
      action: 'practitioner.import',
    });
    expect(trail.items[0]?.detail).toMatchObject({ mode: 'valid_rows', imported: 2 });
  });

  it('should report a licence number already registered when the same rows come again', async () => {
    const response = await importFile(wujin, await workbook([brokenRows()[0]!]));
    expect(response.json()).toMatchObject({
      outcome: 'rejected',
      problems: [{ row: 2, column: '执业证号', message: '该执业证号已登记在其他从业人员名下' }],
    });
  });

  it('should answer 400 when the upload is not a workbook', async () => {
    const response = await importFile(wujin, Buffer.from('姓名,人员类别\n张三,律师\n'));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('文件不是有效的 Excel（.xlsx）文件');
  });

  it('should export the filtered list with masked phones to a user without unmask', async () => {
    const response = await context.app.inject({
      method: 'GET',
      url: `${paths.export}?kind=lawyer`,
      headers: wujin.headers,
    });
    expect(response.statusCode).toBe(200);
    const [header, ...rows] = await readWorkbook(response.rawPayload);
    expect(header).toContain('所在区划');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('孙立言');
    expect(rows[0]).toContain('138****5678');
    expect(rows[0]).toContain('专职律师执业证');
  });

  it('should export full phones to a holder of personal_data.unmask and audit it', async () => {
    const response = await context.app.inject({
      method: 'GET',
      url: paths.export,
      headers: officer.headers,
    });
    const [, ...rows] = await readWorkbook(response.rawPayload);
    expect(rows.flat()).toContain('13812345678');
    const trail = await context.services.audit.search({
      limit: 1,
      offset: 0,
      action: 'personal_data.unmask',
      actorId: officer.accountId,
    });
    expect(trail.items[0]?.detail).toMatchObject({ fields: ['phone'], via: 'export', rows: 2 });
  });

  it('should export none of this district’s practitioners to a user of another district', async () => {
    const response = await context.app.inject({
      method: 'GET',
      url: paths.export,
      headers: tianning.headers,
    });
    const [, ...rows] = await readWorkbook(response.rawPayload);
    expect(rows).toEqual([]);
  });

  it('should answer 400 naming the filter when the export filter is unknown', async () => {
    const response = await context.app.inject({
      method: 'GET',
      url: `${paths.export}?kind=judge`,
      headers: wujin.headers,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('querystring.kind');
  });
});
