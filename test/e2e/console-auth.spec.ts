import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { generate } from 'otplib';
import type { Me } from '../../src/contracts/identity.js';
import { staffLogin } from './helpers.js';

async function fillCredentials(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/**
 * A code from a time step after `used`: a server may refuse a code it has already accepted,
 * so the second sign-in waits for the authenticator's next code.
 */
async function nextCode(secret: string, used: string): Promise<string> {
  for (;;) {
    const code = await generate({ secret });
    if (code !== used) return code;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * Binds an authenticator on the enrolment page, as a user types the shown key into the app;
 * returns the key and the code that confirmed it.
 */
async function enrolAuthenticator(page: Page): Promise<{ secret: string; code: string }> {
  await expect(page.getByRole('heading', { name: '两步验证' })).toBeVisible();
  await page.getByRole('button', { name: '开始绑定' }).click();
  const uri = await page.getByText(/^otpauth:\/\/totp\//).textContent();
  const secret = new URL(uri ?? '').searchParams.get('secret') ?? '';
  expect(secret).toMatch(/^[A-Z2-7]+=*$/);
  await expect(page.getByLabel('密钥')).toContainText(secret.slice(0, 4));
  const code = await generate({ secret });
  await page.getByLabel('动态码').fill(code);
  await page.getByRole('button', { name: '确认绑定' }).click();
  return { secret, code };
}

test.describe('console sign-in', () => {
  test('should make the auditor bind an authenticator first, then ask its code at sign-in and list the login in the audit log when the auditor signs in for the first time', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const { username, password } = staffLogin('auditor');

    // Signed out, the wanted page leads to the sign-in and back to it afterwards.
    await page.goto('/console/audit');
    await expect(page).toHaveURL(/\/console\/login\?next=%2Faudit$/);
    await expect(page.getByRole('heading', { name: '工作人员登录' })).toBeVisible();
    await fillCredentials(page, username, password);

    // An administrator binds a second factor before anything else, then goes on to the page.
    await expect(page).toHaveURL(/\/console\/account\/totp\?next=%2Faudit$/);
    await expect(page.getByRole('menu')).toHaveCount(0);
    const { secret, code: enrolmentCode } = await enrolAuthenticator(page);
    await expect(page).toHaveURL(/\/console\/audit$/);
    await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();

    // The user menu's page shows the binding.
    await page.getByRole('button', { name: '用户菜单' }).click();
    await page.getByRole('menuitem', { name: '两步验证' }).click();
    await expect(page).toHaveURL(/\/console\/account\/totp$/);
    await expect(page.getByText('已开启两步验证')).toBeVisible();

    // Sign out.
    await page.getByRole('button', { name: '用户菜单' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/console\/login$/);

    // Sign in again: the password alone is no longer enough.
    await fillCredentials(page, username, password);
    await expect(page.getByRole('heading', { name: '两步验证' })).toBeVisible();
    await page.getByLabel('动态码').fill(await nextCode(secret, enrolmentCode));
    await page.getByRole('button', { name: '验证并登录' }).click();
    await expect(page.getByRole('heading', { name: '概览' })).toBeVisible();

    // The audit log lists this login (its object is the account signing in), and its chain
    // verifies.
    const me = (await (await page.request.get('/api/auth/me')).json()) as Me;
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await expect(page).toHaveURL(/\/console\/audit$/);
    await expect(page.getByRole('status').filter({ hasText: '审计链完整' })).toBeVisible();
    const login = page
      .getByRole('row')
      .filter({ hasText: me.accountId })
      .filter({ hasText: 'auth.login' })
      .filter({ hasText: '成功' });
    await expect(login.first()).toBeVisible();
  });

  test('should show the same generic error when the password is wrong or the user unknown', async ({
    page,
  }) => {
    await page.goto('/console/login');
    await fillCredentials(page, 'tianning', 'not-the-password-1');
    const alert = page.getByRole('alert');
    await expect(alert).toHaveText('用户名或密码错误');
    await expect(page).toHaveURL(/\/console\/login$/);
    await expect(page.getByLabel('密码', { exact: true })).toHaveValue('');

    await fillCredentials(page, 'nobody-here', 'not-the-password-1');
    await expect(alert).toHaveText('用户名或密码错误');
  });

  test('should force a new password and then an authenticator before anything else when the administrator signs in first', async ({
    page,
  }) => {
    const { username, password } = staffLogin('admin');
    await page.goto('/console/organizations');
    await fillCredentials(page, username, password);

    await expect(page).toHaveURL(/\/console\/account\/password\?next=%2Forganizations$/);
    await expect(page.getByRole('heading', { name: '修改密码' })).toBeVisible();
    await expect(page.getByRole('menu')).toHaveCount(0);

    const newPassword = 'Qingming-Lantern-2417';
    await page.getByLabel('当前密码').fill(password);
    await page.getByLabel('新密码', { exact: true }).fill(newPassword);
    await page.getByLabel('确认新密码').fill(newPassword);
    await page.getByRole('button', { name: '修改密码' }).click();

    await expect(page).toHaveURL(/\/console\/account\/totp\?next=%2Forganizations$/);
    await expect(page.getByRole('menu')).toHaveCount(0);
    await enrolAuthenticator(page);

    await expect(page).toHaveURL(/\/console\/organizations$/);
    await expect(page.getByRole('heading', { name: '服务机构' })).toBeVisible();
  });
});
