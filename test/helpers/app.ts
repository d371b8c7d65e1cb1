import { buildApp, type App } from '../../src/server/app.js';
import type { DatabaseHandle } from '../../src/server/platform/db/client.js';
import {
  createServices,
  defaultServiceSettings,
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

export const testConfig = {
  env: 'development' as const,
  bodyLimit: 65_536,
  requestTimeoutMs: 10_000,
  logLevel: 'silent' as const,
  mapTileUrl: '',
  homeDivisionCode: '320412',
  secretKey: defaultServiceSettings.secretKey,
  sessionMaxHours: 8,
  loginRatePerMinute: 1000,
  codeRatePerMinute: 1000,
  redisUrl: undefined,
};

/** One app over one migrated database (PGlite unless given), with the test division tree loaded. */
export async function createTestContext(database?: DatabaseHandle): Promise<TestContext> {
  const handle = database ?? (await createPgliteTestDatabase());
  const services = createServices(handle.db);
  await services.divisions.importDivisions(divisionTree());
  const app = await buildApp({
    db: handle.db,
    services,
    config: testConfig,
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
