import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { selectOption, signedInTest } from './helpers.js';

// A Wujin district bureau staff member, who may manage the district's volunteers.
const test = signedInTest('wujin');

const workstation = '武进区法律援助中心湖塘镇工作站';

/**
 * Picks a value of an antd Select, retried until the select shows it: a click that lands while
 * the drawer is still moving in can miss the option.
 */
async function choose(page: Page, combobox: ReturnType<Page['getByRole']>, label: string) {
  const select = combobox.locator(
    `xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]`,
  );
  await expect(async () => {
    await combobox.click();
    await selectOption(page, label).click({ timeout: 2_000 });
    await expect(select).toContainText(label, { timeout: 1_000 });
  }).toPass();
}

test.describe('console volunteers', () => {
  test('should register a retired judge at a workstation, log 3.5 hours and a training, and show the total', async ({
    page,
  }) => {
    // Three forms and two tabs: more steps than most specs.
    test.slow();
    const stamp = Date.now().toString();
    const name = `周法官${stamp.slice(-5)}`;
    await page.goto('/console/volunteers');
    await expect(page.getByRole('heading', { name: '志愿者', level: 1 })).toBeVisible();

    await page.getByRole('button', { name: '登记志愿者' }).click();
    const form = page.getByRole('dialog', { name: '登记志愿者' });
    await form.getByLabel('姓名').fill(name);
    await choose(page, form.getByRole('combobox', { name: '类别' }), '退休法官');
    await form.getByLabel('手机号').fill(`139${stamp.slice(-8)}`);
    const station = form.getByRole('combobox', { name: '搜索并选择服务站点（如法律援助工作站）' });
    const stationItem = form.locator('.ant-form-item').filter({
      has: page.getByRole('combobox', { name: '搜索并选择服务站点（如法律援助工作站）' }),
    });
    await expect(async () => {
      await station.click();
      await station.fill('湖塘镇工作站');
      await selectOption(page, workstation).click({ timeout: 2_000 });
      await expect(stationItem).toContainText(workstation, { timeout: 1_000 });
    }).toPass();
    await choose(page, form.getByRole('combobox', { name: '专长' }), '婚姻家庭');
    await form.getByLabel('姓名').click();
    await form.getByRole('switch', { name: '周二办公' }).click();
    await form.getByRole('button', { name: '登记', exact: true }).click();
    await expect(page.getByText('志愿者已登记')).toBeVisible();

    // The new volunteer's record opens: log a shift, then a training.
    const drawer = page.getByRole('dialog', { name });
    await expect(drawer).toContainText(workstation);
    await expect(drawer).toContainText(/139\*{4}\d{4}/);
    await drawer.getByRole('tab', { name: '服务时长' }).click();
    await drawer.getByLabel('时长（小时）').fill('3.5');
    await drawer.getByLabel('服务内容').fill('接待来访群众法律咨询');
    await drawer.getByRole('button', { name: '登记时长' }).click();
    await expect(page.getByText('已登记 3.5 小时')).toBeVisible();
    await expect(drawer.getByRole('row', { name: /接待来访群众法律咨询/ })).toContainText(
      workstation,
    );
    await expect(drawer).toContainText('3.5 小时');

    await drawer.getByRole('tab', { name: '培训、表彰与保障' }).click();
    await drawer.getByLabel('名称').fill('法律援助志愿者岗前培训');
    await drawer.getByLabel('组织、颁发或承保单位').fill('武进区司法局');
    await drawer.getByLabel('培训学时').fill('6');
    await drawer.getByRole('button', { name: '添加记录' }).click();
    await expect(page.getByText('记录已添加')).toBeVisible();
    await expect(drawer.getByRole('row', { name: /法律援助志愿者岗前培训/ })).toContainText('培训');

    // The list shows the hours served.
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await page.getByRole('searchbox', { name: '搜索姓名或完整手机号' }).fill(name);
    await page.getByRole('searchbox', { name: '搜索姓名或完整手机号' }).press('Enter');
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('退休法官');
    await expect(row).toContainText(workstation);
    await expect(row).toContainText('3.5 小时');
  });

  test('should list the seeded partners with their workstation agreements', async ({ page }) => {
    await page.goto('/console/partners');
    const office = page.getByRole('row', { name: /武进区文明办/ });
    await expect(office).toContainText('文明办');
    await page.getByRole('row', { name: /武进区春晖志愿服务中心/ }).click();
    const drawer = page.getByRole('dialog', { name: '武进区春晖志愿服务中心' });
    await expect(drawer).toContainText('湖塘镇法律援助工作站志愿服务共建协议');
    await expect(drawer).toContainText(workstation);
  });
});
