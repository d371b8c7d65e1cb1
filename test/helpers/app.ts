import { buildApp, type App, type AppConfig } from '../../src/server/app.js';
import type { DatabaseHandle } from '../../src/server/platform/db/client.js';
import {
  createServices,
  defaultServiceSettings,
  type ServiceSettings,
  type Services,
} from '../../src/server/services.js';
import { createPgliteTestDatabase } from './database.js';
import { divisionTree } from './factories.js';

export interface TestContext {
  database: DatabaseHandle;
  services: Services;
  app: App;
  close(): Promise<void>;
}

/** Tests exercise the API alone; the built web apps are covered by the Playwright specs. */
const noWebDir = '/nonexistent/farun-web';

export const testConfig: AppConfig = {
  env: 'development',
  bodyLimit: 65_536,
  requestTimeoutMs: 10_000,
  logLevel: 'silent',
  mapTileUrl: '',
  homeDivisionCode: '320412',
  secretKey: defaultServiceSettings.secretKey,
  sessionMaxHours: 8,
  loginRatePerMinute: 1000,
  codeRatePerMinute: 1000,
  redisUrl: undefined,
};

export interface TestContextOptions {
  database?: DatabaseHandle;
  config?: Partial<AppConfig>;
  settings?: Partial<ServiceSettings>;
  /** A clock the test moves, for timeouts and lockouts. */
  now?: () => Date;
}

/** One app over one migrated database (PGlite unless given), with the test division tree loaded. */
export async function createTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const handle = options.database ?? (await createPgliteTestDatabase());
  const services = createServices(handle.db, {
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  await services.divisions.importDivisions(divisionTree());
  await services.identity.ensureBuiltinRoles();
  const app = await buildApp({
    db: handle.db,
    services,
    config: { ...testConfig, ...options.config },
    logger: false,
    webDir: noWebDir,
  });
  await app.ready();
  return {
    database: handle,
    services,
    app,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

/** A clock that starts now and moves only when told. */
export function createFakeClock(start = new Date('2026-11-24T02:00:00Z')) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advanceMinutes(minutes: number) {
      current += minutes * 60_000;
    },
  };
}
