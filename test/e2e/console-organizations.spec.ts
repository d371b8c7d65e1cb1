import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { selectOption, signedInTest } from './helpers.js';
import type { Page as ApiPage } from '../../src/contracts/common.js';
import type { Organization } from '../../src/contracts/organizations.js';

// A Wujin district bureau staff member, who may manage the district's organizations.
const test = signedInTest('wujin');

/**
 * Opens the division cascader of the open form and walks down to `names.at(-1)`; each step is
 * retried until its item is the active one, as the menu may still be moving in.
 */
async function chooseDivision(page: Page, names: string[]) {
  await page.getByRole('dialog').getByRole('combobox', { name: '所属区划' }).click();
  const menu = page.locator('.ant-cascader-dropdown:visible');
  for (const name of names) {
    const item = menu.getByTitle(name, { exact: true });
    await expect(async () => {
      await item.click({ timeout: 2_000 });
      await expect(item).toHaveClass(/ant-cascader-menu-item-active/, { timeout: 1_000 });
    }).toPass();
  }
}

/** Picks the type of the open creation form; retried, as the modal may still be moving in. */
async function chooseType(page: Page, label: string) {
  const form = page.getByRole('dialog', { name: '新增机构' });
  const item = form.locator('.ant-form-item').filter({ hasText: '机构类型' });
  await expect(async () => {
    await form.getByRole('combobox', { name: '机构类型' }).click();
    await selectOption(page, label).click({ timeout: 2_000 });
    await expect(item).toContainText(label, { timeout: 1_000 });
  }).toPass();
}

/**
 * Picks `label` in the select `field` of `form`, retried until the field shows it: a click that
 * lands while the modal is still moving in can miss the option.
 */
async function choose(page: Page, form: Locator, field: string, label: string) {
  const combobox = form.getByRole('combobox', { name: field });
  // `has` is matched inside each form item, so it names the combobox from the page, not the form.
  const item = form
    .locator('.ant-form-item')
    .filter({ has: page.getByRole('combobox', { name: field }) });
  await expect(async () => {
    await combobox.click();
    await selectOption(page, label).click({ timeout: 2_000 });
    await expect(item).toContainText(label, { timeout: 1_000 });
  }).toPass();
}

