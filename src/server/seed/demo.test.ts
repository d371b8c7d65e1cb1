import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteTestDatabase } from '../../../test/helpers/database.js';
import type { DatabaseHandle } from '../platform/db/client.js';
import { createServices, type Services } from '../services.js';
import { seedDemoData } from '../main.js';
import type { OrganizationType } from '../../contracts/organizations.js';
import { readDivisionsDirectory } from '../modules/divisions/divisions.import.js';
import { haversineMetres } from '../modules/organizations/nearest.js';
import { demoDivisionsDir } from '../platform/paths.js';
import { demoOrganizations, demoVillageCentres } from './demo.organizations.js';

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

  it('should seed the Wujin directory the seed article describes when the database is empty', async () => {
    const page = { limit: 200, offset: 0, division: '320412' };
    const list = (type: OrganizationType) =>
      services.organizations.listOrganizations({ ...page, type });
    const stations = (await list('legal_aid_station')).items;
    expect(stations).toHaveLength(17);
    expect(stations.filter((station) => station.establishedOn?.startsWith('2026-'))).toHaveLength(
      7,
    );
    expect(stations.every((station) => station.hostKind && station.hostName)).toBe(true);
    expect(new Set(stations.map((station) => station.divisionCode.slice(0, 9))).size).toBe(17);
    expect(stations.find((station) => station.hostName === '武进区信访局')?.divisionName).toBe(
      '湖塘镇',
    );
    expect(stations.find((station) => station.hostKind === 'village_committee')?.divisionName).toBe(
      '谈家头村村委会',
    );
    expect((await list('law_firm')).total).toBeGreaterThanOrEqual(40);
    expect((await list('chamber_of_commerce')).total).toBe(48);
    expect((await list('federation_of_industry')).total).toBe(1);
    expect((await list('enterprise_service_centre')).total).toBe(1);
    expect((await list('grassroots_office')).total).toBeGreaterThanOrEqual(16);
    expect((await list('service_station')).total).toBe(18);
    expect((await list('mediation_committee')).total).toBeGreaterThan(0);
    expect((await list('bureau_section')).items.map((section) => section.name)).toContain(
      '武进区司法局律师科',
    );
  });

  it('should place every Wujin organization under its supervisor but the bureau and federation', async () => {
    const all = await services.organizations.listOrganizations({
      limit: 200,
      offset: 0,
      division: '320412',
    });
    const rest = await services.organizations.listOrganizations({
      limit: 200,
      offset: 200,
      division: '320412',
    });
    const organizations = [...all.items, ...rest.items];
    expect(organizations).toHaveLength(all.total);
    const roots = organizations.filter((organization) => organization.parentId === null);
    expect(roots.map((root) => root.type).sort()).toEqual(['federation_of_industry']);
    const byId = new Map(organizations.map((organization) => [organization.id, organization]));
    const parentType = (name: string) => {
      const child = organizations.find((organization) => organization.name === name);
      return child?.parentId ? byId.get(child.parentId)?.name : undefined;
    };
    expect(parentType('江苏常武律师事务所')).toBe('武进区司法局律师科');
    expect(parentType('武进区法律援助中心湖塘镇工作站')).toBe('武进区法律援助中心');
    expect(parentType('武进区纺织商会')).toBe('武进区工商业联合会');
  });

  it('should give Wujin villages demo positions within 3 km of their township centre', async () => {
    const villages = await services.divisions.listWithin('320412', 'village');
    expect(villages.length).toBeGreaterThan(200);
    expect(villages.every((village) => village.latitude !== null)).toBe(true);
    const township = await services.divisions.locate('320412100');
    const village = await services.divisions.locate('320412100002');
    expect(village).not.toEqual(township);
    const metres = haversineMetres(
      { lat: township?.latitude ?? 0, lng: township?.longitude ?? 0 },
      { lat: village?.latitude ?? 0, lng: village?.longitude ?? 0 },
    );
    expect(metres).toBeLessThanOrEqual(3_000);
  });

  it('should build the same directory and village positions on every start', () => {
    const villages = readDivisionsDirectory(demoDivisionsDir).filter((division) =>
      division.code.startsWith('320412'),
    );
    const centres = new Map(demoVillageCentres(villages).map(({ code, ...at }) => [code, at]));
    expect(demoVillageCentres(villages)).toEqual(demoVillageCentres(villages));
    expect(demoOrganizations(villages, centres)).toEqual(demoOrganizations(villages, centres));
    const names = demoOrganizations(villages, centres).map((organization) => organization.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('should seed nothing when the database already has data', async () => {
    const before = await services.organizations.countOrganizations();
    expect(await seedDemoData(database)).toBeNull();
    expect(await services.organizations.countOrganizations()).toBe(before);
  });

  it('should find the Hutang workstation nearest the village the portal guide starts from', async () => {
    const [nearest] = await services.organizations.findNearest({
      division: '320412100002',
      type: 'legal_aid_station',
      limit: 1,
    });
    expect(nearest?.name).toBe('武进区法律援助中心湖塘镇工作站');
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
