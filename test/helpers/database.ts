import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/server/platform/db/client.js';
import { migrateDatabase } from '../../src/server/platform/db/migrate.js';

/** The PostgreSQL server for integration tests; CI always sets it. */
export const postgresTestUrl = process.env.TEST_DATABASE_URL;

if (process.env.CI && !postgresTestUrl) {
  throw new Error('TEST_DATABASE_URL must be set in CI: the PostgreSQL suite may not be skipped');
}
if (process.env.CI && !process.env.TEST_REDIS_URL) {
  throw new Error('TEST_REDIS_URL must be set in CI: the Redis rate-limit test may not be skipped');
}

/**
 * Runs a suite against the PostgreSQL server. Without TEST_DATABASE_URL (a developer machine with
 * no server) the suite is reported as skipped; in CI its absence fails above.
 */
export const describeOnPostgres = describe.skipIf(!postgresTestUrl);

/** A fresh, migrated in-memory PGlite; share one per test file (it takes a few seconds). */
export async function createPgliteTestDatabase(): Promise<DatabaseHandle> {
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrateDatabase(database.db);
  return database;
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A throwaway database on the PostgreSQL server, created empty and dropped by `close()`. */
export async function createPostgresTestDatabase(
  options: { migrate?: boolean } = {},
): Promise<DatabaseHandle & { url: string }> {
  if (!postgresTestUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `farun_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(postgresTestUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(postgresTestUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  if (options.migrate !== false) await migrateDatabase(database.db);
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      await withAdminClient(postgresTestUrl, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      );
    },
  };
}
