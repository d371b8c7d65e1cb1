/**
 * `npx tsx bench/writes.ts`: issue 8's budgets for the audited write path and for an uncached
 * public read, on PostgreSQL (a throwaway database, migrated, demo seeded, plus generated
 * organizations). In one run, each beside its bare SQL floor:
 *
 * 1. **staff write:** `services.volunteers.logHours` (hours row + service event + audit row in one
 *    transaction through the writer), signed in as the demo bureau user `wujin`, N times in a
 *    row; beside it the same three rows as plain INSERTs in one transaction (pg, no Drizzle), the
 *    two taking turns. Then 1 and 8 concurrent writers, closed loop, for throughput.
 * 2. **uncached public read:** `GET /api/organizations?division=320412&limit=20&offset=k`, a new
 *    `k` each request so the public cache misses every time, against the real app in a child
 *    process; beside it the SQL the repository issues for that page (captured once through
 *    Drizzle's logger), replayed with pg, the two taking turns.
 *
 * Budgets (DESIGN.md): staff write median < 20 ms, uncached public read p50 < 10 ms. Writes
 * results/writes.json. Like the other benchmarks the exit code is 0 when a budget is missed,
 * non-zero when the run fails.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { listOrganizationsQuerySchema } from '../src/contracts/organizations.js';
import type { NewServiceHours } from '../src/contracts/volunteers.js';
import { openMigratedDatabase, seedDemoData } from '../src/server/main.js';
import { createOrganizationRepository } from '../src/server/modules/organizations/organizations.repository.js';
import type { Actor, RequestOrigin } from '../src/server/platform/access/actor.js';
import { loadConfig } from '../src/server/platform/config.js';
import type { Database } from '../src/server/platform/db/client.js';
import { startOfShanghaiDay, todayInShanghai } from '../src/server/platform/time.js';
import { createServices, type Services } from '../src/server/services.js';
import { startServerChild, stopAllServerChildren } from './children.js';
import { generateOrganizations } from './data.js';
import { BenchError, redactUrl } from './options.js';
import { createThrowawayDatabase } from './postgres.js';

const resultsFile = fileURLToPath(new URL('./results/writes.json', import.meta.url));
const budgets = { writeMedianMs: 20, uncachedReadP50Ms: 10 };
const WUJIN = '320412';
const PAGE_SIZE = 20;
const listPath = `/api/organizations?division=${WUJIN}&limit=${PAGE_SIZE}`;
/** Half-hour shifts, at most 32 per volunteer and day: 16 h of the 24 a day allows (the seed logs ≤ 4 h). */
const SHIFT_HOURS = 0.5;
const SHIFTS_PER_DAY = 32;
const ACTIVITY = '法律咨询值班';
/** The offset the SQL is captured with: no other parameter of the list query equals it. */
const CAPTURE_OFFSET = 13;

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new BenchError(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

function readSettings() {
  return {
    adminDatabaseUrl:
      process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    /** Sequential writes through the write path (and as many bare ones), measured. */
    writes: positiveInteger('BENCH_WRITES', 500),
    /** Unmeasured writes (and reads) of each kind first. */
    warmup: positiveInteger('BENCH_WRITES_WARMUP', 30),
    writers: positiveInteger('BENCH_WRITERS', 8),
    /** Writes of each closed-loop run (one writer, then `writers` writers). */
    concurrentWrites: positiveInteger('BENCH_CONCURRENT_WRITES', 400),
    /** Sequential uncached reads (and as many bare queries), measured. */
    reads: positiveInteger('BENCH_READS', 500),
    organizations: positiveInteger('BENCH_ORGANIZATIONS', 2000),
  };
}

type Settings = ReturnType<typeof readSettings>;

interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

function summarize(times: number[]): LatencySummary {
  const sorted = [...times].sort((a, b) => a - b);
  const sum = sorted.reduce((total, time) => total + time, 0);
  return {
    count: sorted.length,
    mean: round(sorted.length > 0 ? sum / sorted.length : 0),
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? 0),
  };
}

