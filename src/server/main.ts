import type { Config } from './platform/config.js';
import { buildApp, type App } from './app.js';
import { openDatabase, type DatabaseHandle } from './platform/db/client.js';
import { migrateDatabase } from './platform/db/migrate.js';
import { seedDemo } from './seed/demo.js';
import { createServices } from './services.js';

export interface RunningServer {
  app: App;
  database: DatabaseHandle;
  url: string;
  migrationsApplied: number;
  seeded: boolean;
  stop(): Promise<void>;
}

export async function openMigratedDatabase(config: Config) {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
  });
  try {
    const migrationsApplied = await migrateDatabase(database.db);
    return { database, migrationsApplied };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Seeds the demo jurisdiction atomically: all of it or none of it. */
export async function seedDemoData(database: DatabaseHandle): Promise<boolean> {
  return database.db.transaction((tx) => seedDemo(createServices(tx)));
}

/** config → database → migrations → demo seed → HTTP app → listening. */
export async function startServer(config: Config): Promise<RunningServer> {
  const { database, migrationsApplied } = await openMigratedDatabase(config);
  const seeded = config.demo ? await seedDemoData(database) : false;
  const app = await buildApp({ db: database.db, config });
  const address = await app.listen({ host: config.host, port: config.port });
  let stopping: Promise<void> | undefined;
  return {
    app,
    database,
    url: address,
    migrationsApplied,
    seeded,
    stop() {
      stopping ??= stopGracefully(app, database, config.shutdownGraceMs);
      return stopping;
    },
  };
}

/** In-flight requests finish (new ones get 503) within the grace period; then the database closes. */
async function stopGracefully(app: App, database: DatabaseHandle, graceMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      app.server.closeAllConnections();
      resolve();
    }, graceMs);
  });
  await Promise.race([app.close(), deadline]);
  clearTimeout(timer);
  await database.close();
}
