/** Every knob of the benchmark, read once from the environment. */
export interface BenchOptions {
  /** Server (not database) URL used to create and drop the throwaway database. */
  adminDatabaseUrl: string;
  connections: number;
  /** Seconds of load per target and measurement (split into `turns` alternating turns). */
  durationSeconds: number;
  warmupSeconds: number;
  turns: number;
  /** The fixed request rate at which the p99 budget is checked. */
  fixedRate: number;
  /** Organizations generated on top of the demo data. */
  organizations: number;
  /** The public list endpoint under test (and the path the bare route answers on). */
  path: string;
  /** Items one response of `path` must hold. */
  pageSize: number;
  /** When set, every server child writes a V8 CPU profile (.cpuprofile) here as it exits. */
  cpuProfileDir: string | undefined;
}

const PAGE_SIZE = 20;
/** Turns of at least a second each: shorter ones would be mostly connection set-up. */
const MAX_TURNS = 5;

export class BenchError extends Error {
  override name = 'BenchError';
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new BenchError(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

export function readOptions(env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const durationSeconds = positiveInteger(env, 'BENCH_DURATION', 10);
  return {
    adminDatabaseUrl: env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    connections: positiveInteger(env, 'BENCH_CONNECTIONS', 10),
    durationSeconds,
    turns: Math.min(MAX_TURNS, durationSeconds),
    warmupSeconds: positiveInteger(env, 'BENCH_WARMUP', 3),
    fixedRate: positiveInteger(env, 'BENCH_RATE', 500),
    organizations: positiveInteger(env, 'BENCH_ORGANIZATIONS', 2000),
    path: `/api/organizations?division=320412&limit=${PAGE_SIZE}`,
    pageSize: PAGE_SIZE,
    cpuProfileDir: env.BENCH_CPU_PROFILE_DIR || undefined,
  };
}

/** Hides a password before a URL reaches the terminal. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
