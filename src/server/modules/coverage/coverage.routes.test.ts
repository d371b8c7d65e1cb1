import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFakeClock,
  createTestContext,
  type TestContext,
} from '../../../../test/helpers/app.js';
import { signInStaff, type SignedIn } from '../../../../test/helpers/auth.js';
import { buildOrganization } from '../../../../test/helpers/factories.js';
import { northOf, unlocatedTownship } from '../../../../test/helpers/factories.coverage.js';
import type { Coverage, TownshipCoverage } from '../../../contracts/coverage.js';
import type { Organization } from '../../../contracts/organizations.js';

const clock = createFakeClock(new Date('2026-11-24T02:00:00Z'));
const hutangCentre = { latitude: 31.7, longitude: 119.95 };
const henglinCentre = { latitude: 31.7, longitude: 120.1 };

describe('GET /api/coverage', () => {
  let context: TestContext;
  let wujin: SignedIn;
  let tianning: SignedIn;
  let city: SignedIn;
  let hutangStation: Organization;
  let tianningStation: Organization;

  beforeAll(async () => {
    context = await createTestContext({ now: clock.now });
    const { divisions, organizations } = context.services;
    await divisions.importDivisions(unlocatedTownship());
    await divisions.setCentre('320412100', hutangCentre.latitude, hutangCentre.longitude);
    await divisions.setCentre('320412105', henglinCentre.latitude, henglinCentre.longitude);
    const village = northOf(hutangCentre, 2.3);
    await divisions.setCentre('320412100001', village.latitude, village.longitude);
    await divisions.setCentre('320402001', 31.78, 119.97);

    hutangStation = await organizations.createOrganization(
      buildOrganization({
        type: 'legal_aid_station',
        name: '湖塘镇法律援助工作站',
        ...hutangCentre,
        establishedOn: '2026-03-18',
      }),
    );
    // Not counted and not measured: a suspended station serves nobody.
    await organizations.createOrganization(
      buildOrganization({
        type: 'legal_aid_station',
        name: '横林镇法律援助工作站',
        divisionCode: '320412105',
        ...henglinCentre,
        status: 'suspended',
      }),
    );
    // Right beside Henglin but in another district: not where Wujin's villagers apply.
    tianningStation = await organizations.createOrganization(
      buildOrganization({
        type: 'legal_aid_station',
        name: '天宁区雕庄街道法律援助工作站',
        divisionCode: '320402001',
        latitude: henglinCentre.latitude + 0.001,
        longitude: henglinCentre.longitude,
      }),
    );
    await organizations.createOrganization(
      buildOrganization({
        name: '湖塘覆盖测试律师事务所',
        services: ['litigation_representation'],
      }),
    );
    await organizations.createOrganization(
      buildOrganization({
        type: 'mediation_committee',
        name: '湖塘村人民调解委员会',
        divisionCode: '320412100001',
        services: ['mediation'],
      }),
    );

    wujin = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320412' });
    tianning = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320402' });
    city = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '3204' });
  });
  afterAll(() => context.close());

  const get = (query: string, as?: SignedIn, language = 'zh-CN') =>
    context.app.inject({
      method: 'GET',
      url: `/api/coverage${query}`,
      headers: { ...(as?.headers ?? {}), 'accept-language': language },
    });
  const township = (coverage: Coverage, code: string) =>
    coverage.townships.find((item) => item.code === code) as TownshipCoverage;

  it('should report each township and village with the nearest workstation when a district is asked', async () => {
    const response = await get('?division=320412', wujin);
    expect(response.statusCode).toBe(200);
    const coverage = response.json() as Coverage;
    expect(coverage.division).toEqual({ code: '320412', name: '武进区', level: 'district' });
    expect(coverage.path.map((step) => step.name)).toEqual(['江苏省', '常州市', '武进区']);
    expect(coverage).toMatchObject({ withinKm: 5, year: 2026 });
    expect(coverage.summary).toEqual({
      townships: 3,
      villages: 4,
      workstations: 1,
      workstationsOpenedThisYear: 1,
      villagesBeyond: 1,
      villagesApproximate: 2,
      villagesWithoutLocation: 1,
      maxDistanceKm: 14.2,
      medianDistanceKm: 2.3,
    });
    expect(coverage.townships.map((item) => item.name)).toEqual(['湖塘镇', '横林镇', '雪堰镇']);

    const hutang = township(coverage, '320412100');
    expect(hutang).toMatchObject({
      villageCount: 2,
      workstationCount: 1,
      workstationsOpenedThisYear: 1,
      servicePoints: { law_firm: 1, mediation_committee: 1, grassroots_office: 0 },
      services: ['mediation', 'litigation_representation'],
    });
    expect(hutang.villages.map((village) => [village.code, village.distanceKm])).toEqual([
      ['320412100001', 2.3],
      ['320412100002', 0],
    ]);
    expect(hutang.villages[0]).toMatchObject({
      approximate: false,
      beyond: false,
      nearest: {
        id: hutangStation.id,
        name: '湖塘镇法律援助工作站',
        townshipCode: '320412100',
        townshipName: '湖塘镇',
      },
    });
    expect(hutang.villages[1]?.approximate).toBe(true);

    const henglin = township(coverage, '320412105');
    expect(henglin).toMatchObject({ workstationCount: 0, villagesBeyond: 1, maxDistanceKm: 14.2 });
    expect(henglin.villages[0]?.nearest?.id).toBe(hutangStation.id);
    expect(henglin.villages[0]?.nearest?.id).not.toBe(tianningStation.id);

    const xueyan = township(coverage, '320412110');
    expect(xueyan).toMatchObject({ villagesWithoutLocation: 1, maxDistanceKm: null });
    expect(xueyan.villages[0]).toMatchObject({ latitude: null, distanceKm: null, nearest: null });
    expect(coverage.workstations.map((station) => station.name)).toEqual(['湖塘镇法律援助工作站']);
  });

  it('should stop flagging far villages when the reach is widened', async () => {
    const response = await get('?division=320412&withinKm=20', wujin);
    expect(response.statusCode).toBe(200);
    const coverage = response.json() as Coverage;
    expect(coverage.withinKm).toBe(20);
    expect(coverage.summary.villagesBeyond).toBe(0);
    expect(coverage.townships[1]?.villages[0]).toMatchObject({ distanceKm: 14.2, beyond: false });
  });

  it('should show the caller’s own district when no division is given', async () => {
    const response = await get('', wujin);
    expect(response.statusCode).toBe(200);
    expect((response.json() as Coverage).division.code).toBe('320412');
  });

  it('should report one township and measure to workstations of other townships when a township is asked', async () => {
    const response = await get('?division=320412105', wujin);
    expect(response.statusCode).toBe(200);
    const coverage = response.json() as Coverage;
    expect(coverage.townships.map((item) => item.code)).toEqual(['320412105']);
    expect(coverage.summary).toMatchObject({ townships: 1, villages: 1, workstations: 0 });
    expect(coverage.townships[0]?.villages[0]?.nearest?.townshipName).toBe('湖塘镇');
    expect(coverage.workstations).toEqual([
      expect.objectContaining({ id: hutangStation.id, withinDivision: false }),
    ]);
  });

  it('should measure within the other district when its own staff asks', async () => {
    const response = await get('', tianning);
    expect(response.statusCode).toBe(200);
    const coverage = response.json() as Coverage;
    expect(coverage.division.code).toBe('320402');
    expect(coverage.townships[0]?.villages[0]).toMatchObject({
      approximate: true,
      nearest: { id: tianningStation.id },
    });
  });

  it('should answer 404 when a user of another district asks for a township of this district', async () => {
    expect((await get('?division=320412100', tianning)).statusCode).toBe(404);
  });

  it('should answer 404 when the division does not exist', async () => {
    expect((await get('?division=320499', city)).statusCode).toBe(404);
  });

  it('should let a city bureau choose a district of its city but ask it to choose one', async () => {
    expect((await get('?division=320412', city)).statusCode).toBe(200);
    const response = await get('', city);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'querystring.division', message: '请选择要查看的区（县）或镇（街道）' },
    ]);
  });

  it('should answer 400 naming the division when it is malformed or a village', async () => {
    const malformed = await get('?division=12345', wujin);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields).toEqual([
      { field: 'querystring.division', message: '应为 2、4、6、9 或 12 位数字的行政区划代码' },
    ]);
    const village = await get('?division=320412100001', wujin, 'en-US');
    expect(village.statusCode).toBe(400);
    expect(village.json().error.fields).toEqual([
      { field: 'querystring.division', message: 'must be a district or a township' },
    ]);
  });

  it('should answer 400 naming withinKm when it is out of range or not a number', async () => {
    for (const withinKm of ['0', '51', 'far']) {
      const response = await get(`?division=320412&withinKm=${withinKm}`, wujin);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields.map((field: { field: string }) => field.field)).toEqual([
        'querystring.withinKm',
      ]);
    }
  });

  it('should answer 400 naming an unknown query parameter', async () => {
    const response = await get('?division=320412&radius=3', wujin);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('querystring.radius');
  });
});
