import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect } from '@playwright/test';
import { signedInTest } from './helpers.js';

// A Wujin district bureau staff member, who may manage the district's organizations.
const test = signedInTest('wujin');

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test.describe('console Excel import', () => {
  test('should report the bad row by row and column and import only the good rows when asked', async ({
    page,
  }) => {
    const name = `表格导入测试工作站${Date.now().toString(36)}`;
    await page.goto('/console/organizations');

    // The template, as the bureau downloads it.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载导入模板' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('机构导入模板.xlsx');
    const template = await readFile((await download.path()) as string);

    // Filled in: one good row and one with a type that does not exist.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('机构') as ExcelJS.Worksheet;
    const headers = Array.from(sheet.getRow(1).values as unknown[], String).slice(1);
    const row = (values: Record<string, string | number>) =>
      sheet.addRow(headers.map((header) => values[header] ?? null));
    row({
      机构名称: name,
      机构类型: '公共法律服务工作站',
      行政区划代码: '320412100',
      地址: '常州市武进区湖塘镇表格路1号',
      联系电话: '0519-86001234',
      办公时间: '周一至周五 08:30-12:00,13:30-17:30',
      服务项目: '法律咨询、人民调解',
    });
    row({ 机构名称: `${name}（错行）`, 机构类型: '律所', 行政区划代码: '320412100' });
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());

    await page.getByRole('button', { name: '导入 Excel' }).click();
    const dialog = page.getByRole('dialog', { name: '从 Excel 导入' });
    await dialog.locator('input[type=file]').setInputFiles({
      name: '机构导入.xlsx',
      mimeType: xlsx,
      buffer: filled,
    });

    await expect(dialog).toContainText('共 2 行，其中 1 行有误，未导入任何数据');
    const problem = dialog.getByRole('row', { name: /3 机构类型 “律所”不是可选值/ });
    await expect(problem).toBeVisible();

    await dialog.getByRole('button', { name: /只导入无误的行/ }).click();
    await expect(dialog).toContainText('已导入无误的 1 条，跳过有误的 1 行');
    await dialog.getByRole('button', { name: '完成' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('searchbox', { name: '搜索名称或地址' }).fill(name);
    await page.getByRole('searchbox', { name: '搜索名称或地址' }).press('Enter');
    await expect(
      page.getByRole('row', { name: new RegExp(`${name} 公共法律服务工作站 湖塘镇`) }),
    ).toBeVisible();
    await expect(page.getByRole('row', { name: /（错行）/ })).toHaveCount(0);
  });

  test('should export the filtered list as a workbook', async ({ page }) => {
    await page.goto('/console/organizations?type=legal_aid_station');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^机构-\d{8}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await readFile((await download.path()) as string)) as unknown as ExcelJS.Buffer,
    );
    const sheet = workbook.getWorksheet('机构') as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBeGreaterThan(1);
    const typeColumn = Array.from(sheet.getRow(1).values as unknown[], String).indexOf('机构类型');
    sheet.eachRow((sheetRow, number) => {
      if (number > 1) expect(sheetRow.getCell(typeColumn).value).toBe('法律援助工作站');
    });
  });
});
