import type { Config } from './platform/config.js';
import { buildApp, type App } from './app.js';
import { openDatabase, type DatabaseHandle } from './platform/db/client.js';
import { migrateDatabase } from './platform/db/migrate.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemo, type DemoLogins } from './seed/demo.js';
import { createServices, type Services, type ServiceSettings } from './services.js';
import { createDeliveryChannels, readyChannels } from './platform/notify/channels/index.js';
import { createNotificationWorker } from './platform/notify/worker.js';

type NotificationWorker = ReturnType<typeof createNotificationWorker>;

export interface RunningServer {
  app: App;
  database: DatabaseHandle;
  url: string;
  migrationsApplied: number;
  demoLogins: DemoLogins | null;
  demoLoginsFile: string | null;
  firstAdministrator: { username: string; password: string } | null;
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

export function serviceSettingsOf(config: Config): Partial<ServiceSettings> {
  return {
    secretKey: config.secretKey,
    staffIdleMinutes: config.staffIdleMinutes,
    citizenIdleMinutes: config.citizenIdleMinutes,
    sessionMaxHours: config.sessionMaxHours,
    requirePasswordComplexity: config.requirePasswordComplexity,
    passwordMaxAgeDays: config.passwordMaxAgeDays,
  };
}

/** Seeds the demo jurisdiction atomically: all of it or none of it. */
export async function seedDemoData(
  database: DatabaseHandle,
  settings: Partial<ServiceSettings> = {},
): Promise<DemoLogins | null> {
  await createServices(database.db, { settings }).identity.ensureBuiltinRoles();
  return database.db.transaction((tx) => seedDemo(createServices(tx, { settings })));
}

/** Keeps the demo passwords beside the demo database, readable by its owner only. */
function writeDemoLogins(config: Config, logins: DemoLogins): string {
  mkdirSync(config.dataDir, { recursive: true });
  const path = join(config.dataDir, 'demo-logins.json');
  writeFileSync(path, `${JSON.stringify(logins, null, 2)}\n`, { mode: 0o600 });
  return path;
}

/**
 * Delivers the outbox in the background. Messages held for want of a provider are released at
 * start, because providers are configured through the environment and so change on a restart.
 */
async function startNotificationWorker(
  config: Config,
  database: DatabaseHandle,
  services: Services,
  app: App,
): Promise<NotificationWorker> {
  const settings = {
    smsUrl: config.smsUrl,
    smsToken: config.smsToken,
    wecomEnabled: config.wecomEnabled,
    wecomAllowedOrigins: config.wecomOrigins,
  };
  const worker = createNotificationWorker({
    db: database.db,
    cipher: services.cipher,
    channels: createDeliveryChannels(database.db, settings),
    logger: app.log,
  });
  for (const channel of readyChannels(settings)) await worker.releaseHeld(channel);
  worker.start(config.notifyIntervalMs);
  return worker;
}

const DAY_MS = 86_400_000;

/**
 * Keeps the service events' monthly partitions ahead of the calendar: at start and once a day
 * (a back-dated event still gets its month on demand inside its write).
 */
async function keepPartitionsAhead(services: Services, app: App): Promise<NodeJS.Timeout> {
  await services.writer.partitions.ensureAhead(new Date());
  const timer = setInterval(() => {
    services.writer.partitions
      .ensureAhead(new Date())
      .catch((error: unknown) => app.log.error({ err: error }, 'service event partitions'));
  }, DAY_MS);
  timer.unref();
  return timer;
}

/** config → database → migrations → demo seed → HTTP app → listening. */
export async function startServer(config: Config): Promise<RunningServer> {
  const { database, migrationsApplied } = await openMigratedDatabase(config);
  const settings = serviceSettingsOf(config);
  const services = createServices(database.db, { settings });
  await services.identity.ensureBuiltinRoles();
  const demoLogins = config.demo ? await seedDemoData(database, settings) : null;
  const demoLoginsFile = demoLogins ? writeDemoLogins(config, demoLogins) : null;
  const firstAdministrator = await services.identity.createFirstAdministrator();
  const app = await buildApp({ db: database.db, config, services });
  const worker = await startNotificationWorker(config, database, services, app);
  const partitionTimer = await keepPartitionsAhead(services, app);
  const address = await app.listen({ host: config.host, port: config.port });
  let stopping: Promise<void> | undefined;
  return {
    app,
    database,
    url: address,
    migrationsApplied,
    demoLogins,
    demoLoginsFile,
    firstAdministrator,
    stop() {
      clearInterval(partitionTimer);
      stopping ??= stopGracefully(app, database, config.shutdownGraceMs, worker);
      return stopping;
    },
  };
}

/** In-flight requests finish (new ones get 503) within the grace period; then the database closes. */
async function stopGracefully(
  app: App,
  database: DatabaseHandle,
  graceMs: number,
  worker: NotificationWorker,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      app.server.closeAllConnections();
      resolve();
    }, graceMs);
  });
  await Promise.race([app.close(), deadline]);
  clearTimeout(timer);
  await worker.stop();
  await database.close();
}
