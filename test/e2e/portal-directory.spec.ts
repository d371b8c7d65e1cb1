import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import type { NewOrganization, Organization } from '../../src/contracts/organizations.js';
import { selectOption, staffLogin } from './helpers.js';

/** YYYY-MM-DD `days` from today in Asia/Shanghai, where the stations keep their hours. */
function shanghaiDate(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Wujin bureau's staff, through the API the console uses. */
async function signInAsStaff(request: APIRequestContext): Promise<Record<string, string>> {
  const login = await request.post('/api/auth/login', { data: staffLogin('wujin') });
  const { me } = (await login.json()) as { me: { csrfToken: string } };
  return { 'x-csrf-token': me.csrfToken };
}

async function createStation(
  request: APIRequestContext,
  headers: Record<string, string>,
  organization: NewOrganization,
): Promise<Organization> {
  const centres = await request.get(
    `/api/organizations?type=legal_aid_centre&q=${encodeURIComponent('武进区法律援助中心')}`,
  );
  const [centre] = ((await centres.json()) as { items: Organization[] }).items;
  const response = await request.post('/api/organizations', {
    headers,
    data: { ...organization, parentId: centre?.id ?? null },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as Organization;
}

test.describe('portal directory and station page', () => {
  const name = `湖塘镇信访局法律援助工作站${Date.now().toString(36)}`;
  const exceptionDate = shanghaiDate(2);

  let request: APIRequestContext;
  let headers: Record<string, string>;
  let station: Organization;

  test.beforeAll(async ({ playwright }, testInfo) => {
    request = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
    headers = await signInAsStaff(request);
    station = await createStation(request, headers, {
      type: 'legal_aid_station',
      name,
      divisionCode: '320412100',
      address: '常州市武进区湖塘镇延政中路9号信访局一楼',
      latitude: 31.7071,
      longitude: 119.9541,
      phone: '0519-86559876',
      openingHours: {
        mon: [{ opens: '08:30', closes: '17:00' }],
        tue: [{ opens: '08:30', closes: '17:00' }],
        wed: [{ opens: '08:30', closes: '17:00' }],
        thu: [{ opens: '08:30', closes: '17:00' }],
        fri: [{ opens: '08:30', closes: '17:00' }],
      },
      hoursExceptions: [{ date: exceptionDate, intervals: [], note: '集中培训，暂停接待' }],
      services: ['legal_aid_intake', 'petition_reception'],
      description: '设在区信访局接待大厅，来访群众可当场申请法律援助。',
      directions: '乘 B11 路到延政中路站下车，向东 100 米，信访局一楼大厅左手边。',
      stepFree: true,
      homeVisits: true,
      accessibilityNotes: '入口设无障碍坡道，大厅备有老花镜。',
      hostKind: 'petitions_bureau',
      hostName: '武进区信访局',
      establishedOn: '2020-03-15',
    });
  });

  // Closed afterwards, so that the nearest-station specs keep finding the demo's own stations.
  test.afterAll(async () => {
    const closed = await request.patch(`/api/organizations/${station.id}`, {
      headers,
      data: { status: 'closed', version: station.version },
    });
    expect(closed.status()).toBe(200);
    await request.dispose();
  });

  test('should find a station by service and show its hours, services, directions and call buttons', async ({
    page,
  }) => {
    await page.goto('/services');
    await page.getByRole('combobox', { name: '服务项目' }).click();
    await selectOption(page, '信访接待').click();
    await expect(page).toHaveURL(/service=petition_reception/);

    await page.getByRole('searchbox').fill(name);
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page).toHaveURL(/q=/);
    await expect(page.getByText('共找到 1 家机构')).toBeVisible();
    const card = page.getByRole('link', { name: new RegExp(`^${name}`) });
    await expect(card).toContainText('法律援助申请受理 · 信访接待');
    // The map is drawn, tiles or not, with a marker for the located result.
    await expect(page.getByRole('region', { name: '搜索结果地图' })).toBeVisible();
    await expect(page.locator('.nearest-map path.leaflet-interactive')).toHaveCount(1);

    // Another service leaves it out.
    await page.getByRole('combobox', { name: '服务项目' }).click();
    await selectOption(page, '企业法治体检').click();
    await expect(page.getByText('没有找到符合条件的机构')).toBeVisible();
    await page.goBack();
    await expect(page.getByText('共找到 1 家机构')).toBeVisible();

    await card.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByText('周一至周五')).toBeVisible();
    await expect(page.getByText('08:30–17:00')).toBeVisible();
    const upcoming = page.locator('.hours-exceptions');
    await expect(upcoming).toContainText('近期特殊安排');
    await expect(upcoming).toContainText('休息');
    await expect(upcoming).toContainText('集中培训，暂停接待');
    await expect(page.getByText(/^(营业中|已休息)/).first()).toBeVisible();

    const services = page.getByRole('region', { name: '服务项目' });
    await expect(services.getByRole('listitem')).toHaveText(['法律援助申请受理', '信访接待']);
    await expect(page.getByText('乘 B11 路到延政中路站下车')).toBeVisible();
    await expect(page.getByText('无障碍通行：入口无台阶或设有坡道')).toBeVisible();
    await expect(page.getByText(/^可上门服务/)).toBeVisible();
    await expect(page.getByText('武进区信访局', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: '武进区法律援助中心', exact: true })).toBeVisible();

    await expect(page.getByRole('link', { name: '打电话' })).toHaveAttribute(
      'href',
      'tel:0519-86559876',
    );
    await expect(page.getByRole('link', { name: '12348 法律咨询热线' })).toHaveAttribute(
      'href',
      'tel:12348',
    );
    // No booking or asking buttons until those features exist.
    await expect(page.getByRole('button', { name: /预约|咨询留言/ })).toHaveCount(0);

    await page.getByRole('button', { name: '查看位置/导航' }).click();
    const location = page.getByRole('region', { name: '位置与到达方式' });
    await expect(location).toBeInViewport();
    await expect(location.getByRole('region', { name: '机构位置地图' })).toBeVisible();
    await expect(location.getByRole('link', { name: '在高德地图中打开' })).toHaveAttribute(
      'href',
      /^https:\/\/uri\.amap\.com\/marker\?position=119\.9541%2C31\.7071&/,
    );
    await expect(location.getByRole('link', { name: '用手机地图导航' })).toHaveAttribute(
      'href',
      /^geo:31\.7071,119\.9541\?q=/,
    );
  });

  test('should keep the station page readable when large text is switched on', async ({ page }) => {
    await page.goto(`/services?q=${encodeURIComponent(name)}`);
    await page.getByRole('link', { name: new RegExp(`^${name}`) }).click();
    await page.getByRole('button', { name: '大字' }).click();
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize))
      .toBe('20px');
    const call = page.getByRole('link', { name: '打电话' });
    await expect(call).toBeVisible();
    // Buttons grow with the text: at least the 44 px touch target elderly users need.
    expect((await call.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    await page.getByRole('button', { name: '大字' }).click();
  });
});
