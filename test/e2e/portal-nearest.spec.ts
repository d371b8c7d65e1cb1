import { expect, test } from '@playwright/test';
import type { Locator } from '@playwright/test';
import { selectOption } from './helpers.js';

/** "350 米" or "1.2 公里" back to metres. */
function metres(text: string): number {
  const match = /^([\d.,]+)\s*(米|公里)$/.exec(text.trim());
  if (!match?.[1]) throw new Error(`Not a distance: "${text}"`);
  const value = Number(match[1].replace(/,/g, ''));
  return match[2] === '公里' ? value * 1000 : value;
}

async function distances(cards: Locator): Promise<number[]> {
  return (await cards.locator('.nearest-distance').allTextContents()).map(metres);
}

test.describe('portal nearest service points', () => {
  test('should list legal aid workstations nearest first when a township and village are chosen', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('link', { name: /^找最近的服务点/ }).click();
    await expect(page).toHaveURL(/\/nearest$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('找最近的服务点');

    await page.getByRole('combobox', { name: '镇（街道）' }).click();
    await selectOption(page, '湖塘镇').click();
    await expect(page).toHaveURL(/division=320412100\b/);

    await page.getByRole('combobox', { name: '村（社区）' }).click();
    await selectOption(page, '南街社区居委会').click();
    await expect(page).toHaveURL(/division=320412100002\b/);

    await page.getByRole('combobox', { name: '机构类型' }).click();
    await selectOption(page, '法律援助工作站').click();
    await expect(page).toHaveURL(/type=legal_aid_station/);

    const cards = page.locator('.nearest-list > li');
    await expect(cards.first()).toContainText('法律援助工作站');
    await expect(cards).toHaveCount(10);
    for (const card of await cards.all()) await expect(card).toContainText('法律援助工作站');

    // Villages are located at their township's centre, whose own workstation comes first.
    const nearest = cards.first().getByRole('heading', { level: 2 });
    await expect(nearest).toHaveText('武进区法律援助中心湖塘镇工作站');
    const sorted = await distances(cards);
    expect(sorted).toEqual([...sorted].sort((a, b) => a - b));
    expect(sorted[0]).toBeLessThan(sorted.at(-1) ?? 0);
    await expect(cards.first().getByText(/^(营业中|已休息)/)).toBeVisible();

    // The map is drawn, tiles or not, with a marker for each result and the chosen point.
    await expect(page.getByRole('region', { name: '服务点地图' })).toBeVisible();
    await expect(page.locator('.nearest-map path.leaflet-interactive')).toHaveCount(11);

    await nearest.getByRole('link').click();
    await expect(page).toHaveURL(/\/services\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      '武进区法律援助中心湖塘镇工作站',
    );
  });

  test('should ask to choose an area when the location is refused', async ({ page }) => {
    await page.goto('/nearest');
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await expect(page.getByRole('alert')).toContainText('您没有允许本网站获取位置');
  });

  test.describe('with the location shared', () => {
    test.use({
      geolocation: { latitude: 31.678, longitude: 119.956 },
      permissions: ['geolocation'],
    });

    test('should list the points nearest the citizen when the location is used', async ({
      page,
    }) => {
      await page.goto('/nearest?type=legal_aid_station');
      await page.getByRole('button', { name: '使用我的位置' }).click();

      await expect(page.getByText(/^已使用您的位置/)).toBeVisible();
      const cards = page.locator('.nearest-list > li');
      await expect(cards.first().getByRole('heading', { level: 2 })).toHaveText(
        '武进区法律援助中心高新区工作站',
      );
      await expect(page.getByText('离我的位置最近的 10 个服务点')).toBeVisible();
    });
  });

  test('should enlarge the root font size when large text is switched on', async ({ page }) => {
    const rootFontSize = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).fontSize);

    await page.goto('/');
    expect(await rootFontSize()).toBe('16px');

    const toggle = page.getByRole('button', { name: '大字' });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(rootFontSize).toBe('20px');

    // Remembered on this device.
    await page.reload();
    await expect.poll(rootFontSize).toBe('20px');
    await page.getByRole('button', { name: '大字' }).click();
    await expect.poll(rootFontSize).toBe('16px');
  });
});