test.describe('console organizations', () => {
  test('should create a law firm, edit its phone and reload a stale edit when a manager fills the forms', async ({
    page,
  }) => {
    const name = `测试律师事务所${Date.now().toString(36)}`;
    await page.goto('/console/organizations');

    await page.getByRole('button', { name: '新增机构' }).click();
    const form = page.getByRole('dialog', { name: '新增机构' });
    await chooseType(page, '律师事务所');
    await form.getByLabel('名称').fill(name);
    await chooseDivision(page, ['江苏省', '常州市', '武进区', '湖塘镇']);
    await form.getByLabel('地址').fill('常州市武进区湖塘镇测试路1号');
    await form.getByLabel('电话').fill('0519-86000001');
    await form.getByRole('switch', { name: '周一办公' }).click();
    await form.getByRole('textbox', { name: '周一第 1 时段开始' }).fill('08:30');
    await form.getByRole('button', { name: '将周一复制到周二至周五' }).click();
    await form.getByRole('switch', { name: '周六办公' }).click();
    await form.getByRole('textbox', { name: '周六第 1 时段结束' }).fill('12:00');
    await form.getByRole('button', { name: '创建' }).click();
    await expect(page.getByText('机构已创建')).toBeVisible();
    await expect(form).toBeHidden();

    await page.getByRole('searchbox', { name: '搜索名称或地址' }).fill(name);
    await page.getByRole('searchbox', { name: '搜索名称或地址' }).press('Enter');
    const row = page.getByRole('row', { name: new RegExp(`${name} 律师事务所 湖塘镇`) });
    await expect(row).toBeVisible();
    await expect(row).toContainText('0519-86000001');

    await row.click();
    const drawer = page.getByRole('dialog', { name });
    await expect(drawer).toContainText('江苏省 / 常州市 / 武进区 / 湖塘镇');
    await expect(drawer).toContainText('周一至周五 08:30–17:00');
    await expect(drawer).toContainText('周六 09:00–12:00');

    await drawer.getByRole('button', { name: '编辑' }).click();
    const editor = page.getByRole('dialog', { name: `编辑机构：${name}` });
    await expect(editor.getByLabel('电话')).toHaveValue('0519-86000001');
    await editor.getByLabel('电话').fill('0519-86009999');
    await editor.getByRole('button', { name: '保存' }).click();
    await expect(editor).toBeHidden();
    await expect(drawer).toContainText('0519-86009999');
    await expect(drawer).toContainText('周一至周五 08:30–17:00');
    await expect(row).toContainText('0519-86009999');

    // Someone else changes the record while the editor is open: the save is refused as stale
    // and the form reloads what is stored now.
    await drawer.getByRole('button', { name: '编辑' }).click();
    await editor.getByLabel('地址').fill('常州市武进区湖塘镇测试路2号');
    const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const list = (await (
      await page.request.get(`/api/organizations?q=${encodeURIComponent(name)}`)
    ).json()) as ApiPage<Organization>;
    const stored = list.items[0];
    if (!stored) throw new Error(`${name} was not found through the API`);
    const patched = await page.request.patch(`/api/organizations/${stored.id}`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { phone: '0519-86007777', version: stored.version },
    });
    expect(patched.status()).toBe(200);
    await editor.getByRole('button', { name: '保存' }).click();
    await expect(editor.getByRole('alert')).toContainText('该记录刚被其他人修改过');
    await expect(editor.getByLabel('电话')).toHaveValue('0519-86007777');
    await expect(editor.getByLabel('地址')).toHaveValue('常州市武进区湖塘镇测试路1号');
  });

  test('should show the division error on its field when the division is outside the district', async ({
    page,
  }) => {
    await page.goto('/console/organizations');
    await page.getByRole('button', { name: '新增机构' }).click();
    const form = page.getByRole('dialog', { name: '新增机构' });
    await chooseType(page, '律师事务所');
    await form.getByLabel('名称').fill(`区外律师事务所${Date.now().toString(36)}`);
    await chooseDivision(page, ['江苏省']);
    await form.getByLabel('名称').click();
    await form.getByRole('button', { name: '创建' }).click();

    const divisionItem = form.locator('.ant-form-item').filter({ hasText: '所属区划' });
    await expect(divisionItem.locator('.ant-form-item-explain-error')).toBeVisible();
    await expect(form).toBeVisible();
  });

  test('should record a workstation’s public details and photo when a manager fills them in', async ({
    page,
  }) => {
    const name = `测试法律援助工作站${Date.now().toString(36)}`;
    await page.goto('/console/organizations');
    await page.getByRole('button', { name: '新增机构' }).click();
    const form = page.getByRole('dialog', { name: '新增机构' });
    await chooseType(page, '法律援助工作站');
    await form.getByLabel('名称', { exact: true }).fill(name);
    await chooseDivision(page, ['江苏省', '常州市', '武进区', '湖塘镇']);
    await form.getByLabel('地址').fill('常州市武进区湖塘镇花园村村委会');

    await form.getByRole('button', { name: '添加特殊安排' }).click();
    const newYear = `${new Date().getFullYear() + 1}-01-01`;
    await form.getByLabel('特殊安排日期').fill(newYear);
    await form.getByRole('textbox', { name: `${newYear}说明` }).fill('元旦休息');

    await choose(page, form, '服务项目', '法律咨询');
    await choose(page, form, '服务项目', '人民调解');
    await form.getByLabel('到达方式').fill('村委会一楼法律服务室');
    await form.getByRole('switch', { name: '提供上门服务' }).click();

    // The workstation section appears for this type only.
    await choose(page, form, '依托单位类型', '村（居）委会');
    await form.getByLabel('依托单位名称').fill('花园村村民委员会');
    await form.getByRole('button', { name: '创建' }).click();
    await expect(page.getByText('机构已创建')).toBeVisible();

    await page.getByRole('searchbox', { name: '搜索名称或地址' }).fill(name);
    await page.getByRole('searchbox', { name: '搜索名称或地址' }).press('Enter');
    await page.getByRole('row', { name: new RegExp(name) }).click();
    const drawer = page.getByRole('dialog', { name });
    await expect(drawer).toContainText('法律咨询');
    await expect(drawer).toContainText('人民调解');
    await expect(drawer).toContainText('元旦休息');
    await expect(drawer).toContainText('村（居）委会 · 花园村村民委员会');
    await expect(drawer).toContainText('村委会一楼法律服务室');

    await drawer.locator('input[type=file]').setInputFiles({
      name: 'entrance.png',
      mimeType: 'image/png',
      buffer: Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
        'base64',
      ),
    });
    await expect(page.getByText('照片已上传')).toBeVisible();
    const caption = drawer.getByRole('textbox', { name: '第 1 张照片的说明' });
    await caption.fill('工作站门口');
    await caption.press('Enter');
    await expect(page.getByText('已保存', { exact: true })).toBeVisible();

    // The public page shows what the manager entered.
    const list = (await (
      await page.request.get(`/api/organizations?q=${encodeURIComponent(name)}`)
    ).json()) as ApiPage<Organization>;
    await page.goto(`/services/${list.items[0]?.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByRole('img', { name: '工作站门口' })).toBeVisible();
    await expect(page.getByText('村委会一楼法律服务室')).toBeVisible();
    await expect(page.getByText('花园村村民委员会', { exact: true })).toBeVisible();
  });
});
