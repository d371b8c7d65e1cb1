import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { selectOption } from './helpers.js';

/** How many organizations the directory holds for a filter; the demo directory is large, so ask. */
async function organizationCount(page: Page, filter: string): Promise<number> {
  const response = await page.request.get(`/api/organizations?${filter}&limit=1`);
  return ((await response.json()) as { total: number }).total;
}

test.describe('portal', () => {
  test('should show the organization with its address when it is found by search', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('searchbox').fill('武进区法律援助中心');
    await page.getByRole('button', { name: '搜索' }).click();

    await expect(page).toHaveURL(/\/services\?q=/);
    const result = page.getByRole('link', { name: /^武进区法律援助中心 法律援助中心/ });
    await expect(result).toBeVisible();
    await result.click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('武进区法律援助中心');
    await expect(page.getByText('常州市武进区湖塘镇人民中路168号一楼')).toBeVisible();
    await expect(page.getByRole('link', { name: '0519-86312348', exact: true })).toHaveAttribute(
      'href',
      'tel:0519-86312348',
    );
    await expect(page.getByText('周一至周四')).toBeVisible();
    await expect(page.getByRole('link', { name: '江苏省' })).toBeVisible();
  });

  test('should list only the organizations of a township when a division is chosen', async ({
    page,
  }) => {
    await page.goto('/services');
    await expect(page.getByRole('link', { name: /^常州市司法局/ })).toBeVisible();

    await page.getByRole('combobox', { name: '镇（街道）' }).click();
    await selectOption(page, '湖塘镇').click();

    await expect(page).toHaveURL(/division=320412100\b/);
    await expect(
      page.getByText(`共找到 ${await organizationCount(page, 'division=320412100')} 家机构`),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: /^常州市司法局/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /^江苏常武律师事务所/ })).toBeVisible();

    await page.getByRole('combobox', { name: '村（社区）' }).click();
    await selectOption(page, '南街社区居委会').click();
    await expect(page).toHaveURL(/division=320412100002\b/);
    await expect(page.getByText('没有找到符合条件的机构')).toBeVisible();
  });

  test('should narrow the directory to one type when a service entry is chosen', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('link', { name: '律师事务所' }).click();

    await expect(page).toHaveURL(/type=law_firm/);
    await expect(
      page.getByText(`共找到 ${await organizationCount(page, 'type=law_firm')} 家机构`),
    ).toBeVisible();
  });

  test('should reach a district and its organizations when browsing by area', async ({ page }) => {
    await page.goto('/areas');
    await page.getByRole('link', { name: /^江苏省/ }).click();
    await page.getByRole('link', { name: /^常州市/ }).click();
    await page.getByRole('link', { name: /^武进区/ }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('武进区');
    await expect(page.getByRole('link', { name: /^湖塘镇/ })).toBeVisible();
    await page.getByRole('link', { name: /查看本地区的服务机构/ }).click();
    await expect(page).toHaveURL(/\/services\?division=320412$/);
    await expect(page.getByRole('link', { name: /^武进区法律援助中心 / })).toBeVisible();
  });

  test('should show the portal in English when the language is switched', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'EN' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Public legal services near you',
    );
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');

    // The choice is remembered across visits.
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: 'Services' }).first().click();
    await expect(page.getByRole('heading', { name: 'Service directory' })).toBeVisible();
    await expect(page.getByText('Justice bureau', { exact: true }).first()).toBeVisible();
  });

  test('should say the organization is missing when its link leads nowhere', async ({ page }) => {
    await page.goto('/services/00000000-0000-4000-8000-000000000000');
    await expect(page.getByText('未找到该机构，可能已撤销或链接有误。')).toBeVisible();
  });
});
