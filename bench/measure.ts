import autocannon, {
  type AutocannonResult,
  type RequestParams,
  type ResponseHead,
} from 'autocannon';
import { BenchError } from './options.js';

export interface LatencySummary {
  mean: number;
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
}

export interface Measurement {
  /** Completed requests divided by the seconds measured. */
  requestsPerSecond: number;
  /** Null when the run was closed-loop (as fast as the server answers). */
  targetRate: number | null;
  /**
   * Response times: of every response when as fast as possible; at a fixed rate, autocannon's
   * figures, which include its coordinated-omission correction.
   */
  latencyMs: LatencySummary;
  /**
   * Fixed rate only: the measured response times without that correction. autocannon assumes a
   * 1 ms interval between requests whatever the rate, so each slow response adds one synthetic
   * sample per millisecond it took; the truth lies between the two.
   */
  uncorrectedLatencyMs: LatencySummary | null;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Body and headers, averaged over every response. */
  bytesPerResponse: number;
  durationSeconds: number;
  /** Answers marked `x-cache: hit` or `miss` by the app's public-read cache (none when bare). */
  cache: CacheCounts;
}

export interface CacheCounts {
  hits: number;
  misses: number;
}

export interface LoadSettings {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Turns in which the app and the bare route take the load alternately. */
  turns: number;
}

export interface SideBySide {
  app: Measurement;
  bare: Measurement;
  /** app req/s ÷ bare req/s of each turn: how much the machine's other work moved the ratio. */
  turnRatios: number[];
}

export interface Probe {
  body: string;
  bodyBytes: number;
  total: number;
}

interface Run {
  result: AutocannonResult;
  responseTimes: number[];
  cache: CacheCounts;
}

interface LoadOptions {
  rate?: number;
  /** Paths (with query) to request in turn instead of the URL's own. */
  paths?: string[];
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

function summarizeTimes(times: number[]): LatencySummary {
  const sorted = [...times].sort((a, b) => a - b);
  const sum = sorted.reduce((total, time) => total + time, 0);
  return {
    mean: round(sorted.length > 0 ? sum / sorted.length : 0),
    p50: round(percentile(sorted, 0.5)),
    p97_5: round(percentile(sorted, 0.975)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? 0),
  };
}

function countCacheHeader(head: ResponseHead, counts: CacheCounts): void {
  for (let index = 0; index < head.headers.length; index += 2) {
    if (head.headers[index]?.toLowerCase() !== 'x-cache') continue;
    const value = head.headers[index + 1];
    if (value === 'hit') counts.hits += 1;
    else if (value === 'miss') counts.misses += 1;
  }
}

function rotatingPaths(paths: string[]) {
  let next = 0;
  return (request: RequestParams): RequestParams => {
    const path = paths[next % paths.length];
    next += 1;
    return { ...request, path };
  };
}

async function load(
  url: string,
  connections: number,
  seconds: number,
  { rate, paths }: LoadOptions = {},
): Promise<Run> {
  const cache: CacheCounts = { hits: 0, misses: 0 };
  const responseTimes: number[] = [];
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    overallRate: rate,
    setupClient: (client) =>
      client.on('headers', (head: ResponseHead) => countCacheHeader(head, cache)),
    requests: paths ? [{ setupRequest: rotatingPaths(paths) }] : undefined,
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, time: number) => {
    responseTimes.push(time);
  });
  return { result: await instance, responseTimes, cache };
}

function autocannonLatency({ latency }: AutocannonResult): LatencySummary {
  return {
    mean: latency.mean,
    p50: latency.p50,
    p97_5: latency.p97_5,
    p99: latency.p99,
    max: latency.max,
  };
}

