import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteTestDatabase } from '../../../test/helpers/database.js';
import type { DatabaseHandle } from '../platform/db/client.js';
import { createServices, type Services } from '../services.js';
import { seedDemoData } from '../main.js';

describe('demo seed', () => {
  let database: DatabaseHandle;
  let services: Services;

  beforeAll(async () => {
    database = await createPgliteTestDatabase();
    services = createServices(database.db);
  });
  afterAll(() => database.close());

  it('should build the Wujin jurisdiction from real divisions when the database is empty', async () => {
    const logins = await seedDemoData(database);
    expect(logins?.staff.map((login) => login.username)).toEqual([
      'admin',
      'security',
      'auditor',
      'wujin',
      'tianning',
    ]);
    expect(new Set(logins?.staff.map((login) => login.password)).size).toBe(5);
    const wujin = await services.divisions.getDivision('320412');
    expect(wujin.path.map((step) => step.name)).toEqual(['江苏省', '常州市', '武进区']);
    expect(wujin.childCount).toBe(18);
    const page = { limit: 200, offset: 0 };
    const bureaus = await services.organizations.listOrganizations({
      ...page,
      type: 'justice_bureau',
    });
    expect(bureaus.items.map((bureau) => bureau.name).sort()).toEqual(
      ['天宁区司法局', '常州市司法局', '武进区司法局'].sort(),
    );
    const stations = await services.organizations.listOrganizations({
      ...page,
      type: 'legal_aid_station',
      division: '320412',
    });
    expect(stations.total).toBe(17);
    const cityBureau = bureaus.items.find((bureau) => bureau.divisionCode === '3204');
    const wujinBureau = bureaus.items.find((bureau) => bureau.divisionCode === '320412');
    expect(wujinBureau?.parentId).toBe(cityBureau?.id);
  });

  it('should seed nothing when the database already has data', async () => {
    const before = await services.organizations.countOrganizations();
    expect(await seedDemoData(database)).toBeNull();
    expect(await services.organizations.countOrganizations()).toBe(before);
  });

  it('should find the village’s own township workstation nearest when asked from a village', async () => {
    const nearest = await services.organizations.findNearest({
      division: '320412105001',
      type: 'legal_aid_station',
      limit: 3,
    });
    expect(nearest[0]?.name).toBe('武进区法律援助中心横林镇工作站');
    expect(nearest.map((station) => station.distanceMetres)).toEqual(
      [...nearest.map((station) => station.distanceMetres)].sort((a, b) => a - b),
    );
  });
});
