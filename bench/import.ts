/**
 * `npx tsx bench/import.ts`: the Excel import of organizations at scale. Generates a workbook of
 * 100,000 organizations spread over Wujin's townships and villages (every column filled the way a
 * bureau fills it) and imports it, on PGlite (a data directory on disk, as deployed) and on
 * PostgreSQL (a throwaway database; skipped with a note when no server answers and
 * BENCH_DATABASE_URL is not set). Per engine:
 *
 * 1. **phases:** read (streaming xlsx reader), check (contract + rules + lookups) and write (one
 *    transaction, multi-row inserts, one audit row) called directly, each timed;
 * 2. **end to end:** a second workbook of as many new rows through `POST /api/organizations/import`
 *    (app.inject: body parsing, hashing, reading, checking, writing), signed in as the demo
 *    district staff member `wujin`; then `GET /api/organizations/export` of the district
 *    (100,000 rows, the export's cap).
 *
 * Budget (DESIGN.md): Excel import of 100,000 rows < 30 s. Writes results/import.json. Like the
 * other benchmarks the exit code is 0 when the budget is missed, non-zero when the run fails.
 */
import { seededRandom } from '../src/server/platform/random.js';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, like, sql } from 'drizzle-orm';
import type { OrganizationType } from '../src/contracts/organizations.js';
import {
  spreadsheetMediaType,
  type SpreadsheetImportResult,
} from '../src/contracts/spreadsheets.js';
import { buildApp } from '../src/server/app.js';
import { openMigratedDatabase, seedDemoData } from '../src/server/main.js';
import { divisions } from '../src/server/modules/divisions/divisions.tables.js';
import {
  organizationsSpreadsheet,
  organizationSheet,
} from '../src/server/modules/organizations/organizations.spreadsheet.js';
import type { OrganizationSheetRecord } from '../src/server/modules/organizations/organizations.spreadsheet.repository.js';
import { loadConfig } from '../src/server/platform/config.js';
import type { DatabaseHandle } from '../src/server/platform/db/client.js';
import {
  readSpreadsheet,
  SpreadsheetProblems,
  writeSpreadsheet,
} from '../src/server/platform/files/spreadsheet/index.js';
import { createServices } from '../src/server/services.js';
import { BenchError } from './options.js';
import { createThrowawayDatabase } from './postgres.js';

const resultsFile = fileURLToPath(new URL('./results/import.json', import.meta.url));
const budgetSeconds = 30;
const rowCount = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const explicitServer = process.env.BENCH_DATABASE_URL;
const adminDatabaseUrl = explicitServer || 'postgres://postgres@127.0.0.1:5432/postgres';

const kinds: ReadonlyArray<{ type: OrganizationType; suffix: string }> = [
  { type: 'mediation_committee', suffix: '调解小组' },
  { type: 'service_room', suffix: '法律服务室' },
  { type: 'legal_aid_station', suffix: '法律援助联系点' },
  { type: 'grassroots_office', suffix: '法律服务点' },
  { type: 'law_firm', suffix: '律师工作站' },
  { type: 'service_station', suffix: '法律服务驿站' },
  { type: 'enterprise_service_centre', suffix: '企业服务点' },
];

interface Place {
  code: string;
  name: string;
}

async function wujinPlaces(handle: DatabaseHandle): Promise<Place[]> {
  return handle.db
    .select({ code: divisions.code, name: divisions.name })
    .from(divisions)
    .where(and(like(divisions.code, '320412%'), sql`length(${divisions.code}) > 6`))
    .orderBy(divisions.code);
}

/** `count` organizations as a bureau's sheet would list them; `tag` keeps two runs' names apart. */
function generatedRecords(places: Place[], count: number, tag: string): OrganizationSheetRecord[] {
  const random = seededRandom(20261124);
  return Array.from({ length: count }, (_, index) => {
    const place = places[index % places.length] as Place;
    const kindIndex = Math.floor(index / places.length);
    const kind = kinds[kindIndex % kinds.length] as (typeof kinds)[number];
    const round = Math.floor(kindIndex / kinds.length);
    const workstation = kind.type === 'legal_aid_station';
    return {
      type: kind.type,
      name: `${place.name}${kind.suffix}（${tag}${round + 1}）`,
      parentName: null,
      divisionCode: place.code,
      divisionName: place.name,
      address: `常州市武进区${place.name}便民服务中心${(index % 90) + 1}号`,
      latitude: 31.7 + (random() - 0.5) * 0.3,
      longitude: 119.95 + (random() - 0.5) * 0.3,
      phone: `0519-86${String(index % 1_000_000).padStart(6, '0')}`,
      openingHours: {
        mon: [
          { opens: '08:30', closes: '12:00' },
          { opens: '13:30', closes: '17:30' },
        ],
        tue: [
          { opens: '08:30', closes: '12:00' },
          { opens: '13:30', closes: '17:30' },
        ],
        wed: [
          { opens: '08:30', closes: '12:00' },
          { opens: '13:30', closes: '17:30' },
        ],
        thu: [
          { opens: '08:30', closes: '12:00' },
          { opens: '13:30', closes: '17:30' },
        ],
        fri: [
          { opens: '08:30', closes: '12:00' },
          { opens: '13:30', closes: '17:30' },
        ],
        ...(index % 3 === 0 ? { sat: [{ opens: '09:00', closes: '12:00' }] } : {}),
      },
      services: index % 2 === 0 ? ['legal_consultation', 'mediation'] : ['legal_publicity'],
      description: '',
      directions: index % 4 === 0 ? '乘公交到便民服务中心站，一楼大厅' : '',
      stepFree: index % 2 === 0,
      homeVisits: index % 5 === 0,
      accessibilityNotes: '',
      status: index % 50 === 0 ? 'suspended' : 'active',
      statusSince: index % 50 === 0 ? '2025-06-01' : null,
      establishedOn: `20${String(10 + (index % 15)).padStart(2, '0')}-0${(index % 9) + 1}-15`,
      hostKind: workstation ? 'village_committee' : null,
      hostName: workstation ? `${place.name}委员会` : null,
      staffCount: workstation ? 2 : null,
      meetsStandard: workstation ? index % 3 !== 0 : null,
    };
  });
}

