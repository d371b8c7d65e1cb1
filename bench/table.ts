import type { Measurement } from './measure.js';
import { type BenchReport, budgets, type EngineResult, keptUp } from './report.js';

const header = [
  'target',
  'load',
  'req/s',
  'p50 ms',
  'p97.5 ms',
  'p99 ms',
  'err/non-2xx',
  'cache hits',
  'bytes',
];

function cacheHits({ cache, requests }: Measurement): string {
  if (cache.hits + cache.misses === 0) return '-';
  return `${Math.round((cache.hits / requests) * 100)}%`;
}

function row(target: string, measurement: Measurement, verdict: string): string[] {
  const { latencyMs } = measurement;
  return [
    target,
    measurement.targetRate === null ? 'max' : `${measurement.targetRate}/s`,
    Math.round(measurement.requestsPerSecond).toLocaleString('en'),
    latencyMs.p50.toFixed(1),
    latencyMs.p97_5.toFixed(1),
    latencyMs.p99.toFixed(1),
    `${measurement.errors + measurement.timeouts}/${measurement.non2xx}`,
    cacheHits(measurement),
    measurement.bytesPerResponse.toLocaleString('en'),
    verdict,
  ];
}

const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');

function throughputVerdict(engine: EngineResult): string {
  const ratio = `${engine.ratioToBare.toFixed(2)}× bare`;
  return `${ratio} (goal ≥ ${budgets.minRatioToBare}×) ${mark(engine.meetsRatioGoal)}`;
}

function fixedRateVerdict(engine: EngineResult): string {
  const { atFixedRate } = engine;
  if (!keptUp(atFixedRate)) return `could not keep up with ${atFixedRate.targetRate}/s MISSED`;
  const uncorrected = atFixedRate.uncorrectedLatencyMs?.p99;
  const note = uncorrected === undefined ? '' : ` (uncorrected p99 ${uncorrected.toFixed(1)})`;
  return `p99 < ${budgets.maxP99AtFixedRateMs} ms ${mark(engine.meetsP99Budget)}${note}`;
}

function formatTable(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, index) =>
    Math.max(...rows.map((cells) => (cells[index] ?? '').length)),
  );
  const align = (cell: string, index: number) =>
    index < 2 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0);
  return rows.map((cells) => cells.map(align).join('  ').trimEnd()).join('\n');
}

function tableRows(report: BenchReport): string[][] {
  const rows = [[...header, 'verdict']];
  for (const engine of report.engines) {
    const turns = engine.turnRatios.map((ratio) => ratio.toFixed(2)).join(' ');
    rows.push(row(`bare (${engine.engine} turns)`, engine.bare, `turn ratios ${turns}`));
    rows.push(row(engine.engine, engine.throughput, throughputVerdict(engine)));
    rows.push(row(engine.engine, engine.atFixedRate, fixedRateVerdict(engine)));
    const uncachedRatio = `${engine.uncachedRatioToBare.toFixed(2)}× bare (no goal)`;
    rows.push(row(`${engine.engine} misses`, engine.uncached, uncachedRatio));
  }
  return rows;
}

export function printReport(report: BenchReport): void {
  const { settings, machine: host } = report;
  console.log(
    `\n${settings.endpoint}, ${settings.connections} connections, ${settings.durationSeconds} s ` +
      `per target in ${settings.turns} turns, on ${host.cpus} × ${host.cpuModel}, Node ${host.node}\n`,
  );
  console.log(formatTable(tableRows(report)));
  const matches = report.engines.map(
    (engine) => `${engine.engine} ${engine.matchingOrganizations.toLocaleString('en')}`,
  );
  console.log(
    `\nBody ${report.bareBodyBytes.toLocaleString('en')} bytes; ` +
      `organizations matched: ${matches.join(', ')}`,
  );
  for (const warning of report.warnings) console.log(`Warning: ${warning}`);
}
