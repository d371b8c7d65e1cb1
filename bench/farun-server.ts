/**
 * Child process: the real Farun app over one engine (DATABASE_URL → PostgreSQL, else PGlite in
 * FARUN_DATA_DIR), loaded with the demo jurisdiction plus BENCH_ORGANIZATIONS generated rows.
 * With BENCH_SEEDED=1 the parent has already loaded the database (writes.ts): only serve it.
 */
import { buildApp } from '../src/server/app.js';
import { openMigratedDatabase, seedDemoData } from '../src/server/main.js';
import { loadConfig } from '../src/server/platform/config.js';
import { generateOrganizations } from './data.js';
import { exitWithParent, reportReady } from './protocol.js';

async function main(): Promise<void> {
  exitWithParent();
  const config = loadConfig();
  const { database } = await openMigratedDatabase(config);
  try {
    if (process.env.BENCH_SEEDED !== '1') {
      await seedDemoData(database);
      await generateOrganizations(database.db, Number(process.env.BENCH_ORGANIZATIONS));
    }
    // Built after the data is in place, so no cache the app may keep starts out stale.
    const app = await buildApp({ db: database.db, config });
    const url = await app.listen({ host: config.host, port: config.port });
    reportReady(url, async () => {
      await app.close();
      await database.close();
    });
  } catch (error) {
    await database.close();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
