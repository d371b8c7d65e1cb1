import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteTestDatabase } from '../../../../test/helpers/database.js';
import { buildOrganization, divisionTree } from '../../../../test/helpers/factories.js';
import type { Permission } from '../../../contracts/permissions.js';
import type { DatabaseHandle } from '../../platform/db/client.js';
import { createServices, type Services } from '../../services.js';

// 20:00 UTC on Monday 23 November is already Tuesday 24 November in Shanghai.
const clock = new Date('2026-11-23T20:00:00Z');

describe('organization service', () => {
  let database: DatabaseHandle;
  let services: Services;

  beforeAll(async () => {
    database = await createPgliteTestDatabase();
    services = createServices(database.db, { now: () => clock });
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

  it('should name the parent field when the parent does not exist', async () => {
    await expect(
      services.organizations.createOrganization(
        buildOrganization({ parentId: '00000000-0000-4000-8000-000000000000' }),
      ),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'body.parentId', message: 'organization.unknown' }],
    });
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

  it('should refuse workstation fields naming each when the type is not a legal aid workstation', async () => {
    await expect(
      services.organizations.createOrganization(
        buildOrganization({ hostKind: 'petitions_bureau', staffCount: 2, meetsStandard: null }),
      ),
    ).rejects.toMatchObject({
      fields: [
        { field: 'body.hostKind', message: 'organization.workstation_only' },
        { field: 'body.staffCount', message: 'organization.workstation_only' },
      ],
    });
  });

  it('should store the host, staffing and standard when a legal aid workstation is created', async () => {
    const created = await services.organizations.createOrganization(
      buildOrganization({
        type: 'legal_aid_station',
        hostKind: 'industrial_park',
        hostName: '武进高新区管委会',
        staffCount: 3,
        meetsStandard: true,
        establishedOn: '2019-06-01',
      }),
    );
    expect(created).toMatchObject({
      hostKind: 'industrial_park',
      hostName: '武进高新区管委会',
      staffCount: 3,
      meetsStandard: true,
      establishedOn: '2019-06-01',
      statusSince: '2019-06-01',
    });
  });

  it('should date a suspended organization today in Shanghai when it is created without a date', async () => {
    const created = await services.organizations.createOrganization(
      buildOrganization({ status: 'suspended' }),
    );
    expect(created.statusSince).toBe('2026-11-24');
  });

  describe('when editing', () => {
    const staff = (divisionPrefix: string) => ({
      actor: {
        accountId: '00000000-0000-4000-8000-00000000000a',
        kind: 'staff' as const,
        displayName: '测试',
        organizationId: null,
        roles: ['bureau_staff'],
        permissions: new Set<Permission>(['organizations.manage']),
        scope: { level: 'district' as const, divisionPrefix },
        sessionId: 'session',
        restriction: null,
      },
      ip: '127.0.0.1',
    });
    const wujin = staff('320412');

    it('should set the status date to today when the status changes without one', async () => {
      const firm = await services.organizations.createOrganization(buildOrganization());
      const closed = await services.organizations.updateOrganization(
        firm.id,
        { status: 'closed', version: firm.version },
        wujin,
      );
      expect(closed).toMatchObject({ status: 'closed', statusSince: '2026-11-24' });
    });

    it('should keep the given status date when the status changes with one', async () => {
      const firm = await services.organizations.createOrganization(buildOrganization());
      const suspended = await services.organizations.updateOrganization(
        firm.id,
        { status: 'suspended', statusSince: '2026-11-01', version: firm.version },
        wujin,
      );
      expect(suspended.statusSince).toBe('2026-11-01');
    });

    it('should refuse the organization itself or one below it as parent when the tree would loop', async () => {
      const create = services.organizations.createOrganization;
      const centre = await create(buildOrganization({ type: 'legal_aid_centre' }));
      const station = await create(
        buildOrganization({ type: 'legal_aid_station', parentId: centre.id }),
      );
      const room = await create(buildOrganization({ type: 'service_room', parentId: station.id }));
      for (const parentId of [room.id, centre.id]) {
        await expect(
          services.organizations.updateOrganization(
            centre.id,
            { parentId, version: centre.version },
            wujin,
          ),
        ).rejects.toMatchObject({
          fields: [{ field: 'body.parentId', message: 'organization.parent.cycle' }],
        });
      }
    });

    it('should refuse a parent outside the jurisdiction as unknown', async () => {
      const tianningBureau = await services.organizations.createOrganization(
        buildOrganization({ type: 'justice_bureau', divisionCode: '320402' }),
      );
      const firm = await services.organizations.createOrganization(buildOrganization());
      await expect(
        services.organizations.updateOrganization(
          firm.id,
          { parentId: tianningBureau.id, version: firm.version },
          wujin,
        ),
      ).rejects.toMatchObject({
        fields: [{ field: 'body.parentId', message: 'organization.unknown' }],
      });
    });

    it('should refuse workstation fields when the organization is not a workstation', async () => {
      const firm = await services.organizations.createOrganization(buildOrganization());
      await expect(
        services.organizations.updateOrganization(
          firm.id,
          { hostName: '某村委会', version: firm.version },
          wujin,
        ),
      ).rejects.toMatchObject({
        fields: [{ field: 'body.hostName', message: 'organization.workstation_only' }],
      });
    });

    it('should record the changed fields with old and new values in the audit row', async () => {
      const firm = await services.organizations.createOrganization(
        buildOrganization({ services: ['legal_consultation'] }),
      );
      await services.organizations.updateOrganization(
        firm.id,
        {
          services: ['legal_consultation', 'mediation'],
          stepFree: true,
          phone: '13800001111',
          description: '联系人 13800001111',
          address: firm.address,
          version: firm.version,
        },
        wujin,
      );
      const trail = await services.audit.search({
        limit: 1,
        offset: 0,
        action: 'organization.update',
        objectId: firm.id,
      });
      expect(trail.items[0]?.detail).toEqual({
        fields: ['services', 'stepFree', 'phone', 'description'],
        changes: {
          services: { from: ['legal_consultation'], to: ['legal_consultation', 'mediation'] },
          stepFree: { from: false, to: true },
        },
      });
    });
  });
});
