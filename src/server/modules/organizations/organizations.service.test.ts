import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteTestDatabase } from '../../../../test/helpers/database.js';
import { buildOrganization, divisionTree } from '../../../../test/helpers/factories.js';
import type { DatabaseHandle } from '../../platform/db/client.js';
import { createServices, type Services } from '../../services.js';

describe('organization service', () => {
  let database: DatabaseHandle;
  let services: Services;

  beforeAll(async () => {
    database = await createPgliteTestDatabase();
    services = createServices(database.db);
    await services.divisions.importDivisions(divisionTree());
  });
  afterAll(() => database.close());

  it('should store every field when a valid organization is created', async () => {
    const input = buildOrganization({ type: 'legal_aid_station', openingHours: {} });
    const created = await services.organizations.createOrganization(input);
    expect(created).toMatchObject({ ...input, parentId: null, status: 'active', version: 1 });
    expect(await services.organizations.getOrganization(created.id)).toEqual(created);
  });

  it('should name the fields when the input is invalid', async () => {
    await expect(
      services.organizations.createOrganization(
        buildOrganization({ name: 'x', divisionCode: '12345', latitude: 100 }),
      ),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fields: expect.arrayContaining([
        expect.objectContaining({ field: 'body.name' }),
        expect.objectContaining({ field: 'body.divisionCode', message: 'division.code.format' }),
        expect.objectContaining({ field: 'body.latitude' }),
      ]),
    });
  });

  it('should refuse coordinates when only one of the pair is given', async () => {
    await expect(
      services.organizations.createOrganization(buildOrganization({ longitude: null })),
    ).rejects.toMatchObject({
      fields: [{ field: 'body.latitude', message: 'organization.coordinates.pair' }],
    });
  });

  it('should refuse an opening interval when it ends before it starts', async () => {
    await expect(
      services.organizations.createOrganization(
        buildOrganization({ openingHours: { mon: [{ opens: '17:00', closes: '09:00' }] } }),
      ),
    ).rejects.toMatchObject({
      fields: [{ field: 'body.openingHours.mon.0', message: 'opening_hours.interval' }],
    });
  });

  it('should answer not found when the division does not exist', async () => {
    await expect(
      services.organizations.createOrganization(buildOrganization({ divisionCode: '320499' })),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('should answer not found when the parent does not exist', async () => {
    await expect(
      services.organizations.createOrganization(
        buildOrganization({ parentId: '00000000-0000-4000-8000-000000000000' }),
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('should answer conflict when the name is taken in the same division', async () => {
    const input = buildOrganization();
    await services.organizations.createOrganization(input);
    await expect(services.organizations.createOrganization(input)).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('should leave an audit row when an organization is created', async () => {
    const created = await services.organizations.createOrganization(buildOrganization());
    const trail = await services.audit.search({
      limit: 1,
      offset: 0,
      action: 'organization.create',
      objectId: created.id,
    });
    expect(trail.items[0]).toMatchObject({ outcome: 'success', detail: { type: 'law_firm' } });
  });
});
