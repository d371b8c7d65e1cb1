// `npm test`: builds the platform, runs the unit and integration suites (vitest) and the
// end-to-end specs (Playwright, headless Chromium), then prints one closing line with the totals.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

// Not Playwright's own output folder (test-results/), which it empties when it starts.
const resultsDir = 'test-reports';
const vitestReport = `${resultsDir}/vitest.json`;
const playwrightReport = `${resultsDir}/playwright.json`;

function run(command, args, env = {}) {
  console.log(`\n> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

if (!process.env.TEST_DATABASE_URL) {
  console.log(
    'Note: TEST_DATABASE_URL is not set, so the PostgreSQL suites are skipped here (CI always runs them).\n' +
      '      e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm test',
  );
}

const buildStatus = run('npm', ['run', 'build']);
if (buildStatus !== 0) {
  console.log('\nThe build failed; no tests were run.\n0 passed, 1 failed');
  process.exit(1);
}

const vitestStatus = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${vitestReport}`,
]);
const playwrightStatus = run('npx', ['playwright', 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
});

const vitest = readJson(vitestReport);
const playwright = readJson(playwrightReport);
const passed =
  (vitest?.numPassedTests ?? 0) +
  (playwright?.stats?.expected ?? 0) +
  (playwright?.stats?.flaky ?? 0);
const skipped =
  (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats?.skipped ?? 0);
// A suite that crashed before reporting counts as one failure, so the totals never look clean.
const failed =
  (vitest ? vitest.numFailedTests : 1) +
  (playwright ? playwright.stats.unexpected : 1) +
  (vitestStatus !== 0 && vitest?.numFailedTests === 0 ? 1 : 0) +
  (playwrightStatus !== 0 && playwright?.stats?.unexpected === 0 ? 1 : 0);

console.log(
  `\nunit and integration (vitest): ${vitest ? `${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed` : 'did not report'}`,
);
console.log(
  `end-to-end (Playwright): ${playwright ? `${playwright.stats.expected} passed, ${playwright.stats.unexpected} failed` : 'did not report'}`,
);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(vitestStatus === 0 && playwrightStatus === 0 && failed === 0 ? 0 : 1);
