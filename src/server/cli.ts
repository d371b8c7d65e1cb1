import { resolve } from 'node:path';
import { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from './platform/config.js';
import { DivisionFileError, readDivisionsDirectory } from './modules/divisions/divisions.import.js';
import { AppError } from './platform/errors.js';
import { translate } from './platform/http/messages.js';
import { openMigratedDatabase, seedDemoData, startServer } from './main.js';
import { createServices } from './services.js';

function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `embedded PGlite in ${resolve(config.dataDir)}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

async function start(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config);
  const base = server.url.replace('://127.0.0.1', '://localhost');
  console.log(`
  Farun (法润) is running — ${describeDatabase(config)}
    Portal (public):   ${base}/
    Console (staff):   ${base}/console
    API docs:          ${base}/api/docs
  ${server.seeded ? 'Demo data was seeded: Changzhou city bureau, Wujin district bureau and its stations.' : ''}
  Demo logins: none yet — accounts and sign-in arrive with the identity module;
  until then the console is read-only and needs no login.
  Press Ctrl+C to stop.
`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      server.app.log.info({ signal }, 'shutting down');
      server.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

async function migrate(): Promise<void> {
  const config = loadConfig();
  const { database, migrationsApplied } = await openMigratedDatabase(config);
  await database.close();
  console.log(`Applied ${migrationsApplied} migration(s) to ${describeDatabase(config)}.`);
}

async function seed(options: { demo?: boolean }): Promise<void> {
  if (!options.demo) throw new UsageError('Say what to seed: `farun seed --demo`.');
  const config = loadConfig();
  const { database } = await openMigratedDatabase(config);
  try {
    const seeded = await seedDemoData(database);
    console.log(seeded ? 'Demo data seeded.' : 'The database already has data; nothing seeded.');
  } finally {
    await database.close();
  }
}

async function importDivisions(directory: string): Promise<void> {
  const config = loadConfig();
  const inputs = readDivisionsDirectory(resolve(directory));
  const { database } = await openMigratedDatabase(config);
  try {
    const count = await createServices(database.db).divisions.importDivisions(inputs);
    console.log(`Imported ${count} division(s) from ${resolve(directory)}.`);
  } finally {
    await database.close();
  }
}

class UsageError extends Error {}

/** Operator-facing failures print one clear line and exit 1; only real bugs print a stack. */
function reportFailure(error: unknown): never {
  if (
    error instanceof ConfigError ||
    error instanceof UsageError ||
    error instanceof DivisionFileError
  ) {
    console.error(error.message);
  } else if (error instanceof AppError) {
    const fields = (error.fields ?? []).map((f) => `${f.field}: ${translate('en-US', f.message)}`);
    console.error([translate('en-US', error.messageKey, error.params), ...fields].join('\n  '));
  } else {
    console.error(error);
  }
  process.exit(1);
}

function run<Args extends unknown[]>(action: (...args: Args) => Promise<void>) {
  return (...args: Args) => action(...args).catch(reportFailure);
}

const program = new Command('farun')
  .description('Farun (法润) public legal services platform')
  .showHelpAfterError();

program
  .command('start')
  .description(
    'Migrate the database, seed demo data on first start (unless FARUN_DEMO=0), and serve',
  )
  .action(run(start));

program.command('migrate').description('Apply pending database migrations').action(run(migrate));

program
  .command('seed')
  .description('Seed data into an empty database')
  .option('--demo', 'the demo jurisdiction (Changzhou city bureau, Wujin district)')
  .action(run(seed));

program
  .command('import')
  .description('Import reference data')
  .command('divisions')
  .argument(
    '<dir>',
    'directory with provinces.csv, cities.csv, areas.csv, streets.csv, villages.csv',
  )
  .description('Import administrative divisions (adds new ones, refreshes names; never deletes)')
  .action(run(importDivisions));

program.addHelpText(
  'after',
  '\nConfiguration comes from environment variables; see README.md ("Configuration").',
);

await program.parseAsync(process.argv);