/** Milliseconds `work` took. */
async function timeMs(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** `a` then `b`, then `b` then `a`, …: a busy spell on the machine hits both alike. */
async function inTurns(
  count: number,
  a: (index: number) => Promise<unknown>,
  b: (index: number) => Promise<unknown>,
): Promise<{ a: number[]; b: number[] }> {
  const times = { a: [] as number[], b: [] as number[] };
  for (let index = 0; index < count; index += 1) {
    const runA = async () => times.a.push(await timeMs(() => a(index)));
    const runB = async () => times.b.push(await timeMs(() => b(index)));
    if (index % 2 === 0) await runA().then(runB);
    else await runB().then(runA);
  }
  return times;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

interface BenchVolunteer {
  id: string;
  stationId: string | null;
  /** Where a shift counts, as the service works it out: the station, else the managing body. */
  organizationId: string;
  divisionCode: string;
}

async function wujinVolunteers(client: pg.Pool): Promise<BenchVolunteer[]> {
  const { rows } = await client.query<BenchVolunteer>(
    `select v.id, v.station_id as "stationId",
            coalesce(v.station_id, v.organization_id) as "organizationId",
            coalesce(s.division_code, v.division_code) as "divisionCode"
       from volunteers v left join organizations s on s.id = v.station_id
      where v.division_code like $1 and v.status = 'active'
      order by v.id`,
    [`${WUJIN}%`],
  );
  return rows;
}

/**
 * Hands out shifts so that no volunteer's day goes over 24 hours, whichever path writes them:
 * each volunteer's next free half hour, walking back a day every SHIFTS_PER_DAY shifts.
 */
function createShiftPlanner(today: string) {
  const planned = new Map<string, number>();
  return (volunteerId: string): Required<Omit<NewServiceHours, 'stationId'>> => {
    const count = planned.get(volunteerId) ?? 0;
    planned.set(volunteerId, count + 1);
    return {
      servedOn: addDays(today, -Math.floor(count / SHIFTS_PER_DAY)),
      hours: SHIFT_HOURS,
      activity: ACTIVITY,
    };
  };
}

type ShiftPlanner = ReturnType<typeof createShiftPlanner>;

async function signInWujin(services: Services, password: string): Promise<Actor> {
  const origin = { actor: null, ip: '127.0.0.1' };
  const outcome = await services.identity.loginStaff('wujin', password, origin, 'farun-bench');
  if (outcome.status !== 'signed_in') throw new BenchError(`wujin sign-in: ${outcome.status}`);
  const actor = await services.identity.resolveSession(outcome.issued.token);
  if (!actor) throw new BenchError('the session of wujin did not resolve');
  return actor;
}

/**
 * The same three rows as logHours, as plain INSERTs in one transaction on one connection: no
 * validation, no reads, no chain lock. The audit hash is a sha256 of the row after the previous
 * bare row's hash, so the columns hold what they would; the chain itself is not kept (the
 * database is thrown away).
 */
function createBareWriter(client: pg.PoolClient, actor: Actor) {
  let previousHash = '0'.repeat(64);
  return async (volunteer: BenchVolunteer, shift: ReturnType<ShiftPlanner>): Promise<void> => {
    await client.query('begin');
    try {
      const inserted = await client.query<{ id: string }>(
        `insert into volunteer_service_hours
           (volunteer_id, station_id, served_on, hours, activity, recorded_by)
         values ($1, $2, $3, $4, $5, $6) returning id`,
        [
          volunteer.id,
          volunteer.stationId,
          shift.servedOn,
          shift.hours,
          shift.activity,
          actor.accountId,
        ],
      );
      const entryId = inserted.rows[0]?.id;
      if (!entryId) throw new BenchError('bare insert returned no id');
      await client.query(
        `insert into service_events
           (occurred_at, type, channel, organization_id, division_code, people_served, counts,
            source_type, source_id, recorded_by, recorded_at)
         values ($1, 'volunteer_service', 'in_person', $2, $3, 0, $4::jsonb,
                 'volunteer_service_hours', $5, $6, now())`,
        [
          startOfShanghaiDay(shift.servedOn),
          volunteer.organizationId,
          volunteer.divisionCode,
          JSON.stringify({ hours: shift.hours }),
          entryId,
          actor.accountId,
        ],
      );
      const detail = JSON.stringify({
        entries: [{ entryId, servedOn: shift.servedOn, hours: shift.hours }],
      });
      const row = [
        new Date().toISOString(),
        actor.accountId,
        actor.displayName,
        actor.roles.join(','),
        '127.0.0.1',
        'volunteer.hours.create',
        'volunteer',
        volunteer.id,
        'success',
        detail,
      ];
      const hash = createHash('sha256')
        .update(previousHash + JSON.stringify(row))
        .digest('hex');
      await client.query(
        `insert into audit_log
           (occurred_at, actor_id, actor_name, actor_roles, ip, action, object_type, object_id,
            outcome, detail, previous_hash, hash)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12)`,
        [...row, previousHash, hash],
      );
      await client.query('commit');
      previousHash = hash;
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  };
}

interface WriterRun {
  writers: number;
  writes: number;
  seconds: number;
  writesPerSecond: number;
  latencyMs: LatencySummary;
}

/** `writers` loops, each logging its own volunteer's shifts back to back, `total` in all. */
async function closedLoop(
  services: Services,
  origin: RequestOrigin,
  volunteers: BenchVolunteer[],
  plan: ShiftPlanner,
  writers: number,
  total: number,
): Promise<WriterRun> {
  const perWriter = Math.ceil(total / writers);
  const times: number[] = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    volunteers.slice(0, writers).map(async (volunteer) => {
      for (let index = 0; index < perWriter; index += 1) {
        const shift = plan(volunteer.id);
        times.push(await timeMs(() => services.volunteers.logHours(volunteer.id, shift, origin)));
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    writers,
    writes: times.length,
    seconds: round(seconds),
    writesPerSecond: round(times.length / seconds, 1),
    latencyMs: summarize(times),
  };
}

async function countRows(pool: pg.Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query<Record<string, string>>(
    `select (select count(*) from volunteer_service_hours) as hours,
            (select count(*) from service_events) as events,
            (select count(*) from audit_log) as audit`,
  );
  const [row] = rows;
  return Object.fromEntries(Object.entries(row ?? {}).map(([key, value]) => [key, Number(value)]));
}

async function benchWrites(
  services: Services,
  pool: pg.Pool,
  password: string,
  settings: Settings,
  problems: string[],
) {
  const actor = await signInWujin(services, password);
  const origin: RequestOrigin = { actor, ip: '127.0.0.1' };
  const volunteers = await wujinVolunteers(pool);
  if (volunteers.length < settings.writers) {
    throw new BenchError(`${volunteers.length} active Wujin volunteers, need ${settings.writers}`);
  }
  const today = todayInShanghai();
  const plan = createShiftPlanner(today);
  // The months the shifts fall in get their partitions now, not inside a measured write.
  const earliest = new Date(`${addDays(today, -90)}T00:00:00Z`);
  await services.writer.partitions.ensureAhead(earliest, 6);

  const client = await pool.connect();
  try {
    const bareWrite = createBareWriter(client, actor);
    const volunteerFor = (index: number) => volunteers[index % volunteers.length] as BenchVolunteer;
    const viaWritePath = (index: number) => {
      const volunteer = volunteerFor(index);
      return services.volunteers.logHours(volunteer.id, plan(volunteer.id), origin);
    };
    const bare = (index: number) => {
      const volunteer = volunteerFor(index);
      return bareWrite(volunteer, plan(volunteer.id));
    };
    const before = await countRows(pool);
    console.log(
      `[write] ${settings.warmup} + ${settings.writes} writes each, in turns with bare SQL`,
    );
    await inTurns(settings.warmup, viaWritePath, bare);
    const sequential = await inTurns(settings.writes, viaWritePath, bare);
    const after = await countRows(pool);
    const expected = 2 * (settings.warmup + settings.writes);
    for (const [table, count] of Object.entries(after)) {
      const added = count - (before[table] ?? 0);
      if (added !== expected) problems.push(`${table}: ${added} rows added, expected ${expected}`);
    }
    console.log(
      `[write] 1 writer, then ${settings.writers}, ${settings.concurrentWrites} writes each`,
    );
    const one = await closedLoop(services, origin, volunteers, plan, 1, settings.concurrentWrites);
    const many = await closedLoop(
      services,
      origin,
      volunteers,
      plan,
      settings.writers,
      settings.concurrentWrites,
    );
    const writePath = summarize(sequential.a);
    const bareSql = summarize(sequential.b);
    return {
      operation: 'services.volunteers.logHours (hours row + service event + audit row)',
      writePath: { latencyMs: writePath },
      bareSql: { latencyMs: bareSql },
      /** Write path median ÷ bare SQL median. */
      overheadRatio: round(writePath.p50 / bareSql.p50, 2),
      meetsBudget: writePath.p50 < budgets.writeMedianMs,
      concurrency: {
        oneWriter: one,
        manyWriters: many,
        /** Writes per second of `writers` writers ÷ those of one. */
        throughputRatio: round(many.writesPerSecond / one.writesPerSecond, 2),
        /** Median latency of `writers` writers ÷ that of one. */
        p50Ratio: round(many.latencyMs.p50 / one.latencyMs.p50, 2),
      },
    };
  } finally {
    client.release();
  }
}

interface CapturedQuery {
  query: string;
  params: unknown[];
}

/**
 * The statements the repository issues for one page of the list, captured through Drizzle's
 * logger: the page, its count (run side by side, as the repository does) and the page's photos.
 */
async function captureListSql(pool: pg.Pool): Promise<{
  page: CapturedQuery;
  count: CapturedQuery;
  photos: CapturedQuery;
  offsetParam: number;
}> {
  const captured: CapturedQuery[] = [];
  const logged = drizzleNodePg(pool, {
    logger: { logQuery: (query, params) => captured.push({ query, params }) },
  }) as unknown as Database;
  const query = listOrganizationsQuerySchema.parse({
    division: WUJIN,
    limit: PAGE_SIZE,
    offset: CAPTURE_OFFSET,
  });
  await createOrganizationRepository(logged).list(query);
  const find = (test: (sql: string) => boolean, name: string) => {
    const found = captured.filter((entry) => test(entry.query));
    if (found.length !== 1) throw new BenchError(`expected one ${name} query, got ${found.length}`);
    return found[0] as CapturedQuery;
  };
  if (captured.length !== 3)
    throw new BenchError(`the list issued ${captured.length} queries, expected 3`);
  const page = find((sql) => / offset \$\d+/.test(sql), 'page');
  const count = find((sql) => sql.includes('count('), 'count');
  const photos = find((sql) => sql.includes('"organization_photos"'), 'photos');
  const offsetParam = page.params.indexOf(CAPTURE_OFFSET);
  if (offsetParam < 0 || page.params.lastIndexOf(CAPTURE_OFFSET) !== offsetParam) {
    throw new BenchError('could not find the offset parameter of the page query');
  }
  return { page, count, photos, offsetParam };
}

type ListSql = Awaited<ReturnType<typeof captureListSql>>;

/** The captured statements for page `offset`, as the repository runs them, with pg. */
function createBareList(pool: pg.Pool, { page, count, photos, offsetParam }: ListSql) {
  return async (offset: number): Promise<void> => {
    const values = page.params.map((value, index) => (index === offsetParam ? offset : value));
    const [rows] = await Promise.all([
      pool.query<unknown[]>({ text: page.query, values, rowMode: 'array' }),
      pool.query<unknown[]>({ text: count.query, values: count.params, rowMode: 'array' }),
    ]);
    const ids = rows.rows.map((row) => row[0]);
    if (ids.length !== photos.params.length) {
      throw new BenchError(`bare page at offset ${offset} held ${ids.length} rows`);
    }
    await pool.query({ text: photos.query, values: ids, rowMode: 'array' });
  };
}

async function benchReads(
  databaseUrl: string,
  pool: pg.Pool,
  settings: Settings,
  problems: string[],
) {
  const listSql = await captureListSql(pool);
  const bareList = createBareList(pool, listSql);
  console.log('[read] starting the app in a child process');
  const server = await startServerChild('./farun-server.ts', 'postgres', {
    DATABASE_URL: databaseUrl,
    BENCH_SEEDED: '1',
    FARUN_DEMO: '0',
    FARUN_LOG_LEVEL: 'warn',
    FARUN_HOST: '127.0.0.1',
    FARUN_PORT: '0',
  });
  try {
    const first = await fetch(`${server.url}${listPath}&offset=0`);
    const { total } = (await first.json()) as { total: number };
    const lastOffset = total - PAGE_SIZE;
    const reads = Math.min(settings.reads, lastOffset - settings.warmup);
    if (reads < settings.reads) {
      problems.push(`only ${total} organizations: ${reads} reads instead of ${settings.reads}`);
    }
    const misses = { miss: 0, other: 0 };
    const viaHttp = async (offset: number) => {
      const response = await fetch(`${server.url}${listPath}&offset=${offset}`);
      const body = (await response.json()) as { items?: unknown[] };
      if (response.status !== 200 || body.items?.length !== PAGE_SIZE) {
        throw new BenchError(`offset ${offset}: ${response.status}, ${body.items?.length} items`);
      }
      if (response.headers.get('x-cache') === 'miss') misses.miss += 1;
      else misses.other += 1;
    };
    console.log(`[read] ${settings.warmup} + ${reads} pages each, in turns with bare SQL`);
    // Offset 0 was the probe; every later request asks for a page not asked for before.
    await inTurns(
      settings.warmup,
      (index) => viaHttp(1 + index),
      (index) => bareList(1 + index),
    );
    const start = 1 + settings.warmup;
    const measured = await inTurns(
      reads,
      (index) => viaHttp(start + index),
      (index) => bareList(start + index),
    );
    if (misses.other > 0) problems.push(`${misses.other} reads were not cache misses`);
    const http = summarize(measured.a);
    const bareSql = summarize(measured.b);
    return {
      endpoint: `GET ${listPath}&offset=<k>`,
      matchingOrganizations: total,
      // Over every read after the probe, warm-up included: all must be `x-cache: miss`.
      http: { latencyMs: http, cacheMisses: misses.miss, otherAnswers: misses.other },
      bareSql: {
        latencyMs: bareSql,
        statements: [listSql.page.query, listSql.count.query, listSql.photos.query],
      },
      /** HTTP p50 ÷ bare SQL p50. */
      overheadRatio: round(http.p50 / bareSql.p50, 2),
      meetsBudget: http.p50 < budgets.uncachedReadP50Ms,
    };
  } finally {
    await server.stop();
  }
}

function packageVersion(name: string): string {
  const file = new URL(`../node_modules/${name}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    return null;
  }
}

async function benchAll(databaseUrl: string, settings: Settings, problems: string[]) {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    FARUN_DEMO: '0',
    FARUN_LOG_LEVEL: 'silent',
  });
  const { database } = await openMigratedDatabase(config);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  try {
    console.log(`[setup] seeding the demo, generating ${settings.organizations} organizations`);
    const logins = await seedDemoData(database);
    const wujin = logins?.staff.find((login) => login.username === 'wujin');
    if (!wujin) throw new BenchError('the demo seed made no "wujin" account');
    await generateOrganizations(database.db, settings.organizations);
    const services = createServices(database.db);
    const write = await benchWrites(services, pool, wujin.password, settings, problems);
    const { rows } = await pool.query<{ server_version: string }>('show server_version');
    const read = await benchReads(databaseUrl, pool, settings, problems);
    return { write, read, postgres: rows[0]?.server_version ?? 'unknown' };
  } finally {
    await pool.end();
    await database.close();
  }
}

function printResults(report: Awaited<ReturnType<typeof benchAll>>): void {
  const { write, read } = report;
  const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  const { oneWriter, manyWriters } = write.concurrency;
  console.log(`\nAudited write and uncached read on PostgreSQL ${report.postgres}`);
  console.table([
    {
      measured: 'logHours, write path',
      'p50 ms': write.writePath.latencyMs.p50,
      'p95 ms': write.writePath.latencyMs.p95,
      'writes/s': '',
      verdict: `median < ${budgets.writeMedianMs} ms ${mark(write.meetsBudget)}`,
    },
    {
      measured: 'same rows, bare SQL',
      'p50 ms': write.bareSql.latencyMs.p50,
      'p95 ms': write.bareSql.latencyMs.p95,
      'writes/s': '',
      verdict: `write path ${write.overheadRatio}× bare`,
    },
    {
      measured: 'logHours, 1 writer',
      'p50 ms': oneWriter.latencyMs.p50,
      'p95 ms': oneWriter.latencyMs.p95,
      'writes/s': oneWriter.writesPerSecond,
      verdict: '',
    },
    {
      measured: `logHours, ${manyWriters.writers} writers`,
      'p50 ms': manyWriters.latencyMs.p50,
      'p95 ms': manyWriters.latencyMs.p95,
      'writes/s': manyWriters.writesPerSecond,
      verdict: `${write.concurrency.throughputRatio}× the writes/s of 1 (no budget here)`,
    },
    {
      measured: 'uncached list, HTTP',
      'p50 ms': read.http.latencyMs.p50,
      'p95 ms': read.http.latencyMs.p95,
      'writes/s': '',
      verdict: `p50 < ${budgets.uncachedReadP50Ms} ms ${mark(read.meetsBudget)}`,
    },
    {
      measured: 'same page, bare SQL',
      'p50 ms': read.bareSql.latencyMs.p50,
      'p95 ms': read.bareSql.latencyMs.p95,
      'writes/s': '',
      verdict: `HTTP ${read.overheadRatio}× bare`,
    },
  ]);
}

async function main(): Promise<number> {
  const startedAt = Date.now();
  const settings = readSettings();
  const database = await createThrowawayDatabase(settings.adminDatabaseUrl);
  console.log(`[setup] database ${database.name} on ${redactUrl(settings.adminDatabaseUrl)}`);
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      console.error(`\nInterrupted (${signal}); cleaning up…`);
      void stopAllServerChildren()
        .then(() => database.drop())
        .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
  const problems: string[] = [];
  let measured;
  try {
    measured = await benchAll(database.url, settings, problems);
  } finally {
    await stopAllServerChildren();
    await database.drop();
  }
  const processors = cpus();
  const report = {
    benchmark: 'writes',
    date: new Date().toISOString(),
    gitCommit: gitCommit(),
    machine: {
      cpus: processors.length,
      cpuModel: processors[0]?.model.trim() ?? 'unknown',
      memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    engines: {
      postgres: measured.postgres,
      pg: packageVersion('pg'),
      drizzleOrm: packageVersion('drizzle-orm'),
    },
    settings,
    budgets,
    /** 1-minute load average at the end: above the CPU count, other work shared the machine. */
    loadAverage: round(loadavg()[0] ?? 0, 2),
    write: measured.write,
    read: measured.read,
    meetsBudgets: measured.write.meetsBudget && measured.read.meetsBudget,
    problems,
  };
  await mkdir(dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  printResults(measured);
  console.log(`\nWrote ${resultsFile} after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  if (problems.length === 0) return 0;
  console.error(`\nThe measurements are not trustworthy:\n  ${problems.join('\n  ')}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof BenchError ? `\nBenchmark failed: ${error.message}` : error);
    process.exit(1);
  },
);
