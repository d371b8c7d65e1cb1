import { describe, expect, it } from 'vitest';
import type { OrganizationType } from '../../../contracts/organizations.js';
import { createChangeFeed } from '../../platform/changes.js';
import {
  createLazyNearestIndex,
  createNearestIndex,
  haversineMetres,
  type NearestStation,
} from './nearest.js';

let sequence = 0;
function station(lat: number, lng: number, type: OrganizationType = 'law_firm'): NearestStation {
  sequence += 1;
  return {
    id: `station-${sequence}`,
    type,
    name: `站点${sequence}`,
    divisionCode: '320412100',
    address: '',
    phone: null,
    lat,
    lng,
    openingHours: {},
    hoursExceptions: [],
  };
}

const changzhou = { lat: 31.7, lng: 119.95 };

describe('haversineMetres', () => {
  it('should be zero when both points are the same', () => {
    expect(haversineMetres(changzhou, changzhou)).toBe(0);
  });

  it('should give about 111.2 km when the points are one degree of latitude apart', () => {
    expect(haversineMetres({ lat: 31, lng: 120 }, { lat: 32, lng: 120 })).toBeCloseTo(111_195, -1);
  });

  it('should agree with the spherical law of cosines when the points are kilometres apart', () => {
    const from = { lat: 31.81, lng: 119.97 };
    const to = { lat: 32.06, lng: 118.8 };
    const r = Math.PI / 180;
    const cosines =
      6_371_008.8 *
      Math.acos(
        Math.sin(from.lat * r) * Math.sin(to.lat * r) +
          Math.cos(from.lat * r) * Math.cos(to.lat * r) * Math.cos((to.lng - from.lng) * r),
      );
    expect(haversineMetres(from, to)).toBeCloseTo(cosines, 0);
  });

  it('should take the short way when the points straddle the antimeridian', () => {
    expect(haversineMetres({ lat: 0, lng: 179.5 }, { lat: 0, lng: -179.5 })).toBeCloseTo(
      111_195,
      -1,
    );
  });
});

describe('createNearestIndex', () => {
  it('should return the k nearest sorted by distance when there are more stations than k', () => {
    const stations = Array.from({ length: 200 }, (_, i) =>
      station(31.5 + (((i * 37) % 200) / 200) * 0.4, 119.8 + (((i * 53) % 200) / 200) * 0.4),
    );
    const index = createNearestIndex(stations);
    const hits = index.nearest(changzhou, { limit: 7 });
    const expected = stations
      .map((candidate) => ({ candidate, metres: haversineMetres(changzhou, candidate) }))
      .sort((a, b) => a.metres - b.metres)
      .slice(0, 7);
    expect(hits.map((hit) => hit.station.id)).toEqual(expected.map((e) => e.candidate.id));
    hits.forEach((hit, rank) =>
      expect(hit.distanceMetres).toBeCloseTo(expected[rank]?.metres ?? NaN, 3),
    );
  });

  it('should keep only the given types when types are passed', () => {
    const near = station(31.7001, 119.95, 'law_firm');
    const aid = station(31.71, 119.95, 'legal_aid_station');
    const room = station(31.72, 119.95, 'service_room');
    const index = createNearestIndex([near, aid, room]);
    expect(
      index
        .nearest(changzhou, { limit: 5, types: ['legal_aid_station', 'service_room'] })
        .map((hit) => hit.station.id),
    ).toEqual([aid.id, room.id]);
  });

  it('should return every station when the limit exceeds the count', () => {
    const index = createNearestIndex([station(31.8, 119.9), station(31.7, 119.9)]);
    expect(index.nearest(changzhou, { limit: 10 })).toHaveLength(2);
  });

  it('should return nothing when the index is empty', () => {
    expect(createNearestIndex([]).nearest(changzhou, { limit: 10 })).toEqual([]);
  });
});

describe('createLazyNearestIndex', () => {
  it('should load once when queried repeatedly and concurrently without changes', async () => {
    let loads = 0;
    const index = createLazyNearestIndex(async () => {
      loads += 1;
      return [station(31.7, 119.95)];
    }, createChangeFeed());
    await Promise.all([
      index.nearest(changzhou, { limit: 1 }),
      index.nearest(changzhou, { limit: 1 }),
    ]);
    await index.nearest(changzhou, { limit: 1 });
    expect(loads).toBe(1);
  });

  it('should rebuild on the next query when the organizations feed fires', async () => {
    const changes = createChangeFeed();
    const stations = [station(31.8, 119.95)];
    let loads = 0;
    const index = createLazyNearestIndex(async () => {
      loads += 1;
      return [...stations];
    }, changes);
    await index.nearest(changzhou, { limit: 1 });
    const closer = station(31.7, 119.95);
    stations.push(closer);
    changes.publish('divisions');
    expect(index.stale).toBe(false);
    changes.publish('organizations');
    expect(index.stale).toBe(true);
    expect(loads).toBe(1);
    const [hit] = await index.nearest(changzhou, { limit: 1 });
    expect(hit?.station.id).toBe(closer.id);
    expect(loads).toBe(2);
  });

  it('should load again when a change arrives while a rebuild is loading', async () => {
    const changes = createChangeFeed();
    const stations = [station(31.8, 119.95)];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let loads = 0;
    const index = createLazyNearestIndex(async () => {
      loads += 1;
      const snapshot = [...stations];
      if (loads === 1) await gate;
      return snapshot;
    }, changes);
    const first = index.nearest(changzhou, { limit: 5 });
    stations.push(station(31.7, 119.95));
    changes.publish('organizations');
    const second = index.nearest(changzhou, { limit: 5 });
    release();
    expect(await first).toHaveLength(1);
    expect(await second).toHaveLength(2);
    expect(index.stale).toBe(false);
  });

  it('should try again on the next query when loading fails', async () => {
    let loads = 0;
    const index = createLazyNearestIndex(async () => {
      loads += 1;
      if (loads === 1) throw new Error('database unavailable');
      return [station(31.7, 119.95)];
    }, createChangeFeed());
    await expect(index.nearest(changzhou, { limit: 1 })).rejects.toThrow('database unavailable');
    expect(await index.nearest(changzhou, { limit: 1 })).toHaveLength(1);
  });
});
