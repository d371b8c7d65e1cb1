import { expect } from '@playwright/test';
import { signedInTest } from './helpers.js';

// A Wujin district bureau staff member, who plans the district's legal aid workstations.
const test = signedInTest('wujin');

test.describe('console coverage', () => {
  test('should show the district’s workstations and townships and a township’s villages with distances when a planner opens coverage', async ({
    page,
  }) => {
    await page.goto('/console');
    await page.getByRole('menuitem', { name: '服务覆盖' }).click();
    await expect(page).toHaveURL(/\/console\/coverage$/);
    await expect(page.getByRole('heading', { name: '服务覆盖', level: 1 })).toBeVisible();

    // The caller's own district by default: the seed's 17 workstations, 7 opened this year.
    await expect(page.getByText('江苏省 / 常州市 / 武进区')).toBeVisible();
    const stat = (key: string) => page.locator(`.coverage-stat[data-stat="${key}"]`);
    await expect(stat('townships')).toContainText('18');
    await expect(stat('workstations')).toContainText('17');
    await expect(stat('opened')).toContainText('2026 年新建工作站');
    await expect(stat('opened')).toContainText('7');

    const townships = page
      .locator('.ant-card')
      .filter({ has: page.getByText('各镇（街道）覆盖情况') })
      .locator('tr.ant-table-row-level-0');
    await expect(townships).toHaveCount(18);
    // The lake resort has no workstation of its own and is flagged.
    await expect(townships.filter({ hasText: '太湖旅游度假区' })).toContainText('无工作站');

    const stations = page.locator('.coverage-stations tbody tr.ant-table-row');
    await expect(stations).toHaveCount(17);
    await expect(stations.filter({ hasText: '武进区信访局' })).toContainText('今年新建');

    await townships.filter({ hasText: '湖塘镇' }).click();
    const villages = page.locator('.coverage-villages tbody tr.ant-table-row');
    const village = villages.filter({ hasText: '南街社区居委会' });
    await expect(village).toContainText('武进区法律援助中心湖塘镇工作站');
    await expect(village).toContainText(/\d+(\.\d)? 公里/);
    expect(await villages.count()).toBeGreaterThan(20);

    await expect(page.getByRole('region', { name: '服务覆盖地图' })).toBeVisible();
    await expect(page.locator('.coverage-map path.coverage-workstation')).toHaveCount(17);
  });

  test('should flag more villages when the reach is narrowed', async ({ page }) => {
    await page.goto('/console/coverage?withinKm=1');
    const beyond = page.locator('.coverage-stat[data-stat="beyond"]');
    await expect(beyond).toContainText('超出 1 公里的村（社区）');
    const narrow = Number(
      (await beyond.locator('.ant-statistic-content-value').innerText()).trim(),
    );

    await page.getByRole('spinbutton', { name: '服务半径' }).fill('20');
    await expect(page).toHaveURL(/withinKm=20/);
    await expect(beyond).toContainText('超出 20 公里的村（社区）');
    const wide = Number((await beyond.locator('.ant-statistic-content-value').innerText()).trim());
    expect(narrow).toBeGreaterThan(wide);
  });
});
