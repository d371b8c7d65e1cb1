import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/app.js';
import { buildOrganization } from '../../../../test/helpers/factories.js';
import { newOrganizationSchema } from '../../../contracts/organizations.js';
import type { Actor } from '../../platform/access/actor.js';
import {
  SpreadsheetProblems,
  type SpreadsheetImportContext,
  type SpreadsheetRow,
} from '../../platform/files/spreadsheet/index.js';
import {
  organizationsSpreadsheet,
  looksLikePhone,
  organizationSheet,
  type OrganizationSheetValues,
} from './organizations.spreadsheet.js';

describe('organization sheet', () => {
  it('should have a column for every field a new organization takes, apart from the ones it cannot hold', () => {
    const keys = new Set(organizationSheet.columns.map((column) => column.key as string));
    const notInSheet = ['parentId', 'hoursExceptions'];
    const missing = Object.keys(newOrganizationSchema.shape).filter(
      (field) => !keys.has(field) && !notInSheet.includes(field),
    );
    expect(missing).toEqual([]);
  });

  it('should tell phone numbers from other text', () => {
    for (const phone of [
      '0519-86000000',
      '13800000000',
      '12348',
      '(0519) 8600 0000',
      '0519-86000000转8001',
      '0519-86000000、86000001',
      '＋86 138 0000 0000',
    ]) {
      expect(looksLikePhone(phone), phone).toBe(true);
    }
    for (const text of [
      '请致电办公室',
      'abc',
      '12',
      '1380000000',
      '138000000000',
      '0519-8600000a',
    ]) {
      expect(looksLikePhone(text), text).toBe(false);
    }
  });
});

