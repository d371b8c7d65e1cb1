import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { Measurement } from './measure.js';
import type { BenchOptions } from './options.js';

export const budgets = {
  /** DESIGN.md: public reads reach at least 0.6× the bare route, measured side by side. */
  minRatioToBare: 0.6,
  /** DESIGN.md: public reads p99 < 50 ms at 500 req/s on 2 cores. */
  maxP99AtFixedRateMs: 50,
  /** Below this share of the fixed rate the server did not keep up, whatever its p99. */
  minShareOfFixedRate: 0.95,
};

export interface EngineRun {
  engine: 'postgres' | 'pglite';
  bodyBytes: number;
  /** `total` of the measured page: how many organizations the query matches. */
  matchingOrganizations: number;
  throughput: Measurement;
  /** The bare route, measured in turns with `throughput`. */
  bare: Measurement;
  /** Ratio to the bare route in each turn; their spread shows how noisy the machine was. */
  turnRatios: number[];
  atFixedRate: Measurement;
  /** As fast as possible, every request for a different page: what a cache miss costs. */
  uncached: Measurement;
}

export interface EngineResult extends EngineRun {
  ratioToBare: number;
  /** For information: DESIGN.md sets no goal for misses. */
  uncachedRatioToBare: number;
  meetsRatioGoal: boolean;
  /** The fixed rate was served (see `minShareOfFixedRate`) with p99 under the budget. */
  meetsP99Budget: boolean;
}

export interface BenchReport {
  timestamp: string;
  gitCommit: string | null;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  settings: {
    endpoint: string;
    connections: number;
    durationSeconds: number;
    turns: number;
    warmupSeconds: number;
    fixedRate: number;
    generatedOrganizations: number;
  };
  budgets: typeof budgets;
  /** Size of the constant body the bare route sends (the PostgreSQL run's answer). */
  bareBodyBytes: number;
  engines: EngineResult[];
  /** Errors or non-2xx answers during measurement; the numbers are not trustworthy if any. */
  problems: string[];
  /** Signs of a noisy machine; the numbers stand but deserve a second run. */
  warnings: string[];
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    return null;
  }
}

function machine(): BenchReport['machine'] {
  const processors = cpus();
  return {
    cpus: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

export function keptUp(measurement: Measurement): boolean {
  const target = measurement.targetRate ?? 0;
  return measurement.requestsPerSecond >= target * budgets.minShareOfFixedRate;
}

function ratio(measurement: Measurement, bare: Measurement): number {
  return Math.round((measurement.requestsPerSecond / bare.requestsPerSecond) * 1000) / 1000;
}

function engineResult(run: EngineRun): EngineResult {
  const ratioToBare = ratio(run.throughput, run.bare);
  const { latencyMs } = run.atFixedRate;
  return {
    ...run,
    ratioToBare,
    uncachedRatioToBare: ratio(run.uncached, run.bare),
    meetsRatioGoal: ratioToBare >= budgets.minRatioToBare,
    meetsP99Budget: keptUp(run.atFixedRate) && latencyMs.p99 < budgets.maxP99AtFixedRateMs,
  };
}

function problemsOf(label: string, measurement: Measurement): string[] {
  const { errors, timeouts, non2xx } = measurement;
  if (errors + timeouts + non2xx === 0) return [];
  return [`${label}: ${errors} errors, ${timeouts} timeouts, ${non2xx} non-2xx responses`];
}

function engineProblems(run: EngineRun): string[] {
  return [
    ...problemsOf(`${run.engine}, as fast as possible`, run.throughput),
    ...problemsOf(`bare route beside ${run.engine}`, run.bare),
    ...problemsOf(`${run.engine}, fixed rate`, run.atFixedRate),
    ...problemsOf(`${run.engine}, cache misses`, run.uncached),
  ];
}

function hitShare({ cache, requests }: Measurement): number {
  return requests > 0 ? cache.hits / requests : 0;
}

/** The cached runs should be answered by the cache and the uncached one by the database. */
function cacheWarnings(run: EngineRun): string[] {
  const warnings: string[] = [];
  if (hitShare(run.throughput) < 0.95) {
    const percent = Math.round(hitShare(run.throughput) * 100);
    warnings.push(`${run.engine}: only ${percent}% of the repeated requests were cache hits`);
  }
  if (hitShare(run.uncached) > 0.05) {
    const percent = Math.round(hitShare(run.uncached) * 100);
    warnings.push(
      `${run.engine}: ${percent}% of the cache-miss run hit the cache (it holds more pages)`,
    );
  }
  return warnings;
}

function engineWarnings(run: EngineResult, bareBodyBytes: number): string[] {
  const warnings = cacheWarnings(run);
  const above = run.turnRatios.filter((ratio) => ratio >= budgets.minRatioToBare).length;
  if (above > 0 && above < run.turnRatios.length) {
    warnings.push(
      `${run.engine}: ${above} of ${run.turnRatios.length} turns met the ratio goal: ` +
        'the machine was busy, run again to confirm',
    );
  }
  if (Math.abs(run.bodyBytes - bareBodyBytes) > bareBodyBytes * 0.01) {
    warnings.push(
      `${run.engine}: body of ${run.bodyBytes} bytes, the bare route's ${bareBodyBytes}`,
    );
  }
  return warnings;
}

export function buildReport(
  options: BenchOptions,
  runs: EngineRun[],
  bareBodyBytes: number,
): BenchReport {
  const engines = runs.map(engineResult);
  return {
    timestamp: new Date().toISOString(),
    gitCommit: gitCommit(),
    machine: machine(),
    settings: {
      endpoint: `GET ${options.path}`,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      turns: options.turns,
      warmupSeconds: options.warmupSeconds,
      fixedRate: options.fixedRate,
      generatedOrganizations: options.organizations,
    },
    budgets,
    bareBodyBytes,
    engines,
    problems: runs.flatMap(engineProblems),
    warnings: engines.flatMap((engine) => engineWarnings(engine, bareBodyBytes)),
  };
}

export async function writeReport(report: BenchReport, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}
