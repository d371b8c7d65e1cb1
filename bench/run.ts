/**
 * `npm run bench`: the public organization list on PostgreSQL and on PGlite against a bare Fastify
 * route sending the same bytes, each server in its own child process; writes results/latest.json.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ServerChild, startServerChild, stopAllServerChildren } from './children.js';
import {
  measureAtRate,
  measureSideBySide,
  measureUncached,
  type Probe,
  probeListEndpoint,
} from './measure.js';
import { BenchError, type BenchOptions, readOptions } from './options.js';
import { createThrowawayDatabase } from './postgres.js';
import { buildReport, type EngineRun, writeReport } from './report.js';
import { printReport } from './table.js';

const resultsFile = fileURLToPath(new URL('./results/latest.json', import.meta.url));

type Cleanup = ReturnType<typeof createCleanup>;

/** Undo steps, run last-in first-out exactly once, whether the run ends, fails or is interrupted. */
function createCleanup() {
  const steps: Array<{ label: string; undo: () => Promise<void> }> = [];
  let running: Promise<void> | undefined;
  async function runAll() {
    for (const step of steps.reverse()) {
      try {
        await step.undo();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        console.error(`Cleanup failed: ${step.label}: ${reason}`);
      }
    }
  }
  return {
    add(label: string, undo: () => Promise<void>) {
      steps.push({ label, undo });
    },
    run() {
      running ??= runAll();
      return running;
    },
  };
}

function elapsedSeconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}

async function withServer<T>(
  start: () => Promise<ServerChild>,
  work: (server: ServerChild) => Promise<T>,
): Promise<T> {
  const server = await start();
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

function startFarun(
  engine: EngineRun['engine'],
  databaseEnv: NodeJS.ProcessEnv,
  options: BenchOptions,
) {
  const env = {
    ...databaseEnv,
    FARUN_DEMO: '0',
    FARUN_LOG_LEVEL: 'warn',
    FARUN_HOST: '127.0.0.1',
    FARUN_PORT: '0',
    BENCH_ORGANIZATIONS: String(options.organizations),
  };
  return startServerChild('./farun-server.ts', engine, env, options.cpuProfileDir);
}

interface BareRoute {
  server: ServerChild;
  bodyBytes: number;
}

async function startBare(probe: Probe, workDir: string, options: BenchOptions): Promise<BareRoute> {
  const bodyFile = join(workDir, 'bare-body.json');
  await writeFile(bodyFile, probe.body);
  const env = {
    BENCH_BARE_BODY_FILE: bodyFile,
    BENCH_BARE_PATH: new URL(options.path, 'http://localhost').pathname,
  };
  const server = await startServerChild('./bare-server.ts', 'bare', env, options.cpuProfileDir);
  const { bodyBytes } = await probeListEndpoint(server.url + options.path, options.pageSize);
  return { server, bodyBytes };
}

/** Every full page of the measured list, one URL each: more than the app's cache holds. */
function pagePaths(options: BenchOptions, total: number): string[] {
  const pages = Math.max(1, total - options.pageSize + 1);
  return Array.from({ length: pages }, (_, offset) => `${options.path}&offset=${offset}`);
}

async function measureEngine(
  engine: EngineRun['engine'],
  appOrigin: string,
  bareUrl: string,
  probe: Probe,
  options: BenchOptions,
): Promise<Omit<EngineRun, 'engine' | 'bodyBytes' | 'matchingOrganizations'>> {
  const appUrl = appOrigin + options.path;
  console.log(`[${engine}] as fast as possible, in turns with the bare route`);
  const { app, bare, turnRatios } = await measureSideBySide(appUrl, bareUrl, options);
  console.log(`[${engine}] at ${options.fixedRate} req/s`);
  const atFixedRate = await measureAtRate(appUrl, options, options.fixedRate);
  console.log(`[${engine}] as fast as possible, a different page each request (cache misses)`);
  const uncached = await measureUncached(appOrigin, pagePaths(options, probe.total), options);
  return { throughput: app, bare, turnRatios, atFixedRate, uncached };
}

async function benchEngine(
  engine: EngineRun['engine'],
  databaseEnv: NodeJS.ProcessEnv,
  options: BenchOptions,
  bareRoute: (probe: Probe) => Promise<BareRoute>,
): Promise<EngineRun> {
  const startedAt = Date.now();
  console.log(`[${engine}] migrating, seeding, generating ${options.organizations} organizations`);
  return withServer(
    () => startFarun(engine, databaseEnv, options),
    async (server) => {
      const appUrl = server.url + options.path;
      const probe = await probeListEndpoint(appUrl, options.pageSize);
      console.log(`[${engine}] ready after ${elapsedSeconds(startedAt)} s`);
      const bare = await bareRoute(probe);
      const bareUrl = bare.server.url + options.path;
      const measured = await measureEngine(engine, server.url, bareUrl, probe, options);
      return {
        engine,
        bodyBytes: probe.bodyBytes,
        matchingOrganizations: probe.total,
        ...measured,
      };
    },
  );
}

async function benchAll(options: BenchOptions, cleanup: Cleanup) {
  const workDir = await mkdtemp(join(tmpdir(), 'farun-bench-'));
  cleanup.add('remove the temporary directory', () =>
    rm(workDir, { recursive: true, force: true }),
  );
  const database = await createThrowawayDatabase(options.adminDatabaseUrl);
  cleanup.add(`drop database ${database.name}`, () => database.drop());
  // Also stops the bare route, which stays up (idle while no engine is measured) until the end.
  cleanup.add('stop server children', stopAllServerChildren);

  // The bare route sends the first engine's answer: same bytes, started once.
  let bare: Promise<BareRoute> | undefined;
  const bareRoute = (probe: Probe) => (bare ??= startBare(probe, workDir, options));
  const engines: Array<[EngineRun['engine'], NodeJS.ProcessEnv]> = [
    ['postgres', { DATABASE_URL: database.url }],
    ['pglite', { FARUN_DATA_DIR: join(workDir, 'pglite') }],
  ];
  const runs: EngineRun[] = [];
  // One engine at a time: on two cores a second app would steal the measured one's CPU.
  for (const [engine, databaseEnv] of engines) {
    runs.push(await benchEngine(engine, databaseEnv, options, bareRoute));
  }
  return buildReport(options, runs, (await bare)?.bodyBytes ?? 0);
}

function cleanUpOnSignals(cleanup: Cleanup): void {
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // `on`, not `once`: Ctrl-C arrives twice (from the terminal and from scripts/bench.mjs).
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      console.error(`\nInterrupted (${signal}); cleaning up…`);
      void cleanup.run().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

async function main(): Promise<number> {
  const startedAt = Date.now();
  const options = readOptions();
  const cleanup = createCleanup();
  cleanUpOnSignals(cleanup);
  try {
    const report = await benchAll(options, cleanup);
    await writeReport(report, resultsFile);
    printReport(report);
    console.log(`\nWrote ${resultsFile} after ${elapsedSeconds(startedAt)} s`);
    if (report.problems.length === 0) return 0;
    console.error(`\nThe measurements are not trustworthy:\n  ${report.problems.join('\n  ')}`);
    return 1;
  } finally {
    await cleanup.run();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof BenchError ? `\nBenchmark failed: ${error.message}` : error);
    process.exit(1);
  },
);
