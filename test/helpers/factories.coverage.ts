import { randomUUID } from 'node:crypto';
import type { Organization } from '../../src/contracts/organizations.js';
import type { CoveragePlace } from '../../src/server/modules/coverage/coverage.compute.js';
import type { DivisionInput } from '../../src/server/modules/divisions/divisions.service.js';

/** An active organization as the directory answers it; override what the test is about. */
export function buildListedOrganization(overrides: Partial<Organization> = {}): Organization {
  return {
    id: randomUUID(),
    type: 'legal_aid_station',
    name: '测试法律援助工作站',
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

/** A township or village for coverage; without coordinates unless given. */
export function buildPlace(
  code: string,
  name: string,
  centre: { latitude: number; longitude: number } | null = null,
): CoveragePlace {
  return {
    code,
    name,
    kind: code.length === 12 ? 'village' : 'town',
    latitude: centre?.latitude ?? null,
    longitude: centre?.longitude ?? null,
  };
}

/**
 * Points on one meridian: 0.01° of latitude is 1.112 km (haversine, mean Earth radius), so
 * distances in these tests can be read off the latitudes.
 */
export function northOf(base: { latitude: number; longitude: number }, kilometres: number) {
  return { latitude: base.latitude + kilometres / 111.19508, longitude: base.longitude };
}

/** A township with no recorded centre and its village, added to the test division tree. */
export function unlocatedTownship(): DivisionInput[] {
  return [
    { code: '320412110', name: '雪堰镇', parentCode: '320412' },
    { code: '320412110001', name: '雪堰村村民委员会', parentCode: '320412110' },
  ];
}
