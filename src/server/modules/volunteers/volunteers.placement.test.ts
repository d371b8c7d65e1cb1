import { scopeCoversOrganization } from '../../platform/access/scope.js';
import { describe, expect, it } from 'vitest';
import type { Organization } from '../../../contracts/organizations.js';
import type { Actor } from '../../platform/access/actor.js';
import { NotFoundError } from '../../platform/errors.js';
import { createVolunteerPlacement, stationProblem } from './volunteers.placement.js';

function organization(overrides: Partial<Organization> & Pick<Organization, 'id'>): Organization {
  return {
    type: 'legal_aid_station',
    name: overrides.id,
    parentId: null,
    divisionCode: '320412100',
    divisionName: '湖塘镇',
    address: '',
    latitude: null,
    longitude: null,
    phone: null,
    openingHours: {},
    hoursExceptions: [],
    services: [],
    description: '',
    directions: '',
    stepFree: false,
    homeVisits: false,
    accessibilityNotes: '',
    status: 'active',
    statusSince: null,
    establishedOn: null,
    hostKind: null,
    hostName: null,
    staffCount: null,
    meetsStandard: null,
    photos: [],
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const city = organization({ id: 'city', type: 'justice_bureau', divisionCode: '3204' });
const bureau = organization({
  id: 'bureau',
  type: 'justice_bureau',
  divisionCode: '320412',
  parentId: 'city',
});
const centre = organization({
  id: 'centre',
  type: 'legal_aid_centre',
  divisionCode: '320412',
  parentId: 'bureau',
});
const station = organization({ id: 'station', parentId: 'centre' });
const orphan = organization({ id: 'orphan', parentId: 'missing' });
const firm = organization({ id: 'firm', type: 'law_firm' });
const directory = new Map([city, bureau, centre, station, orphan, firm].map((o) => [o.id, o]));

const placement = createVolunteerPlacement({
  getOrganization: async (id: string) => {
    const found = directory.get(id);
    if (!found) throw new NotFoundError('organization', id);
    return found;
  },
});

function actorOf(scope: Actor['scope'], organizationId: string | null): Actor {
  return {
    accountId: 'a',
    kind: 'staff',
    displayName: 'a',
    organizationId,
    roles: [],
    permissions: new Set(),
    scope,
    sessionId: 's',
    restriction: null,
  };
}

describe('volunteer placement', () => {
  it('should cover an organization by district prefix, own organization, or everything', () => {
    expect(scopeCoversOrganization({ level: 'district', divisionPrefix: '320412' }, station)).toBe(
      true,
    );
    expect(scopeCoversOrganization({ level: 'district', divisionPrefix: '320402' }, station)).toBe(
      false,
    );
    expect(
      scopeCoversOrganization({ level: 'organization', organizationId: 'station' }, station),
    ).toBe(true);
    expect(
      scopeCoversOrganization({ level: 'organization', organizationId: 'firm' }, station),
    ).toBe(false);
    expect(scopeCoversOrganization({ level: 'self', accountId: 'a' }, station)).toBe(false);
    expect(scopeCoversOrganization({ level: 'all' }, station)).toBe(true);
  });

  it('should refuse a station out of scope like a missing one, and a law firm as a station', () => {
    const district = { level: 'district' as const, divisionPrefix: '320412' };
    expect(stationProblem(undefined, district)).toBe('volunteer.station.unknown');
    expect(stationProblem(station, { level: 'district', divisionPrefix: '320402' })).toBe(
      'volunteer.station.unknown',
    );
    expect(stationProblem(firm, district)).toBe('volunteer.station.type');
    expect(stationProblem(station, district)).toBeNull();
  });

  it('should find the bureau above a station through its legal aid centre', async () => {
    expect((await placement.supervisingBureau(station))?.id).toBe('bureau');
    expect(await placement.supervisingBureau(orphan)).toBeUndefined();
  });

  it('should let the station’s bureau manage when the caller’s district covers it', async () => {
    const origin = {
      actor: actorOf({ level: 'district', divisionPrefix: '320412' }, 'bureau'),
      ip: null,
    };
    expect((await placement.defaultManager(station, origin))?.id).toBe('bureau');
  });

  it('should fall back to the caller’s organization when the bureau is outside its scope', async () => {
    const origin = {
      actor: actorOf({ level: 'organization', organizationId: 'station' }, 'station'),
      ip: null,
    };
    expect((await placement.defaultManager(station, origin))?.id).toBe('station');
    expect((await placement.defaultManager(null, origin))?.id).toBe('station');
  });

  it('should have nobody to manage when the system names neither station nor organization', async () => {
    const system = { actor: null, ip: null };
    expect(await placement.defaultManager(null, system)).toBeUndefined();
    expect((await placement.defaultManager(orphan, system))?.id).toBe('orphan');
  });
});
