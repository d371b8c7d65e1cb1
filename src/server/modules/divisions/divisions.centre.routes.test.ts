import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/app.js';
import { signInAdministrator, type SignedIn } from '../../../../test/helpers/auth.js';
import type { Coverage } from '../../../contracts/coverage.js';

describe('PATCH /api/divisions/:code/centre', () => {
  let context: TestContext;
  let wujinAdmin: SignedIn;
  let tianningAdmin: SignedIn;

  beforeAll(async () => {
    context = await createTestContext();
    await context.services.divisions.setCentre('320412100', 31.7, 119.95);
    wujinAdmin = await signInAdministrator(context, {
      roles: ['system_admin'],
      divisionCode: '320412',
    });
    tianningAdmin = await signInAdministrator(context, {
      roles: ['system_admin'],
      divisionCode: '320402',
    });
  });
  afterAll(() => context.close());

  const patch = (code: string, payload: object, as?: SignedIn, language = 'zh-CN') =>
    context.app.inject({
      method: 'PATCH',
      url: `/api/divisions/${code}/centre`,
      headers: { ...(as?.headers ?? {}), 'accept-language': language },
      payload,
    });

  it('should record the centre, audit it and make coverage exact when a manager places a village', async () => {
    const response = await patch(
      '320412100002',
      { latitude: 31.712, longitude: 119.961 },
      wujinAdmin,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      code: '320412100002',
      level: 'village',
      latitude: 31.712,
      longitude: 119.961,
    });
    const stored = await context.services.divisions.getDivision('320412100002');
    expect(stored).toMatchObject({ latitude: 31.712, longitude: 119.961 });

    const trail = await context.services.audit.search({
      limit: 1,
      offset: 0,
      action: 'division.set_centre',
      objectId: '320412100002',
    });
    expect(trail.items[0]).toMatchObject({ actorId: wujinAdmin.accountId, outcome: 'success' });
    expect(trail.items[0]?.detail).toMatchObject({
      previous: null,
      latitude: 31.712,
      longitude: 119.961,
    });

    const coverage = (
      await context.app.inject({
        method: 'GET',
        url: '/api/coverage?division=320412100',
        headers: wujinAdmin.headers,
      })
    ).json() as Coverage;
    const village = coverage.townships[0]?.villages.find((item) => item.code === '320412100002');
    expect(village).toMatchObject({ approximate: false, latitude: 31.712, longitude: 119.961 });
  });

  it('should answer 400 naming the fields when the coordinates are out of range or missing', async () => {
    const response = await patch('320412100001', { latitude: 91 }, wujinAdmin);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'body.latitude', message: '不能大于 90' },
      { field: 'body.longitude', message: '必填' },
    ]);
    const unknownField = await patch(
      '320412100001',
      { latitude: 31.7, longitude: 119.9, altitude: 3 },
      wujinAdmin,
      'en-US',
    );
    expect(unknownField.json().error.fields).toEqual([
      { field: 'body.altitude', message: 'is not an allowed field' },
    ]);
    const badCode = await patch('32041210', { latitude: 31.7, longitude: 119.9 }, wujinAdmin);
    expect(badCode.json().error.fields[0].field).toBe('params.code');
  });

  it('should answer 404 and change nothing when a manager of another district places it', async () => {
    const response = await patch('320412100001', { latitude: 30, longitude: 120 }, tianningAdmin);
    expect(response.statusCode).toBe(404);
    const stored = await context.services.divisions.getDivision('320412100001');
    expect(stored.latitude).toBeNull();
  });

  it('should answer 404 when the division does not exist', async () => {
    const response = await patch('320412199001', { latitude: 31.7, longitude: 119.9 }, wujinAdmin);
    expect(response.statusCode).toBe(404);
  });
});

describe('setCentres', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext();
  });
  afterAll(() => context.close());

  it('should record every centre in one audited change when all divisions exist', async () => {
    await context.services.divisions.setCentres([
      { code: '320412105', latitude: 31.69, longitude: 120.13 },
      { code: '320412105001', latitude: 31.7, longitude: 120.14 },
    ]);
    expect(await context.services.divisions.locate('320412105001')).toEqual({
      latitude: 31.7,
      longitude: 120.14,
    });
    expect(await context.services.divisions.locate('320412105')).toEqual({
      latitude: 31.69,
      longitude: 120.13,
    });
    const trail = await context.services.audit.search({
      limit: 5,
      offset: 0,
      action: 'division.set_centres',
    });
    expect(trail.items.map((entry) => entry.detail)).toEqual([{ count: 2 }]);
  });

  it('should record nothing when one of the divisions is unknown', async () => {
    await expect(
      context.services.divisions.setCentres([
        { code: '320412100001', latitude: 31.71, longitude: 119.95 },
        { code: '320412100999', latitude: 31.72, longitude: 119.95 },
      ]),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await context.services.divisions.getDivision('320412100001')).latitude).toBeNull();
  });
});
