import { expect } from '@playwright/test';
import { selectOption, signedInTest } from './helpers.js';
import type { Page as ApiPage } from '../../src/contracts/common.js';
import type { Organization } from '../../src/contracts/organizations.js';

// Every page opens signed in as a Wujin district bureau staff member.
const test = signedInTest('wujin');

test.describe('console', () => {
  test('should show the counts the API reports when the overview opens', async ({ page }) => {
    // The page's own session: what a signed-in user may count is what the overview shows.
    const request = page.request;
    const all = (await (
      await request.get('/api/organizations?limit=1')
    ).json()) as ApiPage<Organization>;
    const stations = (await (
      await request.get('/api/organizations?type=legal_aid_station&limit=1')
    ).json()) as ApiPage<Organization>;
    expect(all.total).toBeGreaterThan(0);

    await page.goto('/console');

    const totalCard = page.locator('.ant-card').filter({ hasText: '服务机构总数' });
    await expect(totalCard).toContainText(String(all.total));
    const stationRow = page.getByRole('row', { name: /^法律援助工作站/ });
    await expect(stationRow).toContainText(String(stations.total));
    await expect(page.getByText('武进区行政区划')).toBeVisible();
  });

  test('should list organizations and open one in a drawer when its row is clicked', async ({
    page,
  }) => {
    await page.goto('/console/organizations');
    await expect(page.getByRole('row', { name: /武进区法律援助中心 法律援助中心/ })).toBeVisible();

    await page.getByRole('combobox', { name: '机构类型' }).click();
    await selectOption(page, '律师事务所').click();
    await expect(page).toHaveURL(/type=law_firm/);
    // Other specs may add firms to the shared database: check the seeded ones, and that the filter
    // left only law firms.
    await expect(page.getByRole('row', { name: /江苏常武律师事务所/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /江苏延陵律师事务所/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /法律援助中心/ })).toHaveCount(0);

    await page.getByRole('row', { name: /江苏常武律师事务所/ }).click();
    const drawer = page.getByRole('dialog');
    await expect(drawer).toContainText('常州市武进区湖塘镇花园街88号');
    await expect(drawer).toContainText('江苏省 / 常州市 / 武进区 / 湖塘镇');
    await expect(drawer).toContainText('周六 09:00–12:00');
  });

  test('should drill down from the province to villages when division rows are clicked', async ({
    page,
  }) => {
    await page.goto('/console/divisions');
    for (const name of ['江苏省', '常州市', '武进区', '湖塘镇']) {
      await page.getByRole('link', { name, exact: true }).click();
      await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
    }

    await expect(page).toHaveURL(/\/console\/divisions\/320412100$/);
    await expect(page.getByRole('link', { name: '南街社区居委会' })).toBeVisible();
    const breadcrumb = page.getByRole('navigation').filter({ hasText: '全国' });
    await expect(breadcrumb).toContainText('江苏省');
    await expect(breadcrumb).toContainText('武进区');
    await expect(page.getByText('镇（街道）', { exact: true })).toBeVisible();
    await expect(page.getByText('暂无变更记录')).toBeVisible();
  });

  test('should show the console in English when the language is switched', async ({ page }) => {
    await page.goto('/console');
    await page.getByRole('button', { name: 'EN' }).click();
    await expect(page.getByRole('menuitem', { name: 'Organizations' })).toBeVisible();
    await expect(page.getByText('Organizations by type')).toBeVisible();
  });
});
