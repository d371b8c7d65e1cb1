import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/app.js';
import { signInStaff, type SignedIn } from '../../../../test/helpers/auth.js';
import { buildOrganization } from '../../../../test/helpers/factories.js';
import type { Organization } from '../../../contracts/organizations.js';

describe('organization create and edit routes', () => {
  let context: TestContext;
  let wujin: SignedIn;
  let tianning: SignedIn;
  let reader: SignedIn;
  let firm: Organization;

  beforeAll(async () => {
    context = await createTestContext();
    wujin = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320412' });
    tianning = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320402' });
    reader = await signInStaff(context, {
      roles: ['personal_data_officer'],
      divisionCode: '320412',
    });
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

  it('should answer 404 when a user of another district edits it', async () => {
    const response = await send('PATCH', `/api/organizations/${firm.id}`, tianning, {
      phone: '0519-2',
      version: 2,
    });
    expect(response.statusCode).toBe(404);
  });

  it('should answer 403 when the user may not manage organizations', async () => {
    const response = await send('PATCH', `/api/organizations/${firm.id}`, reader, {
      phone: '0519-3',
      version: 2,
    });
    expect(response.statusCode).toBe(403);
  });

  it('should answer 401 when nobody is signed in', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/organizations',
      payload: buildOrganization(),
    });
    expect(response.statusCode).toBe(401);
  });
});
