import type {
  Coverage,
  CoverageNearest,
  CoveragePointType,
  CoverageWorkstation,
  TownshipCoverage,
  VillageCoverage,
} from '../../../contracts/coverage.js';
import { coveragePointTypes } from '../../../contracts/coverage.js';
import type { DivisionKind, DivisionSummary } from '../../../contracts/divisions.js';
import type { Organization, OrganizationService } from '../../../contracts/organizations.js';
import { organizationServices } from '../../../contracts/organizations.js';
import {
  createNearestIndex,
  type NearestIndex,
  type Point,
} from '../organizations/organizations.service.js';

/** A township or village as coverage needs it: where it is, when recorded. */
export interface CoveragePlace {
  code: string;
  name: string;
  kind: DivisionKind;
  latitude: number | null;
  longitude: number | null;
}

export interface CoverageInput {
  division: DivisionSummary;
  path: DivisionSummary[];
  withinKm: number;
  /** The current year in Asia/Shanghai: workstations established in it count as new. */
  year: number;
  /** Every township of the division's district (names for workstations outside the division). */
  districtTownships: CoveragePlace[];
  /** The villages (and communities) inside the division. */
  villages: CoveragePlace[];
  /** The active organizations of the division's district. */
  organizations: Organization[];
}

const TOWNSHIP_CODE_LENGTH = 9;

function townshipOf(divisionCode: string): string | null {
  return divisionCode.length >= TOWNSHIP_CODE_LENGTH
    ? divisionCode.slice(0, TOWNSHIP_CODE_LENGTH)
    : null;
}

/** Kilometres to one decimal, as planners read distances. */
export function roundKm(metres: number): number {
  return Math.round(metres / 100) / 10;
}

/** The middle value (mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function centreOf(place: CoveragePlace): Point | null {
  return place.latitude === null || place.longitude === null
    ? null
    : { lat: place.latitude, lng: place.longitude };
}

/**
 * Where a village is measured from: its own recorded centre, else its township's (flagged as
 * approximate), else nowhere.
 */
function positionOf(
  village: CoveragePlace,
  township: CoveragePlace | undefined,
): { point: Point; approximate: boolean } | null {
  const own = centreOf(village);
  if (own) return { point: own, approximate: false };
  const fallback = township ? centreOf(township) : null;
  return fallback ? { point: fallback, approximate: true } : null;
}

/** The active legal aid workstations that have a position, as the nearest index holds them. */
function workstationIndex(workstations: readonly Organization[]): NearestIndex {
  return createNearestIndex(
    workstations.flatMap((station) =>
      station.latitude === null || station.longitude === null
        ? []
        : [{ ...station, lat: station.latitude, lng: station.longitude }],
    ),
  );
}

interface Measured {
  villages: VillageCoverage[];
  /** Distances in km (1 decimal) of the villages that have one. */
  distances: number[];
}

function measureVillages(
  villages: readonly CoveragePlace[],
  township: CoveragePlace | undefined,
  index: NearestIndex,
  withinKm: number,
  nearestOf: (stationId: string) => CoverageNearest,
): Measured {
  const distances: number[] = [];
  const measured = villages.map((village): VillageCoverage => {
    const position = positionOf(village, township);
    const base = { code: village.code, name: village.name, kind: village.kind };
    if (!position) {
      return {
        ...base,
        latitude: null,
        longitude: null,
        approximate: false,
        nearest: null,
        distanceKm: null,
        beyond: false,
      };
    }
    const [hit] = index.nearest(position.point, { limit: 1 });
    const distanceKm = hit ? roundKm(hit.distanceMetres) : null;
    if (distanceKm !== null) distances.push(distanceKm);
    return {
      ...base,
      latitude: position.point.lat,
      longitude: position.point.lng,
      approximate: position.approximate,
      nearest: hit ? nearestOf(hit.station.id) : null,
      distanceKm,
      // Compared as shown (1 decimal), so a village listed at 5.0 km is never "beyond 5 km".
      beyond: distanceKm === null || distanceKm > withinKm,
    };
  });
  return { villages: measured, distances };
}