/** Wall-clock and CPU seconds of this process (PGlite runs inside it; PostgreSQL does not). */
interface Timing {
  seconds: number;
  cpuSeconds: number;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T } & Timing> {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return {
    value,
    seconds: Math.round(Number(process.hrtime.bigint() - started) / 1e6) / 1000,
    cpuSeconds: Math.round((used.user + used.system) / 1000) / 1000,
  };
}

const timing = ({ seconds, cpuSeconds }: Timing): Timing => ({ seconds, cpuSeconds });

interface EngineResult {
  engine: 'pglite' | 'postgres';
  rows: number;
  workbookBytes: number;
  /** Writing the generated workbook: the export's writer. */
  generate: Timing;
  /** The import's steps called directly, and their sum. */
  phases: { read: Timing; check: Timing; write: Timing; total: Timing };
  /** Through the HTTP routes (app.inject), signed in as wujin. */
  endToEnd: {
    import: Timing;
    imported: number;
    export: Timing;
    exportBytes: number;
    exportTruncated: boolean;
  };
  meetsBudget: boolean;
}

async function benchEngine(
  engine: EngineResult['engine'],
  env: NodeJS.ProcessEnv,
): Promise<EngineResult> {
  const config = loadConfig({
    ...env,
    FARUN_DEMO: '1',
    FARUN_LOG_LEVEL: 'silent',
    FARUN_REQUEST_TIMEOUT_MS: '600000',
  });
  const { database } = await openMigratedDatabase(config);
  try {
    console.log(`[${engine}] seeding the demo jurisdiction`);
    const logins = await seedDemoData(database);
    const wujin = logins?.staff.find((login) => login.username === 'wujin');
    if (!wujin) throw new BenchError('the demo seed made no "wujin" account');
    const places = await wujinPlaces(database);

    const generated = await timed(() =>
      writeSpreadsheet(organizationSheet, generatedRecords(places, rowCount, 'A')),
    );
    const first = generated.value;
    console.log(
      `[${engine}] generated ${rowCount} rows (${first.length} bytes) in ${generated.seconds} s`,
    );

    // 1. The phases, called directly.
    const services = createServices(database.db);
    const { importer } = organizationsSpreadsheet({
      organizations: services.organizations,
      divisions: services.divisions,
      audit: services.audit,
    });
    const context = {
      origin: { actor: null, ip: null },
      locale: 'zh-CN' as const,
      mode: 'all_or_nothing' as const,
      file: { sha256: 'bench', bytes: first.length },
    };
    const problems = new SpreadsheetProblems(organizationSheet, 'zh-CN');
    const read = await timed(() =>
      readSpreadsheet(organizationSheet, first, { locale: 'zh-CN', problems }),
    );
    const check = await timed(() => importer.prepare(read.value.rows, problems, context));
    if (problems.size > 0) {
      throw new BenchError(`generated rows have problems: ${JSON.stringify(problems.sorted(3))}`);
    }
    const write = await timed(() =>
      importer.write(
        check.value.map((entry) => entry.record),
        context,
        { rows: read.value.rows.length, invalidRows: 0 },
      ),
    );
    if (write.value !== rowCount) throw new BenchError(`wrote ${write.value} of ${rowCount} rows`);
    const round = (value: number) => Math.round(value * 1000) / 1000;
    const total: Timing = {
      seconds: round(read.seconds + check.seconds + write.seconds),
      cpuSeconds: round(read.cpuSeconds + check.cpuSeconds + write.cpuSeconds),
    };
    console.log(
      `[${engine}] phases: read ${read.seconds} s, check ${check.seconds} s, ` +
        `write ${write.seconds} s = ${total.seconds} s (CPU ${total.cpuSeconds} s)`,
    );

    // 2. End to end through the route, as the console sends it.
    const second = await writeSpreadsheet(
      organizationSheet,
      generatedRecords(places, rowCount, 'B'),
    );
    const app = await buildApp({ db: database.db, config, logger: false, webDir: '/nonexistent' });
    try {
      await app.ready();
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: wujin.username, password: wujin.password },
      });
      const me = login.json() as { status: string; me?: { csrfToken: string } };
      const cookie = login.cookies.find((candidate) => candidate.name.endsWith('farun_session'));
      if (me.status !== 'signed_in' || !me.me || !cookie) {
        throw new BenchError(`signing in as wujin failed: ${login.statusCode} ${login.body}`);
      }
      const headers = { cookie: `${cookie.name}=${cookie.value}`, 'x-csrf-token': me.me.csrfToken };
      const imported = await timed(() =>
        app.inject({
          method: 'POST',
          url: '/api/organizations/import',
          headers: { ...headers, 'content-type': spreadsheetMediaType },
          payload: second,
        }),
      );
      const result = imported.value.json() as SpreadsheetImportResult;
      if (imported.value.statusCode !== 200 || result.imported !== rowCount) {
        throw new BenchError(
          `the import answered ${imported.value.statusCode}: ${imported.value.body.slice(0, 500)}`,
        );
      }
      console.log(
        `[${engine}] end to end: ${result.imported} rows in ${imported.seconds} s ` +
          `(CPU ${imported.cpuSeconds} s)`,
      );

      const exported = await timed(() =>
        app.inject({ url: '/api/organizations/export?division=320412', headers }),
      );
      if (exported.value.statusCode !== 200) {
        throw new BenchError(`the export answered ${exported.value.statusCode}`);
      }
      console.log(
        `[${engine}] export of the district: ${exported.value.rawPayload.length} bytes in ` +
          `${exported.seconds} s (CPU ${exported.cpuSeconds} s)`,
      );
      return {
        engine,
        rows: rowCount,
        workbookBytes: first.length,
        generate: timing(generated),
        phases: { read: timing(read), check: timing(check), write: timing(write), total },
        endToEnd: {
          import: timing(imported),
          imported: result.imported,
          export: timing(exported),
          exportBytes: exported.value.rawPayload.length,
          exportTruncated: exported.value.headers['x-export-truncated'] === 'true',
        },
        meetsBudget: total.seconds < budgetSeconds && imported.seconds < budgetSeconds,
      };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const workDir = await mkdtemp(join(tmpdir(), 'farun-bench-import-'));
  const results: EngineResult[] = [];
  const notes: string[] = [];
  try {
    results.push(await benchEngine('pglite', { FARUN_DATA_DIR: join(workDir, 'pglite') }));
    let server;
    try {
      server = await createThrowawayDatabase(adminDatabaseUrl);
    } catch (error) {
      if (explicitServer || !(error instanceof BenchError)) throw error;
      notes.push(`PostgreSQL skipped: ${error.message}`);
      console.log(`\n${notes.at(-1)}`);
    }
    if (server) {
      try {
        results.push(await benchEngine('postgres', { DATABASE_URL: server.url }));
      } finally {
        await server.drop();
      }
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }

  const processors = cpus();
  const report = {
    benchmark: 'import',
    date: new Date().toISOString(),
    gitCommit: gitCommit(),
    machine: {
      cpus: processors.length,
      cpuModel: processors[0]?.model.trim() ?? 'unknown',
      memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    settings: { rows: rowCount, budgetSeconds, endpoint: 'POST /api/organizations/import' },
    /** 1-minute load average at the end: above the CPU count, other work shared the machine. */
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    results,
    notes,
    meetsBudget: results.every((result) => result.meetsBudget),
  };
  await mkdir(dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nExcel import of ${rowCount} organizations (budget < ${budgetSeconds} s)`);
  console.table(
    results.map((result) => ({
      engine: result.engine,
      'read s': result.phases.read.seconds,
      'check s': result.phases.check.seconds,
      'write s': result.phases.write.seconds,
      'phases s (CPU)': `${result.phases.total.seconds} (${result.phases.total.cpuSeconds})`,
      'HTTP import s (CPU)': `${result.endToEnd.import.seconds} (${result.endToEnd.import.cpuSeconds})`,
      'export s': result.endToEnd.export.seconds,
      verdict: result.meetsBudget ? 'ok' : 'MISSED',
    })),
  );
  const load = loadavg()[0] ?? 0;
  if (load > cpus().length) {
    console.log(
      `Load average ${load.toFixed(1)} on ${cpus().length} CPUs: other work shared the machine; ` +
        'wall-clock times are inflated (the CPU times less so).',
    );
  }
  console.log(`Wrote ${resultsFile}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof BenchError ? `\nBenchmark failed: ${error.message}` : error);
    process.exit(1);
  },
);
