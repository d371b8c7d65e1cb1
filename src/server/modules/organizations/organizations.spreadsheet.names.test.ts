import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/app.js';
import { signInStaff, type SignedIn } from '../../../../test/helpers/auth.js';
import {
  createPostgresTestDatabase,
  describeOnPostgres,
} from '../../../../test/helpers/database.js';
import type { SpreadsheetImportResult } from '../../../contracts/spreadsheets.js';
import { spreadsheetMediaType, spreadsheetPaths } from '../../../contracts/spreadsheets.js';

/** More distinct names than the directory's list route answers in one page (200). */
const NAME_COUNT = 250;
/**
 * A name that is part of every other name, placed last in the directory's order (by division):
 * a text search for it finds all 250, so the exact one is not among its first 200 hits.
 */
const sharedName = '批量法律援助工作站';
const stations = Array.from({ length: NAME_COUNT }, (_, index) =>
  index === 0
    ? { name: sharedName, divisionCode: '320412105' }
    : { name: `${sharedName}${index}`, divisionCode: '320412100' },
);
const stationNames = stations.map((station) => station.name);

async function workbook(sheetName: string, rows: Array<Record<string, string>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  const headers = Object.keys(rows[0] ?? {});
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((header) => row[header]));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Every importer resolves names through one scoped lookup, however many names a file holds. */
function describeNameLookups(engine: string, open: () => Promise<TestContext>) {
  describe(`organization names in imports (${engine})`, () => {
    let context: TestContext;
    let staff: SignedIn;

    const importFile = async (list: string, body: Buffer) => {
      const response = await context.app.inject({
        method: 'POST',
        url: spreadsheetPaths(list).import,
        headers: { ...staff.headers, 'content-type': spreadsheetMediaType },
        payload: body,
      });
      expect(response.statusCode).toBe(200);
      return response.json() as SpreadsheetImportResult;
    };

    beforeAll(async () => {
      context = await open();
      staff = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320412' });
      const rows = stations.map(({ name, divisionCode }) => ({
        机构名称: name,
        机构类型: '法律援助工作站',
        行政区划代码: divisionCode,
      }));
      const created = await importFile('/api/organizations', await workbook('机构', rows));
      expect(created).toMatchObject({ outcome: 'imported', imported: NAME_COUNT });
    });
    afterAll(() => context.close());

    it('should find every parent when an organization import names more than 200 existing ones', async () => {
      const rooms = stationNames.map((name, index) => ({
        机构名称: `批量公共法律服务工作室${index}`,
        机构类型: '公共法律服务工作室',
        上级机构: name,
        行政区划代码: '320412100001',
      }));
      const result = await importFile('/api/organizations', await workbook('机构', rooms));
      expect(result).toMatchObject({ outcome: 'imported', imported: NAME_COUNT, problems: [] });
    });

    it('should find every organization when a practitioner import names more than 200', async () => {
      const practitioners = stationNames.map((name, index) => ({
        姓名: `调解员${index}`,
        人员类别: '人民调解员',
        所在机构: name,
        执业证类型: '无',
      }));
      const result = await importFile(
        '/api/practitioners',
        await workbook('从业人员', practitioners),
      );
      expect(result).toMatchObject({ outcome: 'imported', imported: NAME_COUNT, problems: [] });
    });

    it('should find every station when a volunteer import names more than 200', async () => {
      const volunteers = stationNames.map((name, index) => ({
        姓名: `志愿者${index}`,
        类别: '高校毕业生',
        服务站点: name,
      }));
      const result = await importFile('/api/volunteers', await workbook('志愿者', volunteers));
      expect(result).toMatchObject({ outcome: 'imported', imported: NAME_COUNT, problems: [] });
    });
  });
}

describeNameLookups('PGlite', () => createTestContext());

describeOnPostgres('on PostgreSQL', () => {
  describeNameLookups('PostgreSQL', async () =>
    createTestContext({ database: await createPostgresTestDatabase() }),
  );
});
