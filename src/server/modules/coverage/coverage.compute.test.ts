import { describe, expect, it } from 'vitest';
import {
  buildListedOrganization,
  buildPlace,
  northOf,
} from '../../../../test/helpers/factories.coverage.js';
import type { Organization } from '../../../contracts/organizations.js';
import { computeCoverage, median, roundKm, type CoverageInput } from './coverage.compute.js';

const hutangCentre = { latitude: 31.7, longitude: 119.95 };
const henglinCentre = { latitude: 31.7, longitude: 120.1 };

const hutang = buildPlace('320412100', '湖塘镇', hutangCentre);
const henglin = buildPlace('320412105', '横林镇', henglinCentre);
const unlocatedTownship = buildPlace('320412110', '雪堰镇');

const district = { code: '320412', name: '武进区', level: 'district' as const };
const path = [
  { code: '32', name: '江苏省', level: 'province' as const },
  { code: '3204', name: '常州市', level: 'city' as const },
  district,
];

function station(overrides: Partial<Organization>): Organization {
  return buildListedOrganization({ type: 'legal_aid_station', ...overrides });
}

const hutangStation = station({
  name: '湖塘镇工作站',
  divisionCode: '320412100',
  ...hutangCentre,
  establishedOn: '2026-03-18',
  homeVisits: true,
});

function input(overrides: Partial<CoverageInput> = {}): CoverageInput {
  return {
    division: district,
    path,
    withinKm: 5,
    year: 2026,
    districtTownships: [hutang, henglin, unlocatedTownship],
    villages: [],
    organizations: [hutangStation],
    ...overrides,
  };
}

describe('median', () => {
  it('should take the middle value when the count is odd', () => {
    expect(median([7, 1, 3])).toBe(3);
  });

  it('should average the two middle values when the count is even', () => {
    expect(median([4, 1, 10, 2])).toBe(3);
  });

  it('should be null when there are no values', () => {
    expect(median([])).toBeNull();
  });
});

describe('roundKm', () => {
  it('should give kilometres to one decimal when given metres', () => {
    expect(roundKm(2349)).toBe(2.3);
    expect(roundKm(2350)).toBe(2.4);
    expect(roundKm(40)).toBe(0);
  });
});

