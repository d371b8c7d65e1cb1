import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const chromiumPath = '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  throw new Error(
    `End-to-end tests need Chromium at ${chromiumPath}; install it with "apt-get install -y chromium".`,
  );
}

for (const page of ['dist/web/index.html', 'dist/web/console.html']) {
  if (!existsSync(fileURLToPath(new URL(page, import.meta.url)))) {
    throw new Error(`${page} is missing: run "npm run build" before the end-to-end tests.`);
  }
}

// One port per run, shared with the workers through the environment, so two runs on one machine
// (a developer's and CI's, or two helpers') do not collide.
const port = Number((process.env.FARUN_E2E_PORT ??= String(3100 + (process.pid % 800))));
const baseURL = `http://127.0.0.1:${port}`;

// Playwright loads this file again in every worker; the variable makes them all agree on one
// fresh directory, so each run starts from an empty database with the demo seed.
const givenDataDir = process.env.FARUN_E2E_DATA_DIR;
const dataDir = (process.env.FARUN_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'farun-e2e-')));
if (!givenDataDir) {
  // Removed at exit, not in a global teardown: Playwright stops the web server after the
  // teardown, and the server still writes to its data directory while it shuts down.
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
}

export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    // Serves the API and the built web apps from dist/; `npm run build` must have run first.
    command: 'node bin/farun.js start',
    url: `${baseURL}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      FARUN_DATA_DIR: dataDir,
      FARUN_PORT: String(port),
      FARUN_LOG_LEVEL: 'warn',
      FARUN_DEMO: '1',
    },
  },
});
