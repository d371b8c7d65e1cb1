import type {
  HoursException,
  OpeningHours,
  OrganizationType,
} from '../../../contracts/organizations.js';
import type { ChangeFeed } from '../../platform/changes.js';

/** Mean Earth radius (IUGG), metres. */
const EARTH_RADIUS_METRES = 6_371_008.8;
const RADIANS = Math.PI / 180;

export interface Point {
  lat: number;
  lng: number;
}

/** What the index keeps of an active organization that has coordinates. */
export interface NearestStation {
  id: string;
  type: OrganizationType;
  name: string;
  divisionCode: string;
  address: string;
  phone: string | null;
  lat: number;
  lng: number;
  openingHours: OpeningHours;
  /** Dated exceptions that replace the weekly hours on their day (holidays, closures). */
  hoursExceptions: HoursException[];
}

export interface NearestHit {
  station: NearestStation;
  distanceMetres: number;
}

export interface NearestOptions {
  limit: number;
  /** Only these types; all types when absent or empty. */
  types?: readonly OrganizationType[];
}

/** Great-circle distance in metres between two points, by the haversine formula. */
export function haversineMetres(from: Point, to: Point): number {
  const halfDLat = ((to.lat - from.lat) * RADIANS) / 2;
  const halfDLng = ((to.lng - from.lng) * RADIANS) / 2;
  const a =
    Math.sin(halfDLat) ** 2 +
    Math.cos(from.lat * RADIANS) * Math.cos(to.lat * RADIANS) * Math.sin(halfDLng) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * k-nearest over a fixed set of stations by a plain scan with a bounded, sorted top-k: for the
 * ~10,000 stations of a city this takes well under a millisecond (see bench/nearest.ts), so no
 * spatial tree is needed. The scan compares the haversine term `a`, which grows with distance,
 * and turns only the k winners into metres.
 */
export function createNearestIndex(stations: readonly NearestStation[]) {
  const count = stations.length;
  const latRad = new Float64Array(count);
  const lngRad = new Float64Array(count);
  const cosLat = new Float64Array(count);
  for (let i = 0; i < count; i += 1) {
    const station = stations[i] as NearestStation;
    latRad[i] = station.lat * RADIANS;
    lngRad[i] = station.lng * RADIANS;
    cosLat[i] = Math.cos(latRad[i] as number);
  }

  return {
    size: count,

    nearest(point: Point, { limit, types }: NearestOptions): NearestHit[] {
      const k = Math.max(0, Math.min(limit, count));
      if (k === 0) return [];
      const wanted = types && types.length > 0 ? new Set(types) : undefined;
      const lat = point.lat * RADIANS;
      const lng = point.lng * RADIANS;
      const cosPointLat = Math.cos(lat);
      // Top-k so far, ascending by `a`; `worst` is the k-th best once k are held.
      const bestA = new Float64Array(k);
      const bestIndex = new Int32Array(k);
      let held = 0;
      let worst = Infinity;
      for (let i = 0; i < count; i += 1) {
        const sinHalfDLat = Math.sin(((latRad[i] as number) - lat) / 2);
        const sinHalfDLng = Math.sin(((lngRad[i] as number) - lng) / 2);
        const a =
          sinHalfDLat * sinHalfDLat +
          cosPointLat * (cosLat[i] as number) * sinHalfDLng * sinHalfDLng;
        if (a >= worst) continue;
        if (wanted && !wanted.has((stations[i] as NearestStation).type)) continue;
        let slot = held < k ? held++ : k - 1;
        while (slot > 0 && (bestA[slot - 1] as number) > a) {
          bestA[slot] = bestA[slot - 1] as number;
          bestIndex[slot] = bestIndex[slot - 1] as number;
          slot -= 1;
        }
        bestA[slot] = a;
        bestIndex[slot] = i;
        if (held === k) worst = bestA[k - 1] as number;
      }
      const hits: NearestHit[] = [];
      for (let rank = 0; rank < held; rank += 1) {
        const a = bestA[rank] as number;
        hits.push({
          station: stations[bestIndex[rank] as number] as NearestStation,
          distanceMetres: 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a))),
        });
      }
      return hits;
    },
  };
}

export type NearestIndex = ReturnType<typeof createNearestIndex>;

/**
 * The index over what `load` returns, built on first use and rebuilt on the next query after the
 * organizations change feed fires. A change during a rebuild makes the following query rebuild
 * again, so no query that starts after a change is answered from data read before it.
 */
export function createLazyNearestIndex(load: () => Promise<NearestStation[]>, changes: ChangeFeed) {
  let version = 0;
  let built: { version: number; index: NearestIndex } | undefined;
  let pending: { version: number; promise: Promise<NearestIndex> } | undefined;

  changes.subscribe((topic) => {
    if (topic === 'organizations') version += 1;
  });

  function current(): Promise<NearestIndex> {
    if (built && built.version === version) return Promise.resolve(built.index);
    if (!pending || pending.version !== version) {
      const target = version;
      const promise = load().then((stations) => {
        const index = createNearestIndex(stations);
        if (!built || built.version < target) built = { version: target, index };
        return index;
      });
      pending = { version: target, promise };
      const clear = () => {
        if (pending?.promise === promise) pending = undefined;
      };
      promise.then(clear, clear);
    }
    return pending.promise;
  }

  return {
    async nearest(point: Point, options: NearestOptions): Promise<NearestHit[]> {
      return (await current()).nearest(point, options);
    },
    /** Whether the next query will rebuild (for tests and diagnostics). */
    get stale(): boolean {
      return !built || built.version !== version;
    },
  };
}