describe('organization import rules', () => {
  let context: TestContext;
  let spreadsheet: ReturnType<typeof organizationsSpreadsheet>;
  const actor = (divisionPrefix: string): Actor => ({
    accountId: '00000000-0000-4000-8000-000000000001',
    kind: 'staff',
    displayName: '测试',
    organizationId: null,
    roles: ['bureau_staff'],
    permissions: new Set(['organizations.manage']),
    scope: { level: 'district', divisionPrefix },
    sessionId: 'session',
    restriction: null,
  });
  const importContext = (
    mode: SpreadsheetImportContext['mode'] = 'all_or_nothing',
  ): SpreadsheetImportContext => ({
    origin: { actor: actor('320412'), ip: '127.0.0.1' },
    locale: 'zh-CN',
    mode,
    file: { sha256: 'a'.repeat(64), bytes: 1 },
  });

  beforeAll(async () => {
    context = await createTestContext();
    spreadsheet = organizationsSpreadsheet({
      organizations: context.services.organizations,
      divisions: context.services.divisions,
      audit: context.services.audit,
      now: () => new Date('2026-11-24T02:00:00Z'),
    });
    await context.services.organizations.createOrganization(
      buildOrganization({ type: 'justice_bureau', name: '同名司法局', divisionCode: '320412' }),
    );
    await context.services.organizations.createOrganization(
      buildOrganization({ type: 'justice_bureau', name: '同名司法局', divisionCode: '320412100' }),
    );
    await context.services.organizations.createOrganization(
      buildOrganization({ type: 'justice_bureau', name: '同名司法局', divisionCode: '320412105' }),
    );
  });
  afterAll(() => context.close());

  const row = (
    number: number,
    values: OrganizationSheetValues,
  ): SpreadsheetRow<OrganizationSheetValues> => ({
    row: number,
    values: { type: 'service_station', divisionCode: '320412100001', ...values },
  });

  async function prepare(
    rows: SpreadsheetRow<OrganizationSheetValues>[],
    mode?: SpreadsheetImportContext['mode'],
  ) {
    const problems = new SpreadsheetProblems(organizationSheet, 'zh-CN');
    const prepared = await spreadsheet.importer.prepare(rows, problems, importContext(mode));
    return { prepared, problems: problems.sorted() };
  }

  it('should take the parent whose division holds the row most closely when names repeat', async () => {
    const { prepared, problems } = await prepare([
      row(2, { name: '湖塘村工作站', parentName: '同名司法局' }),
      row(3, { name: '花园社区工作站', divisionCode: '320412100002', parentName: '同名司法局' }),
      row(4, { name: '区级工作站', divisionCode: '320412', parentName: '同名司法局' }),
    ]);
    expect(problems).toEqual([]);
    const parents = await Promise.all(
      prepared.map(
        async ({ record }) =>
          (await context.services.organizations.getOrganization(record.parentId as string))
            .divisionCode,
      ),
    );
    expect(parents).toEqual(['320412100', '320412100', '320412']);
  });

  it('should order rows after the rows they name as parents', async () => {
    const { prepared, problems } = await prepare([
      row(2, { name: '村级室', parentName: '镇级站' }),
      row(3, { name: '镇级站', divisionCode: '320412100', parentName: '区级中心' }),
      row(4, { name: '区级中心', divisionCode: '320412' }),
    ]);
    expect(problems).toEqual([]);
    expect(prepared.map((entry) => entry.row)).toEqual([4, 3, 2]);
    const byRow = new Map(prepared.map((entry) => [entry.row, entry.record]));
    expect(byRow.get(2)?.parentId).toBe(byRow.get(3)?.id);
    expect(byRow.get(3)?.parentId).toBe(byRow.get(4)?.id);
  });

  it('should refuse loops, self-parents and ambiguous parents', async () => {
    const { problems } = await prepare([
      row(2, { name: '甲站', parentName: '乙站' }),
      row(3, { name: '乙站', parentName: '甲站' }),
      row(4, { name: '自己站', parentName: '自己站' }),
      row(5, { name: '横林村站', divisionCode: '320402001001', parentName: '甲站' }),
    ]);
    expect(problems).toEqual([
      { row: 2, column: '上级机构', message: '上级机构关系循环引用' },
      { row: 3, column: '上级机构', message: '上级机构关系循环引用' },
      { row: 4, column: '上级机构', message: '上级机构不能是自身' },
      { row: 5, column: '行政区划代码', message: '只能选择本辖区内的行政区划' },
    ]);
    const ambiguous = await prepare([
      row(2, { name: '双名站', divisionCode: '320412100001' }),
      row(3, { name: '双名站', divisionCode: '320412105001' }),
      row(4, { name: '区级中心', divisionCode: '320412', parentName: '双名站' }),
    ]);
    expect(ambiguous.problems).toEqual([
      {
        row: 4,
        column: '上级机构',
        message: '有多个名为“双名站”的机构，无法确定上级机构；请先修改其中一个的名称',
      },
    ]);
  });

  it('should skip the children of a bad parent row in valid-rows mode', async () => {
    const { prepared, problems } = await prepare(
      [
        row(2, { name: '坏中心', divisionCode: '999999' }),
        row(3, { name: '子站', parentName: '坏中心' }),
        row(4, { name: '孙室', parentName: '子站' }),
        row(5, { name: '好站' }),
      ],
      'valid_rows',
    );
    expect(prepared.map((entry) => entry.row)).toEqual([5]);
    expect(problems.map((problem) => [problem.row, problem.column])).toEqual([
      [2, '行政区划代码'],
      [3, '上级机构'],
      [4, '上级机构'],
    ]);
    expect(problems[2]?.message).toBe('上级机构“子站”所在的第 3 行有误');
  });

  it('should date the status like the editor when the sheet leaves it empty', async () => {
    const { prepared } = await prepare([
      row(2, { name: '新开站', establishedOn: '2020-01-02' }),
      row(3, { name: '停用站', status: 'suspended' }),
      row(4, { name: '有日期站', status: 'closed', statusSince: '2025-12-31' }),
    ]);
    expect(prepared.map((entry) => entry.record.statusSince)).toEqual([
      '2020-01-02',
      '2026-11-24',
      '2025-12-31',
    ]);
  });
});