describe('computeCoverage', () => {
  it('should measure each village from its own centre to the nearest workstation when it has one', () => {
    const coverage = computeCoverage(
      input({
        villages: [
          buildPlace('320412100001', '湖塘村', northOf(hutangCentre, 2.3)),
          buildPlace('320412100002', '花园社区', northOf(hutangCentre, 7.1)),
        ],
      }),
    );
    const [first, second] = coverage.townships[0]?.villages ?? [];
    expect(first).toMatchObject({
      code: '320412100001',
      approximate: false,
      distanceKm: 2.3,
      beyond: false,
      nearest: {
        id: hutangStation.id,
        name: '湖塘镇工作站',
        townshipCode: '320412100',
        townshipName: '湖塘镇',
      },
    });
    expect(first?.latitude).toBeCloseTo(hutangCentre.latitude + 2.3 / 111.19508, 9);
    expect(second).toMatchObject({ distanceKm: 7.1, beyond: true });
  });

  it('should place a village at its township centre and flag it approximate when it has no centre', () => {
    const coverage = computeCoverage(
      input({ villages: [buildPlace('320412105001', '崔桥村')], withinKm: 20 }),
    );
    const henglinCoverage = coverage.townships.find((township) => township.code === '320412105');
    expect(henglinCoverage?.villages[0]).toMatchObject({
      approximate: true,
      latitude: henglinCentre.latitude,
      longitude: henglinCentre.longitude,
      // 0.15° of longitude at 31.7° N, to the Hutang workstation.
      distanceKm: 14.2,
      beyond: false,
      nearest: { townshipName: '湖塘镇' },
    });
    expect(henglinCoverage).toMatchObject({ villagesApproximate: 1, villagesBeyond: 0 });
  });

  it('should list a village as without location when neither it nor its township has a centre', () => {
    const coverage = computeCoverage(input({ villages: [buildPlace('320412110001', '雪堰村')] }));
    const xueyan = coverage.townships.find((township) => township.code === '320412110');
    expect(xueyan?.villages[0]).toEqual({
      code: '320412110001',
      name: '雪堰村',
      kind: 'village',
      latitude: null,
      longitude: null,
      approximate: false,
      nearest: null,
      distanceKm: null,
      beyond: false,
    });
    expect(xueyan).toMatchObject({
      villagesWithoutLocation: 1,
      villagesBeyond: 0,
      maxDistanceKm: null,
      medianDistanceKm: null,
    });
  });

  it('should count villages beyond the reach and give the worst and median distance per township', () => {
    const distances = [0.4, 1.2, 3.3, 5.2, 6.8, 9.9];
    const coverage = computeCoverage(
      input({
        villages: distances.map((km, index) =>
          buildPlace(`32041210000${index + 1}`, `村${index + 1}`, northOf(hutangCentre, km)),
        ),
      }),
    );
    expect(coverage.townships[0]).toMatchObject({
      villageCount: 6,
      villagesBeyond: 3,
      maxDistanceKm: 9.9,
      medianDistanceKm: 4.3,
    });
    expect(coverage.summary).toMatchObject({
      villages: 6,
      villagesBeyond: 3,
      maxDistanceKm: 9.9,
      medianDistanceKm: 4.3,
    });
    const wider = computeCoverage(
      input({
        withinKm: 10,
        villages: [buildPlace('320412100001', '村1', northOf(hutangCentre, 9.9))],
      }),
    );
    expect(wider.summary.villagesBeyond).toBe(0);
  });

  it('should flag every located village beyond reach when no workstation has a location', () => {
    const coverage = computeCoverage(
      input({
        organizations: [station({ latitude: null, longitude: null })],
        villages: [buildPlace('320412100001', '湖塘村', hutangCentre)],
      }),
    );
    expect(coverage.townships[0]?.villages[0]).toMatchObject({
      nearest: null,
      distanceKm: null,
      beyond: true,
    });
    expect(coverage.townships[0]?.workstationCount).toBe(1);
  });

  it('should pick the nearer of two workstations when they lie in different townships', () => {
    const henglinStation = station({
      name: '横林镇工作站',
      divisionCode: '320412105',
      ...henglinCentre,
    });
    const coverage = computeCoverage(
      input({
        division: { code: '320412105', name: '横林镇', level: 'township' },
        organizations: [hutangStation, henglinStation],
        villages: [buildPlace('320412105001', '崔桥村', northOf(henglinCentre, 1.1))],
      }),
    );
    expect(coverage.townships.map((township) => township.code)).toEqual(['320412105']);
    expect(coverage.townships[0]?.villages[0]).toMatchObject({
      nearest: { name: '横林镇工作站' },
      distanceKm: 1.1,
    });
    expect(coverage.summary.workstations).toBe(1);
    expect(coverage.workstations.map((item) => [item.name, item.withinDivision])).toEqual([
      ['湖塘镇工作站', false],
      ['横林镇工作站', true],
    ]);
  });

  it('should count workstations, those opened this year, other service points and services per township', () => {
    const coverage = computeCoverage(
      input({
        organizations: [
          hutangStation,
          station({ divisionCode: '320412100001', establishedOn: '2019-05-01' }),
          buildListedOrganization({ type: 'law_firm', services: ['litigation_representation'] }),
          buildListedOrganization({ type: 'law_firm', services: ['legal_consultation'] }),
          buildListedOrganization({
            type: 'mediation_committee',
            divisionCode: '320412100001',
            services: ['mediation'],
          }),
          buildListedOrganization({ type: 'grassroots_office', divisionCode: '320412105' }),
          buildListedOrganization({ type: 'chamber_of_commerce', services: ['legal_publicity'] }),
          buildListedOrganization({ type: 'legal_aid_centre', divisionCode: '320412' }),
        ],
      }),
    );
    const [hutangCoverage, henglinCoverage] = coverage.townships;
    expect(hutangCoverage).toMatchObject({
      workstationCount: 2,
      workstationsOpenedThisYear: 1,
      servicePoints: {
        service_station: 0,
        service_room: 0,
        grassroots_office: 0,
        law_firm: 2,
        mediation_committee: 1,
      },
      services: ['legal_consultation', 'mediation', 'litigation_representation', 'legal_publicity'],
    });
    expect(henglinCoverage?.servicePoints.grassroots_office).toBe(1);
    expect(coverage.summary).toMatchObject({
      townships: 3,
      workstations: 2,
      workstationsOpenedThisYear: 1,
    });
    expect(coverage.workstations.find((item) => item.id === hutangStation.id)).toMatchObject({
      openedThisYear: true,
      homeVisits: true,
      townshipCode: '320412100',
    });
  });
});
