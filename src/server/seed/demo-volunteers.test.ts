import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteTestDatabase } from '../../../test/helpers/database.js';
import type { DatabaseHandle } from '../platform/db/client.js';
import { createServices, type Services } from '../services.js';
import { seedDemoData } from '../main.js';
import { seededRandom } from '../platform/random.js';
import { seedDemoVolunteers } from './demo-volunteers.js';

const allScope = {
  accountId: '00000000-0000-4000-8000-000000000000',
  kind: 'staff' as const,
  displayName: 'test',
  organizationId: null,
  roles: [],
  permissions: new Set<never>(),
  scope: { level: 'all' as const },
  sessionId: 'test',
  restriction: null,
};

describe('demo volunteers', () => {
  let database: DatabaseHandle;
  let services: Services;

  beforeAll(async () => {
    database = await createPgliteTestDatabase();
    services = createServices(database.db);
    await seedDemoData(database);
  });
  afterAll(() => database.close());

  it('should give the same numbers for the same seed and a different run for another', () => {
    const first = seededRandom(7);
    const again = seededRandom(7);
    const other = seededRandom(8);
    const a = Array.from({ length: 5 }, first);
    expect(Array.from({ length: 5 }, again)).toEqual(a);
    expect(Array.from({ length: 5 }, other)).not.toEqual(a);
    expect(a.every((value) => value >= 0 && value < 1)).toBe(true);
  });

  it('should register about sixty volunteers of every kind at Wujin’s legal aid workstations', async () => {
    const page = await services.volunteers.listVolunteers({ limit: 200, offset: 0 }, allScope);
    expect(page.total).toBe(60);
    expect(new Set(page.items.map((volunteer) => volunteer.kind)).size).toBe(6);
    expect(page.items.every((volunteer) => volunteer.stationName?.includes('工作站'))).toBe(true);
    expect(page.items.every((volunteer) => volunteer.divisionCode === '320412')).toBe(true);
    expect(page.items.filter((volunteer) => volunteer.hoursTotal > 0).length).toBeGreaterThan(50);
  });

  it('should seed the civilization office, social organizations and linked law firms with agreements', async () => {
    const partners = await services.partners.listPartners({ limit: 50, offset: 0 }, allScope);
    expect(partners.items.map((partner) => partner.kind).sort()).toEqual([
      'civilization_office',
      'law_firm',
      'law_firm',
      'social_organization',
      'social_organization',
    ]);
    const firms = partners.items.filter((partner) => partner.kind === 'law_firm');
    expect(firms.every((firm) => firm.linkedOrganizationName === firm.name)).toBe(true);
    expect(partners.items.every((partner) => partner.agreementCount === 1)).toBe(true);
    const agreements = await services.partners.listAgreements(firms[0]?.id ?? '', allScope);
    expect(agreements[0]?.stationName).toMatch(/工作站$/);
  });

  it('should leave some insurance ending within the month and count this year’s hours', async () => {
    const summary = await services.volunteers.summarize({ division: '320412' }, allScope);
    expect(summary.insuranceExpiring.length).toBeGreaterThan(2);
    expect(summary.insuranceExpiring.every((item) => item.daysLeft <= 30)).toBe(true);
    expect(summary.activeUninsured).toBeGreaterThan(0);
    expect(summary.byStatus.left).toBeGreaterThan(0);
    expect(summary.stations.length).toBeGreaterThan(10);
  });

  it('should write the same people again from the same seed and clock', async () => {
    const other = await createPgliteTestDatabase();
    try {
      await seedDemoData(other);
      const otherServices = createServices(other.db);
      const names = async (target: Services) =>
        (await target.volunteers.listVolunteers({ limit: 200, offset: 0 }, allScope)).items
          .map((volunteer) => `${volunteer.name}/${volunteer.kind}/${volunteer.stationName}`)
          .sort();
      expect(await names(otherServices)).toEqual(await names(services));
    } finally {
      await other.close();
    }
    // A second whole demo seed: seconds alone, far longer beside other suites.
  }, 180_000);

  it('should seed nothing without the Wujin bureau', async () => {
    const empty = await createPgliteTestDatabase();
    try {
      const counts = await seedDemoVolunteers(createServices(empty.db));
      expect(counts.volunteers).toBe(0);
    } finally {
      await empty.close();
    }
  });
});
