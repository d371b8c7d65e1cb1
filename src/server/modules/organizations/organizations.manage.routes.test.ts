import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFakeClock,
  createTestContext,
  type TestContext,
} from '../../../../test/helpers/app.js';
import { signInStaff, type SignedIn } from '../../../../test/helpers/auth.js';
import { buildOrganization } from '../../../../test/helpers/factories.js';
import { closedDay } from '../../../../test/helpers/factories.organizations.js';
import type { Organization } from '../../../contracts/organizations.js';

// 09:00 on Tuesday 24 November 2026 in Shanghai.
const clock = createFakeClock(new Date('2026-11-24T01:00:00Z'));

describe('organization create and edit routes', () => {
  let context: TestContext;
  let wujin: SignedIn;
  let firm: Organization;

  beforeAll(async () => {
    context = await createTestContext({ now: clock.now });
    wujin = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320412' });
    firm = await context.services.organizations.createOrganization(
      buildOrganization({ name: '湖塘编辑测试律师事务所', divisionCode: '320412100' }),
    );
  });
  afterAll(() => context.close());

  const send = (method: 'POST' | 'PATCH', url: string, as: SignedIn, payload: object) =>
    context.app.inject({ method, url, headers: as.headers, payload });

  it('should create an organization in the own district and audit it', async () => {
    const input = buildOrganization({
      name: '横林新设律师事务所',
      divisionCode: '320412105001',
      openingHours: {},
    });
    const response = await send('POST', '/api/organizations', wujin, input);
    expect(response.statusCode).toBe(201);
    const created = response.json() as Organization;
    expect(created).toMatchObject({
      name: '横林新设律师事务所',
      divisionName: '崔桥村村民委员会',
      version: 1,
    });
    const trail = await context.services.audit.search({
      limit: 1,
      offset: 0,
      action: 'organization.create',
      objectId: created.id,
    });
    expect(trail.items[0]?.actorId).toBe(wujin.accountId);
  });

  it('should refuse a division outside the own district naming the field', async () => {
    const response = await send(
      'POST',
      '/api/organizations',
      wujin,
      buildOrganization({ divisionCode: '320402001' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'body.divisionCode', message: '只能选择本辖区内的行政区划' },
    ]);
  });

  it('should answer 400 naming the fields when the body is invalid', async () => {
    const response = await send('POST', '/api/organizations', wujin, {
      type: 'bakery',
      name: 'x',
      divisionCode: '320412100',
      extra: 1,
    });
    expect(response.statusCode).toBe(400);
    const fields = response
      .json()
      .error.fields.map((field: { field: string }) => field.field)
      .sort();
    expect(fields).toEqual(['body.extra', 'body.name', 'body.type']);
  });

  it('should answer 409 when the name is taken in the division', async () => {
    const response = await send(
      'POST',
      '/api/organizations',
      wujin,
      buildOrganization({ name: firm.name, divisionCode: firm.divisionCode }),
    );
    expect(response.statusCode).toBe(409);
  });

  it('should change only the fields sent and bump the version when editing', async () => {
    const current = (
      await context.app.inject(`/api/organizations/${firm.id}`)
    ).json() as Organization;
    const response = await send('PATCH', `/api/organizations/${firm.id}`, wujin, {
      phone: '0519-86999999',
      version: current.version,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      phone: '0519-86999999',
      name: firm.name,
      version: current.version + 1,
    });
    expect((await context.app.inject(`/api/organizations/${firm.id}`)).json().phone).toBe(
      '0519-86999999',
    );
  });

  it('should answer 409 stale_version when the edit is based on an old version', async () => {
    const response = await send('PATCH', `/api/organizations/${firm.id}`, wujin, {
      phone: '0519-1',
      version: 1,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('stale_version');
  });

  describe('directory fields', () => {
    it('should store the public page fields and find the organization by service when created', async () => {
      const input = buildOrganization({
        type: 'legal_aid_station',
        name: '湖塘镇信访局法律援助工作站',
        services: ['legal_aid_intake', 'petition_reception'],
        description: '在信访接待大厅设窗口，受理法律援助申请。',
        directions: '乘 B11 路到延政中路站，信访局一楼大厅。',
        stepFree: true,
        homeVisits: true,
        accessibilityNotes: '设无障碍坡道，可预约上门服务。',
        hoursExceptions: [closedDay('2027-01-01', '元旦休息')],
        hostKind: 'petitions_bureau',
        hostName: '武进区信访局',
        staffCount: 2,
        meetsStandard: true,
        establishedOn: '2020-03-15',
      });
      const response = await send('POST', '/api/organizations', wujin, input);
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        ...input,
        statusSince: '2020-03-15',
        photos: [],
      });
      const found = await context.app.inject(
        '/api/organizations?service=petition_reception&q=信访局法律援助',
      );
      expect(found.json().items.map((item: Organization) => item.name)).toEqual([
        '湖塘镇信访局法律援助工作站',
      ]);
      const other = await context.app.inject('/api/organizations?service=legal_health_check');
      expect(other.json().total).toBe(0);
    });

    it('should answer 400 naming hostKind in the user’s language when a law firm is given a host', async () => {
      const response = await context.app.inject({
        method: 'PATCH',
        url: `/api/organizations/${firm.id}`,
        headers: { ...wujin.headers, 'accept-language': 'en-US' },
        payload: { hostKind: 'village_committee', version: 99 },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        { field: 'body.hostKind', message: 'only legal aid workstations record this' },
      ]);
    });

    it('should answer 400 naming the exceptions when two share a date', async () => {
      const response = await send('POST', '/api/organizations', wujin, {
        ...buildOrganization(),
        hoursExceptions: [closedDay('2027-02-17'), closedDay('2027-02-17', '春节')],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        { field: 'body.hoursExceptions', message: '同一日期只能有一条特殊安排' },
      ]);
    });

    it('should answer 400 naming the parent when it would make the tree loop', async () => {
      const centre = (
        await send(
          'POST',
          '/api/organizations',
          wujin,
          buildOrganization({ type: 'legal_aid_centre' }),
        )
      ).json() as Organization;
      const station = (
        await send(
          'POST',
          '/api/organizations',
          wujin,
          buildOrganization({ type: 'legal_aid_station', parentId: centre.id }),
        )
      ).json() as Organization;
      const response = await send('PATCH', `/api/organizations/${centre.id}`, wujin, {
        parentId: station.id,
        version: centre.version,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        { field: 'body.parentId', message: '上级机构不能是本机构或其下属机构' },
      ]);
    });

    it('should date a status change today and record it when a station is suspended', async () => {
      const station = await context.services.organizations.createOrganization(
        buildOrganization({ type: 'legal_aid_station' }),
      );
      const response = await send('PATCH', `/api/organizations/${station.id}`, wujin, {
        status: 'suspended',
        version: station.version,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: 'suspended', statusSince: '2026-11-24' });
      const trail = await context.services.audit.search({
        limit: 1,
        offset: 0,
        action: 'organization.update',
        objectId: station.id,
      });
      expect(trail.items[0]?.detail).toMatchObject({
        changes: {
          status: { from: 'active', to: 'suspended' },
          statusSince: { from: null, to: '2026-11-24' },
        },
      });
    });

    it('should say closed with the note in nearest answers when today has a closed-day exception', async () => {
      const station = await context.services.organizations.createOrganization(
        buildOrganization({
          type: 'mediation_committee',
          name: '湖塘镇节日测试调委会',
          latitude: 45.1,
          longitude: 126.5,
          openingHours: { tue: [{ opens: '08:30', closes: '17:30' }] },
          hoursExceptions: [closedDay('2026-11-24', '集中培训，暂停接待')],
        }),
      );
      const response = await context.app.inject(
        '/api/organizations/nearest?lat=45.1&lng=126.5&limit=1&type=mediation_committee',
      );
      expect(response.json()[0]).toMatchObject({
        id: station.id,
        openNow: false,
        note: '集中培训，暂停接待',
        opensNext: { date: '2026-12-01', day: 'tue', time: '08:30' },
      });
    });
  });
});
