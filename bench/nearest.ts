/**
 * `npx tsx bench/nearest.ts`: the nearest-station lookup (GET /api/organizations/nearest) in
 * memory, without HTTP or database: 10,000 random stations around Changzhou, 10,000 timed queries
 * per scenario. Writes results/nearest.json. Budget (DESIGN.md): nearest among 10,000 < 5 ms.
 */
import { seededRandom } from '../src/server/platform/random.js';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  organizationTypes,
  type OpeningHours,
  type OrganizationType,
} from '../src/contracts/organizations.js';
import {
  createNearestIndex,
  type NearestOptions,
  type NearestStation,
  type Point,
} from '../src/server/modules/organizations/nearest.js';
import { openNow } from '../src/server/modules/organizations/opening-hours.js';

const resultsFile = fileURLToPath(new URL('./results/nearest.json', import.meta.url));
const budgetMs = 5;
const stationCount = Number(process.env.BENCH_NEAREST_STATIONS ?? 10_000);
const queryCount = Number(process.env.BENCH_NEAREST_QUERIES ?? 10_000);
const warmupQueries = 2_000;
/** Changzhou's urban area and surroundings: about 65 km by 75 km. */
const box = { south: 31.4, north: 32.0, west: 119.5, east: 120.3 };

const next = seededRandom(20261123);
const pointInBox = (): Point => ({
  lat: box.south + next() * (box.north - box.south),
  lng: box.west + next() * (box.east - box.west),
});
const officeHours: OpeningHours = {
  mon: [
    { opens: '08:30', closes: '12:00' },
    { opens: '13:30', closes: '17:30' },
  ],
  tue: [{ opens: '08:30', closes: '17:30' }],
  wed: [{ opens: '08:30', closes: '17:30' }],
  thu: [{ opens: '08:30', closes: '17:30' }],
  fri: [{ opens: '08:30', closes: '17:00' }],
};

const stations: NearestStation[] = Array.from({ length: stationCount }, (_, i) => {
  const { lat, lng } = pointInBox();
  return {
    id: `station-${i}`,
    type: organizationTypes[Math.floor(next() * organizationTypes.length)] as OrganizationType,
    name: `工作站${i}`,
    divisionCode: '320412100',
    address: `常州市武进区测试路${i}号`,
    phone: null,
    lat,
    lng,
    openingHours: officeHours,
    hoursExceptions: [],
  };
});
const queries: Point[] = Array.from({ length: queryCount }, pointInBox);

const buildStart = process.hrtime.bigint();
const index = createNearestIndex(stations);
const buildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;

interface Scenario {
  name: string;
  run: (point: Point) => unknown;
}

const at = new Date('2026-11-23T10:00:00+08:00');
const allTypes: NearestOptions = { limit: 10 };
const oneType: NearestOptions = { limit: 10, types: ['service_station'] };
const scenarios: Scenario[] = [
  { name: 'nearest 10, all types', run: (point) => index.nearest(point, allTypes) },
  { name: 'nearest 10, one type', run: (point) => index.nearest(point, oneType) },
  {
    name: 'nearest 10 + openNow (service work)',
    run: (point) =>
      index
        .nearest(point, allTypes)
        .map((hit) => openNow(hit.station.openingHours, at, hit.station.hoursExceptions)),
  },
];

function percentile(sorted: Float64Array, p: number): number {
  const rank = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, rank)] as number;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;
let sink = 0;

const results = scenarios.map(({ name, run }) => {
  for (let i = 0; i < warmupQueries; i += 1) {
    sink += (run(queries[i % queries.length] as Point) as unknown[]).length;
  }
  const times = new Float64Array(queries.length);
  for (let i = 0; i < queries.length; i += 1) {
    const start = process.hrtime.bigint();
    const answer = run(queries[i] as Point) as unknown[];
    times[i] = Number(process.hrtime.bigint() - start) / 1e6;
    sink += answer.length;
  }
  times.sort();
  const p99 = percentile(times, 99);
  return {
    scenario: name,
    queries: queries.length,
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(p99),
    maxMs: round(times[times.length - 1] as number),
    meetsBudget: p99 < budgetMs,
  };
});

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    return null;
  }
}

const processors = cpus();
const report = {
  benchmark: 'nearest',
  date: new Date().toISOString(),
  gitCommit: gitCommit(),
  machine: {
    cpus: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  },
  settings: { stations: stationCount, queries: queryCount, warmupQueries, box, budgetMs },
  indexBuildMs: round(buildMs),
  results,
  meetsBudget: results.every((result) => result.meetsBudget),
};

await mkdir(dirname(resultsFile), { recursive: true });
await writeFile(resultsFile, `${JSON.stringify(report, null, 2)}\n`);

console.log(
  `Nearest among ${stationCount} stations, ${queryCount} queries each (budget p99 < ${budgetMs} ms)`,
);
console.log(`index build: ${round(buildMs)} ms`);
console.table(
  results.map((result) => ({
    scenario: result.scenario,
    'p50 ms': result.p50Ms,
    'p99 ms': result.p99Ms,
    'max ms': result.maxMs,
    verdict: result.meetsBudget ? 'ok' : 'MISSED',
  })),
);
// Keeps the answers observable, so the engine cannot drop the work being timed.
if (sink === 0) throw new Error('every query answered nothing: the benchmark measured no work');
console.log(`Wrote ${resultsFile}`);
