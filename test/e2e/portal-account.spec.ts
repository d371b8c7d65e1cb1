import { expect, test } from '@playwright/test';
import type { Page as ApiPage } from '../../src/contracts/common.js';
import type { InboxMessage } from '../../src/contracts/notifications.js';
import { demoLogins } from './helpers.js';

test.describe('portal account', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('should show the inbox when the demo citizen signs in', async ({ page }) => {
    const { phone, password } = demoLogins().citizen;
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: '我的' }).last().click();
    await expect(page.getByRole('heading', { name: '登录法润' })).toBeVisible();

    await page.getByRole('link', { name: '登录', exact: true }).click();
    await expect(page).toHaveURL(/\/me\/sign-in$/);
    await page.getByLabel('手机号').fill(phone);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();

    await expect(page).toHaveURL(/\/me$/);
    await expect(page.getByRole('heading', { name: '张三' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '我的消息' })).toBeVisible();
    const inbox = (await (
      await page.request.get('/api/inbox?limit=20')
    ).json()) as ApiPage<InboxMessage>;
    if (inbox.total === 0) {
      await expect(page.getByText('暂无消息')).toBeVisible();
    } else {
      await expect(page.getByText(inbox.items[0]?.title ?? '').first()).toBeVisible();
    }

    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page.getByRole('heading', { name: '登录法润' })).toBeVisible();
  });

  test('should say the sign-in failed when the password is wrong', async ({ page }) => {
    const { phone } = demoLogins().citizen;
    await page.goto('/me/sign-in');
    await page.getByLabel('手机号').fill(phone);
    await page.getByLabel('密码').fill('not-the-password-1');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page).toHaveURL(/\/me\/sign-in$/);
  });
});
