import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFakeClock,
  createTestContext,
  type TestContext,
} from '../../../../test/helpers/app.js';
import { buildOrganization } from '../../../../test/helpers/factories.js';
import type { NearestOrganization } from '../../../contracts/nearest.js';
import type { Organization } from '../../../contracts/organizations.js';
import type { App } from '../../app.js';
import type { Services } from '../../services.js';

// Monday 2026-11-23, 10:00 in Shanghai.
const clock = createFakeClock(new Date('2026-11-23T10:00:00+08:00'));
const here = { lat: 31.7, lng: 119.95 };

describe('GET /api/organizations/nearest', () => {
  let context: TestContext;
  let services: Services;
  let app: App;
  let firm: Organization;
  let aidStation: Organization;
  let farFirm: Organization;
  let suspended: Organization;

  beforeAll(async () => {
    context = await createTestContext({ now: clock.now });
    ({ services, app } = context);

    const create = services.organizations.createOrganization;
    firm = await create(
      buildOrganization({
        name: '湖塘律师事务所',
        latitude: 31.7,
        longitude: 119.951,
        openingHours: { mon: [{ opens: '08:30', closes: '17:30' }] },
      }),
    );
    aidStation = await create(
      buildOrganization({
        type: 'legal_aid_station',
        name: '湖塘镇法律援助工作站',
        latitude: 31.71,
        longitude: 119.95,
        openingHours: { tue: [{ opens: '08:30', closes: '17:30' }] },
      }),
    );
    farFirm = await create(
      buildOrganization({ name: '横林律师事务所', latitude: 31.75, longitude: 120.1 }),
    );
    suspended = await create(
      buildOrganization({
        name: '停业律师事务所',
        latitude: 31.7,
        longitude: 119.95,
        status: 'suspended',
      }),
    );
    await create(buildOrganization({ name: '无坐标律师事务所', latitude: null, longitude: null }));
  });
  afterAll(() => context.close());

  const get = (query: string) =>
    app.inject({ method: 'GET', url: `/api/organizations/nearest?${query}` });
  const at = ({ lat, lng }: { lat: number; lng: number }, extra = '') =>
    get(`lat=${lat}&lng=${lng}${extra}`);
  const ids = (body: NearestOrganization[]) => body.map((item) => item.id);

  it('should list active located organizations sorted by distance when given a point', async () => {
    const response = await at(here);
    expect(response.statusCode).toBe(200);
    const body: NearestOrganization[] = response.json();
    expect(ids(body)).toEqual([firm.id, aidStation.id, farFirm.id]);
    expect(ids(body)).not.toContain(suspended.id);
    expect(body.map((item) => item.distanceMetres)).toEqual([95, 1112, 15238]);
    expect(body[0]).toMatchObject({
      type: 'law_firm',
      name: '湖塘律师事务所',
      divisionCode: '320412100',
      latitude: 31.7,
      longitude: 119.951,
    });
  });

  it('should not be answered from the public cache when asked twice', async () => {
    await at(here);
    const response = await at(here);
    expect(response.headers['x-cache']).toBeUndefined();
  });

  it('should keep only the type asked for when a type is given', async () => {
    const body: NearestOrganization[] = (await at(here, '&type=legal_aid_station')).json();
    expect(ids(body)).toEqual([aidStation.id]);
  });

  it('should return at most limit results when a limit is given', async () => {
    expect(ids((await at(here, '&limit=2')).json())).toEqual([firm.id, aidStation.id]);
  });

  it('should tell open from closed at the injected time when the hours differ', async () => {
    const [open, closed] = (await at(here, '&limit=2')).json() as NearestOrganization[];
    expect(open).toMatchObject({ openNow: true, closesAt: '17:30' });
    expect(open?.opensNext).toBeUndefined();
    expect(closed).toMatchObject({ openNow: false, opensNext: { day: 'tue', time: '08:30' } });
    expect(closed?.closesAt).toBeUndefined();
  });

  it('should answer 400 naming lat when the latitude is out of range', async () => {
    const response = await get('lat=100&lng=119.95');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toEqual([
      'querystring.lat',
    ]);
  });

  it('should answer 400 naming lat when the latitude is left empty', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/organizations/nearest?lat=&lng=119.9',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('querystring.lat');
  });

  it('should measure from the township centre when a village without its own centre is chosen', async () => {
    await services.divisions.setCentre('320412100', 31.7, 119.95);
    const response = await app.inject({
      method: 'GET',
      url: '/api/organizations/nearest?division=320412100001&limit=1',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()[0].id).toBe(firm.id);
  });

  it('should answer 400 naming the division when it has no recorded centre', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/organizations/nearest?division=320402001001',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'querystring.division', message: '该行政区划暂无位置信息' },
    ]);
  });

  it('should answer 404 when the division does not exist', async () => {
    expect(
      (await app.inject({ method: 'GET', url: '/api/organizations/nearest?division=320499001' }))
        .statusCode,
    ).toBe(404);
  });

  it('should answer 400 when neither a point nor a division is given', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/organizations/nearest' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('querystring.lat');
  });

  it('should answer 400 naming lng when the longitude is missing', async () => {
    const response = await get('lat=31.7');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toEqual([
      'querystring.lng',
    ]);
  });

  it('should answer 400 naming the parameter when it is unknown', async () => {
    const response = await get('lat=31.7&lng=119.95&radius=5');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toEqual([
      'querystring.radius',
    ]);
  });

  it('should still serve an organization by id when the nearest route is registered', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/organizations/${firm.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.json().name).toBe('湖塘律师事务所');
  });

  it('should include a new organization when it was created after the index was built', async () => {
    await at(here);
    const newcomer = await services.organizations.createOrganization(
      buildOrganization({ name: '新开律师事务所', latitude: 31.7, longitude: 119.9501 }),
    );
    const body: NearestOrganization[] = (await at(here, '&limit=1')).json();
    expect(ids(body)).toEqual([newcomer.id]);
    expect(body[0]?.distanceMetres).toBe(9);
  });
});