/** One measurement out of one or more runs against the same target. */
function combine(runs: Run[], targetRate: number | null): Measurement {
  const sum = (pick: (result: AutocannonResult) => number) =>
    runs.reduce((total, run) => total + pick(run.result), 0);
  const requests = sum((result) => result.requests.total);
  const seconds = sum((result) => result.duration);
  const bytes = sum((result) => result.throughput.total);
  return {
    requestsPerSecond: round(seconds > 0 ? requests / seconds : 0, 1),
    targetRate,
    latencyMs: summarizeTimes(runs.flatMap((run) => run.responseTimes)),
    uncorrectedLatencyMs: null,
    requests,
    errors: sum((result) => result.errors),
    timeouts: sum((result) => result.timeouts),
    non2xx: sum((result) => result.non2xx),
    bytesPerResponse: requests > 0 ? Math.round(bytes / requests) : 0,
    durationSeconds: round(seconds),
    cache: {
      hits: runs.reduce((total, run) => total + run.cache.hits, 0),
      misses: runs.reduce((total, run) => total + run.cache.misses, 0),
    },
  };
}

function ratePerSecond(run: Run): number {
  return run.result.duration > 0 ? run.result.requests.total / run.result.duration : 0;
}

/**
 * The app and the bare route as fast as each answers, in alternating short turns (app first in
 * odd turns, bare first in even ones), so a busy spell on the machine hits both alike.
 */
export async function measureSideBySide(
  appUrl: string,
  bareUrl: string,
  settings: LoadSettings,
): Promise<SideBySide> {
  const { connections, turns } = settings;
  await load(appUrl, connections, settings.warmupSeconds);
  await load(bareUrl, connections, settings.warmupSeconds);
  const turnSeconds = settings.durationSeconds / turns;
  const appRuns: Run[] = [];
  const bareRuns: Run[] = [];
  for (let index = 0; index < turns; index += 1) {
    const appFirst = index % 2 === 0;
    const first = await load(appFirst ? appUrl : bareUrl, connections, turnSeconds);
    const second = await load(appFirst ? bareUrl : appUrl, connections, turnSeconds);
    appRuns.push(appFirst ? first : second);
    bareRuns.push(appFirst ? second : first);
  }
  const turnRatios = appRuns.map((run, index) => {
    const bare = bareRuns[index];
    return round(bare ? ratePerSecond(run) / ratePerSecond(bare) : 0, 3);
  });
  return { app: combine(appRuns, null), bare: combine(bareRuns, null), turnRatios };
}

/**
 * `rate` requests per second. autocannon paces by a budget per connection and second: each
 * connection sends back to back until its share is used up, then waits for the next second.
 */
export async function measureAtRate(
  url: string,
  settings: LoadSettings,
  rate: number,
): Promise<Measurement> {
  const run = await load(url, settings.connections, settings.durationSeconds, { rate });
  const measured = combine([run], rate);
  return {
    ...measured,
    latencyMs: autocannonLatency(run.result),
    uncorrectedLatencyMs: measured.latencyMs,
  };
}

/**
 * The app as fast as it answers, each request for the next of `paths` (on the server of
 * `baseUrl`): with more distinct pages than the cache holds, the database answers every one.
 */
export async function measureUncached(
  baseUrl: string,
  paths: string[],
  settings: LoadSettings,
): Promise<Measurement> {
  const run = await load(baseUrl, settings.connections, settings.durationSeconds, { paths });
  return combine([run], null);
}

/** One request before any load: the endpoint must answer a full page, or the numbers mean nothing. */
export async function probeListEndpoint(url: string, expectedItems: number): Promise<Probe> {
  const response = await fetch(url);
  const body = await response.text();
  if (response.status !== 200) {
    throw new BenchError(`${url} answered ${response.status}, expected 200`);
  }
  const page = JSON.parse(body) as { items?: unknown[]; total?: number };
  const items = page.items?.length ?? 0;
  if (items !== expectedItems) {
    throw new BenchError(`${url} returned ${items} items, expected ${expectedItems}`);
  }
  return { body, bodyBytes: Buffer.byteLength(body), total: page.total ?? 0 };
}
