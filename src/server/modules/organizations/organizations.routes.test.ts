import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/app.js';
import { buildOrganization } from '../../../../test/helpers/factories.js';
import type { Organization } from '../../../contracts/organizations.js';

describe('organizations routes', () => {
  let context: TestContext;
  let wujinBureau: Organization;
  let aidStation: Organization;

  beforeAll(async () => {
    context = await createTestContext();
    const create = context.services.organizations.createOrganization;
    wujinBureau = await create(
      buildOrganization({ type: 'justice_bureau', name: '武进区司法局', divisionCode: '320412' }),
    );
    aidStation = await create(
      buildOrganization({
        type: 'legal_aid_station',
        name: '湖塘镇法律援助工作站',
        parentId: wujinBureau.id,
        divisionCode: '320412100',
        address: '湖塘镇便民服务中心',
      }),
    );
    await create(buildOrganization({ name: '横林律师事务所', divisionCode: '320412105001' }));
    await create(
      buildOrganization({ name: '天宁律师事务所', divisionCode: '320402001', status: 'suspended' }),
    );
  });
  afterAll(() => context.close());

  const get = (url: string) => context.app.inject({ method: 'GET', url });
  const names = (body: { items: Organization[] }) => body.items.map((item) => item.name);

  describe('GET /api/organizations', () => {
    it('should list every organization with its division name when unfiltered', async () => {
      const body = (await get('/api/organizations')).json();
      expect(body.total).toBe(4);
      expect(body.items.find((item: Organization) => item.id === aidStation.id)).toMatchObject({
        divisionName: '湖塘镇',
        parentId: wujinBureau.id,
        openingHours: { mon: [{ opens: '08:30', closes: '17:30' }] },
        status: 'active',
        version: 1,
      });
    });

    it('should include divisions below when filtering by a district', async () => {
      const body = (await get('/api/organizations?division=320412')).json();
      expect(names(body).sort()).toEqual(
        ['横林律师事务所', '武进区司法局', '湖塘镇法律援助工作站'].sort(),
      );
    });

    it('should filter by type and status when asked', async () => {
      expect(names((await get('/api/organizations?type=legal_aid_station')).json())).toEqual([
        '湖塘镇法律援助工作站',
      ]);
      expect(names((await get('/api/organizations?status=suspended')).json())).toEqual([
        '天宁律师事务所',
      ]);
    });

    it('should match the name or the address when searching', async () => {
      const byAddress = (await get(`/api/organizations?q=${encodeURIComponent('便民')}`)).json();
      expect(names(byAddress)).toEqual(['湖塘镇法律援助工作站']);
    });

    it('should page when limit and offset are given', async () => {
      const body = (await get('/api/organizations?limit=2&offset=2')).json();
      expect(body).toMatchObject({ total: 4, limit: 2, offset: 2 });
      expect(body.items).toHaveLength(2);
    });

    it('should answer 400 naming each bad field when the filters are invalid', async () => {
      const response = await get('/api/organizations?type=bakery&division=32041');
      expect(response.statusCode).toBe(400);
      expect(
        response
          .json()
          .error.fields.map((field: { field: string }) => field.field)
          .sort(),
      ).toEqual(['querystring.division', 'querystring.type']);
    });
  });

  describe('GET /api/organizations/:id', () => {
    it('should give the organization when it exists', async () => {
      const response = await get(`/api/organizations/${aidStation.id}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        name: '湖塘镇法律援助工作站',
        type: 'legal_aid_station',
      });
    });

    it('should answer 404 when no organization has the id', async () => {
      const response = await get('/api/organizations/00000000-0000-4000-8000-000000000000');
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    });

    it('should answer 400 when the id is not a UUID', async () => {
      const response = await get('/api/organizations/42');
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([{ field: 'params.id', message: '应为 UUID' }]);
    });
  });
});
