import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteTestDatabase } from '../../../test/helpers/database.js';
import type { Organization } from '../../contracts/organizations.js';
import type { Practitioner } from '../../contracts/practitioners.js';
import { licenceNumberProblem, licenceTypeProblem } from '../../contracts/practitioners.js';
import type { Actor } from '../platform/access/actor.js';
import type { DatabaseHandle } from '../platform/db/client.js';
import { seedDemoData } from '../main.js';
import { createServices, type Services } from '../services.js';
import { planDemoPractitioners } from './demo-practitioners.js';

const everywhere: Actor = {
  accountId: '00000000-0000-4000-8000-000000000000',
  kind: 'staff',
  displayName: 'test',
  organizationId: null,
  roles: [],
  permissions: new Set(),
  scope: { level: 'all' },
  sessionId: 'test',
  restriction: null,
};

/** Where each kind of practitioner works in the demo. */
const workplaces: Record<Practitioner['kind'], Organization['type'][]> = {
  lawyer: ['law_firm'],
  grassroots_legal_worker: ['grassroots_office'],
  mediator: ['mediation_committee'],
  legal_aid_staff: ['legal_aid_centre', 'legal_aid_station'],
  bureau_staff: ['justice_bureau', 'bureau_section'],
};

describe('demo practitioners', () => {
  let database: DatabaseHandle;
  let services: Services;
  let seeded: Practitioner[];

  beforeAll(async () => {
    database = await createPgliteTestDatabase();
    services = createServices(database.db);
    await seedDemoData(database);
    seeded = (
      await services.practitioners.listPractitioners(
        {
          limit: 200,
          offset: 0,
          division: '320412',
        },
        everywhere,
      )
    ).items;
  });
  afterAll(() => database.close());

  it('should seed about 120 practitioners of every kind in Wujin', () => {
    expect(seeded.length).toBeGreaterThanOrEqual(110);
    expect(seeded.length).toBeLessThanOrEqual(130);
    expect(new Set(seeded.map((practitioner) => practitioner.kind)).size).toBe(5);
  });

  it('should place each kind in the organizations where that kind works', () => {
    for (const practitioner of seeded) {
      expect(workplaces[practitioner.kind]).toContain(practitioner.organizationType);
    }
  });

  it('should give every practitioner a licence that fits the kind and the number rules', () => {
    for (const practitioner of seeded) {
      expect(licenceTypeProblem(practitioner.kind, practitioner.licenceType)).toBeNull();
      expect(licenceNumberProblem(practitioner.licenceType, practitioner.licenceNumber)).toBeNull();
    }
    const lawyers = seeded.filter((practitioner) => practitioner.kind === 'lawyer');
    expect(lawyers.every((lawyer) => /^1\d{16}$/.test(lawyer.licenceNumber ?? ''))).toBe(true);
  });

  it('should record a few moves between firms', async () => {
    const histories = await Promise.all(
      seeded
        .filter((practitioner) => practitioner.kind === 'lawyer')
        .map((lawyer) => services.practitioners.listMoves(lawyer.id, everywhere)),
    );
    const moved = histories.filter((history) => history.length > 1);
    expect(moved.length).toBeGreaterThanOrEqual(5);
    for (const history of moved) {
      expect(history[0]?.fromOrganizationId).toBe(history[1]?.toOrganizationId);
    }
  });

  it('should plan the same people whenever given the same organizations', async () => {
    const organizations = (
      await services.organizations.listOrganizations({ division: '320412', limit: 200, offset: 0 })
    ).items;
    const first = planDemoPractitioners(organizations);
    const again = planDemoPractitioners([...organizations].reverse());
    expect(again).toEqual(first);
  });
});
