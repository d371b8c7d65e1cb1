import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { selectOption, signedInTest } from './helpers.js';

// The Wujin district bureau's staff member: manages the district's practitioners and, as the
// demo's personal-data officer too, may reveal a full mobile number (each reveal is audited).
const test = signedInTest('wujin');

/** Opens a select of `scope` and picks `label`; retried, as a drawer or modal may still move in. */
async function choose(page: Page, scope: Locator, field: string, label: string, search?: string) {
  const box = scope.getByRole('combobox', { name: field });
  const item = scope
    .locator('.ant-form-item')
    .filter({ has: page.getByRole('combobox', { name: field }) });
  await expect(async () => {
    await box.click();
    if (search) await box.fill(search);
    await selectOption(page, label).click({ timeout: 2_000 });
    await expect(item).toContainText(label, { timeout: 1_000 });
  }).toPass();
}

test.describe('console practitioners', () => {
  test('should add a lawyer to a firm, show the masked phone, move them, link and unlink their staff account and show the history when bureau staff manage them', async ({
    page,
  }) => {
    // Four forms and a drawer: more steps than most specs.
    test.slow();
    const stamp = Date.now().toString(36);
    const name = `测试律师${stamp}`;
    const licence = `13204201810${String(Date.now() % 1_000_000).padStart(6, '0')}`;
    await page.goto('/console/practitioners');
    await expect(page.getByRole('heading', { name: '从业人员' })).toBeVisible();

    await page.getByRole('button', { name: '新增从业人员' }).click();
    const form = page.getByRole('dialog', { name: '新增从业人员' });
    await form.getByLabel('姓名').fill(name);
    await choose(page, form, '人员类别', '律师');
    await expect(form.locator('.ant-form-item').filter({ hasText: '执业证类型' })).toContainText(
      '专职律师执业证',
    );
    await choose(page, form, '搜索本辖区的机构', '江苏常武律师事务所', '常武');

    // A lawyer's licence number has 17 digits: a short one is refused on its field.
    await form.getByLabel('执业证号').fill(licence.slice(0, 16));
    await form.getByLabel('手机号码').fill('13912345678');
    await form.getByRole('button', { name: '创建' }).click();
    await expect(form.getByText('律师执业证号应为以 1 开头的 17 位数字')).toBeVisible();
    await form.getByLabel('执业证号').fill(licence);
    await form.getByRole('button', { name: '创建' }).click();
    await expect(page.getByText('从业人员已添加')).toBeVisible();
    await expect(form).toBeHidden();

    // The new record opens: the phone is masked.
    const drawer = page.getByRole('dialog', { name });
    await expect(drawer).toContainText('江苏常武律师事务所');
    await expect(drawer).toContainText('139****5678');
    await expect(drawer).not.toContainText('13912345678');
    await expect(drawer).toContainText(licence);

    // Move to another firm of the district.
    await drawer.getByRole('button', { name: '调动' }).click();
    const move = page.getByRole('dialog', { name: `调动：${name}` });
    await choose(page, move, '搜索本辖区的机构', '江苏延陵律师事务所', '延陵');
    await move.getByLabel('备注').fill('转所执业');
    await move.getByRole('button', { name: '确认调动' }).click();
    await expect(page.getByText('已调动到江苏延陵律师事务所')).toBeVisible();
    await expect(move).toBeHidden();

    const history = drawer.getByRole('region', { name: '调动记录' });
    await expect(history).toContainText('由江苏常武律师事务所调入江苏延陵律师事务所');
    await expect(history).toContainText('转所执业');
    await expect(history).toContainText('加入江苏常武律师事务所');
    await expect(drawer.getByRole('cell', { name: '江苏延陵律师事务所' })).toBeVisible();

    // The practitioner signs in with a staff account of the district: link it, then unlink it.
    const accountBox = drawer.getByRole('combobox', { name: '搜索工作人员账号' });
    const linkButton = drawer.getByRole('button', { name: '关联账号' });
    await expect(async () => {
      await accountBox.click();
      await accountBox.fill('wujin');
      await selectOption(page, '武进区司法局 王科长 · wujin').click({ timeout: 2_000 });
      // The options are replaced as the search answers; a click on an old one chooses nothing.
      await expect(linkButton).toBeEnabled({ timeout: 1_000 });
    }).toPass();
    await linkButton.click();
    await expect(drawer.getByRole('button', { name: '解除关联' })).toBeVisible();
    await drawer.getByRole('button', { name: '解除关联' }).click();
    await page.getByRole('button', { name: /^确\s*定$|^OK$/ }).click();
    await expect(drawer.getByRole('button', { name: '关联账号' })).toBeVisible();
    await drawer.getByRole('button', { name: '关闭' }).click();
    await expect(drawer).toBeHidden();

    // In the list: the new firm, the masked phone, and a reveal for the personal-data officer.
    const search = page.getByRole('searchbox', { name: '搜索姓名、执业证号或手机号' });
    await search.fill(name);
    await search.press('Enter');
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('江苏延陵律师事务所');
    await expect(row).toContainText('139****5678');
    await row.getByRole('button', { name: '显示完整手机号（将记入审计日志）' }).click();
    await expect(row).toContainText('13912345678');
  });
});
