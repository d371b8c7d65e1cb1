import { resolve } from 'node:path';
import { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from './platform/config.js';
import { DivisionFileError, readDivisionsDirectory } from './modules/divisions/divisions.import.js';
import { AppError } from './platform/errors.js';
import { translate } from './platform/http/messages.js';
import {
  openMigratedDatabase,
  seedDemoData,
  serviceSettingsOf,
  startServer,
  type RunningServer,
} from './main.js';
import { createServices } from './services.js';

function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `embedded PGlite in ${resolve(config.dataDir)}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

function loginLines(server: RunningServer): string[] {
  if (server.demoLogins) {
    const staff = server.demoLogins.staff.map(
      (login) =>
        `    ${login.username.padEnd(10)} ${login.password}   ${login.role} · ${login.organization}`,
    );
    return [
      'Demo logins (random passwords, shown on the first start only; kept in',
      `  ${server.demoLoginsFile}):`,
      '  Console — username / password / role:',
      ...staff,
      `  Portal — citizen ${server.demoLogins.citizen.phone} / ${server.demoLogins.citizen.password}`,
      '  The system administrator must choose a new password at first sign-in; the three',
      '  administrators set up two-step verification (an authenticator app) at first sign-in.',
    ];
  }
  if (server.firstAdministrator) {
    return [
      'First system administrator (shown once — write it down):',
      `    ${server.firstAdministrator.username} / ${server.firstAdministrator.password}`,
      '  A new password must be chosen at first sign-in.',
    ];
  }
  return ['Sign in with your account; demo logins were printed on the first start.'];
}

async function start(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config);
  const base = server.url.replace('://127.0.0.1', '://localhost');
  console.log(
    [
      '',
      `  Farun (法润) is running — ${describeDatabase(config)}`,
      `    Portal (public):   ${base}/`,
      `    Console (staff):   ${base}/console`,
      `    API docs:          ${base}/api/docs`,
      '',
      ...loginLines(server).map((line) => `  ${line}`),
      '',
      '  Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
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
    const logins = await seedDemoData(database, serviceSettingsOf(config));
    console.log(
      logins
        ? `Demo data seeded. Logins:\n${JSON.stringify(logins, null, 2)}`
        : 'The database already has data; nothing seeded.',
    );
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

async function verifyAudit(): Promise<void> {
  const config = loadConfig();
  const { database } = await openMigratedDatabase(config);
  try {
    const result = await createServices(database.db).audit.verifyChain();
    if (result.valid) {
      console.log(`Audit chain intact: ${result.rows} row(s) verified.`);
      return;
    }
    console.error(
      `Audit chain BROKEN at row ${result.firstBadId} (${result.reason}); ${result.rows} row(s) read.`,
    );
    process.exitCode = 2;
  } finally {
    await database.close();
  }
}

program
  .command('audit')
  .description('Audit log tools')
  .command('verify')
  .description('Check the audit log hash chain; names the first tampered row (exit code 2)')
  .action(run(verifyAudit));

program.addHelpText(
  'after',
  '\nConfiguration comes from environment variables; see README.md ("Configuration").',
);

await program.parseAsync(process.argv);
