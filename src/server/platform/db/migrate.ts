import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { type Database, queryRows } from './client.js';
import { migrationsDir } from '../paths.js';

/** Arbitrary constant shared by every Farun process so that two starting servers migrate in turn. */
const MIGRATION_LOCK_KEY = 7_250_514_348;

export class MigrationError extends Error {
  constructor(tag: string, cause: unknown) {
    const reason =
      cause instanceof Error ? ((cause.cause as Error)?.message ?? cause.message) : String(cause);
    super(`Migration ${tag} failed and was rolled back: ${reason}`, { cause });
    this.name = 'MigrationError';
  }
}

function migrationTags(folder: string): string[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: Array<{ tag: string }>;
  };
  return journal.entries.map((entry) => entry.tag);
}

/**
 * Applies pending migrations (drizzle-kit's folder and journal) in one transaction, so a failing
 * migration leaves the database exactly as it was. Uses drizzle's own bookkeeping table, so
 * `drizzle-kit migrate` and this function agree. Returns how many migrations were applied.
 */
export async function migrateDatabase(
  db: Database,
  folder: string = migrationsDir,
): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  const tags = migrationTags(folder);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(sql`create schema if not exists drizzle`);
    await tx.execute(sql`
      create table if not exists drizzle.__drizzle_migrations (
        id serial primary key, hash text not null, created_at bigint
      )`);
    const [last] = await queryRows<{ created_at: string | null }>(
      tx,
      sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    const lastApplied = Number(last?.created_at ?? 0);
    const pending = migrations
      .map((migration, index) => ({ ...migration, tag: tags[index] ?? `#${index}` }))
      .filter((migration) => migration.folderMillis > lastApplied);
    for (const migration of pending) {
      try {
        for (const statement of migration.sql) {
          if (statement.trim()) await tx.execute(sql.raw(statement));
        }
      } catch (error) {
        throw new MigrationError(migration.tag, error);
      }
      await tx.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at)
            values (${migration.hash}, ${migration.folderMillis})`,
      );
    }
    return pending.length;
  });
}