function villageFigures(villages: readonly VillageCoverage[], distances: readonly number[]) {
  const middle = median(distances);
  return {
    villagesBeyond: villages.filter((village) => village.beyond).length,
    villagesApproximate: villages.filter((village) => village.approximate).length,
    villagesWithoutLocation: villages.filter((village) => village.latitude === null).length,
    maxDistanceKm: distances.length > 0 ? Math.max(...distances) : null,
    medianDistanceKm: middle === null ? null : Math.round(middle * 10) / 10,
  };
}

function servicePointCounts(organizations: readonly Organization[]) {
  const counts = Object.fromEntries(coveragePointTypes.map((type) => [type, 0])) as Record<
    CoveragePointType,
    number
  >;
  for (const organization of organizations) {
    if (organization.type in counts) counts[organization.type as CoveragePointType] += 1;
  }
  return counts;
}

function servicesOffered(organizations: readonly Organization[]): OrganizationService[] {
  const offered = new Set(organizations.flatMap((organization) => organization.services));
  return organizationServices.filter((service) => offered.has(service));
}

function openedIn(year: number, station: Organization): boolean {
  return station.establishedOn?.startsWith(`${year}-`) ?? false;
}

/**
 * Coverage of a district or township: for each township its villages, workstations and other
 * service points, and for each village the nearest active legal aid workstation of the district
 * and how far it is in a straight line. Workstations of other districts are left out: legal aid
 * is applied for where one lives, so a neighbouring district's station does not serve the village.
 */
export function computeCoverage(input: CoverageInput): Coverage {
  const { division, withinKm, year } = input;
  const inDivision = (code: string) => code.startsWith(division.code);
  const townshipsByCode = new Map(input.districtTownships.map((place) => [place.code, place]));
  const stations = input.organizations.filter((org) => org.type === 'legal_aid_station');
  const index = workstationIndex(stations);
  const stationsById = new Map(stations.map((station) => [station.id, station]));
  const nearestOf = (stationId: string): CoverageNearest => {
    const station = stationsById.get(stationId) as Organization;
    const townshipCode = townshipOf(station.divisionCode);
    return {
      id: station.id,
      name: station.name,
      townshipCode,
      townshipName: townshipCode ? (townshipsByCode.get(townshipCode)?.name ?? null) : null,
    };
  };

  const townships = input.districtTownships
    .filter((township) => inDivision(township.code))
    .map((township): TownshipCoverage => {
      const local = input.organizations.filter(
        (org) => townshipOf(org.divisionCode) === township.code,
      );
      const localStations = local.filter((org) => org.type === 'legal_aid_station');
      const measured = measureVillages(
        input.villages.filter((village) => townshipOf(village.code) === township.code),
        township,
        index,
        withinKm,
        nearestOf,
      );
      return {
        code: township.code,
        name: township.name,
        kind: township.kind,
        latitude: township.latitude,
        longitude: township.longitude,
        villageCount: measured.villages.length,
        workstationCount: localStations.length,
        workstationsOpenedThisYear: localStations.filter((station) => openedIn(year, station))
          .length,
        servicePoints: servicePointCounts(local),
        services: servicesOffered(local),
        ...villageFigures(measured.villages, measured.distances),
        villages: measured.villages,
      };
    });

  const allVillages = townships.flatMap((township) => township.villages);
  const allDistances = allVillages.flatMap((village) =>
    village.distanceKm === null ? [] : [village.distanceKm],
  );
  const workstations = stations.map((station): CoverageWorkstation => ({
    id: station.id,
    name: station.name,
    divisionCode: station.divisionCode,
    townshipCode: townshipOf(station.divisionCode),
    latitude: station.latitude,
    longitude: station.longitude,
    establishedOn: station.establishedOn,
    openedThisYear: openedIn(year, station),
    hostKind: station.hostKind,
    hostName: station.hostName,
    staffCount: station.staffCount,
    meetsStandard: station.meetsStandard,
    homeVisits: station.homeVisits,
    withinDivision: inDivision(station.divisionCode),
  }));
  const ownWorkstations = workstations.filter((station) => station.withinDivision);
  const figures = villageFigures(allVillages, allDistances);
  return {
    division,
    path: input.path,
    withinKm,
    year,
    summary: {
      townships: townships.length,
      villages: allVillages.length,
      workstations: ownWorkstations.length,
      workstationsOpenedThisYear: ownWorkstations.filter((station) => station.openedThisYear)
        .length,
      ...figures,
    },
    townships,
    workstations,
  };
}
