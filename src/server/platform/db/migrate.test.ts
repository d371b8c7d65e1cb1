import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createPostgresTestDatabase,
  describeOnPostgres,
} from '../../../../test/helpers/database.js';
import { migrationsDir } from '../paths.js';
import { openDatabase, queryRows, type DatabaseHandle } from './client.js';
import { migrateDatabase } from './migrate.js';

/** A copy of the real migrations plus one that creates a table and then fails. */
function migrationsWithABrokenOne(): string {
  const folder = mkdtempSync(join(tmpdir(), 'farun-migrations-'));
  cpSync(migrationsDir, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  const last = journal.entries.at(-1);
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_broken' });
  writeFileSync(journalPath, JSON.stringify(journal));
  writeFileSync(
    join(folder, '9999_broken.sql'),
    'CREATE TABLE half_done (id integer);\n--> statement-breakpoint\nSELECT 1 / 0;',
  );
  return folder;
}

async function tableNames(database: DatabaseHandle): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    database.db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
  );
  return rows.map((row) => row.name);
}

function migrationBehaviour(open: () => Promise<DatabaseHandle>) {
  const folders: string[] = [];
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('should apply every migration once when run twice', async () => {
    const database = await open();
    try {
      expect(await migrateDatabase(database.db)).toBeGreaterThan(0);
      expect(await migrateDatabase(database.db)).toBe(0);
      expect(await tableNames(database)).toEqual(
        expect.arrayContaining(['divisions', 'division_changes', 'organizations']),
      );
    } finally {
      await database.close();
    }
  });

  it('should leave the database as it was when a migration fails', async () => {
    const database = await open();
    const folder = migrationsWithABrokenOne();
    folders.push(folder);
    try {
      await expect(migrateDatabase(database.db, folder)).rejects.toThrow(
        /Migration 9999_broken failed and was rolled back: division by zero/,
      );
      expect(await tableNames(database)).toEqual([]);
      await migrateDatabase(database.db);
      await expect(migrateDatabase(database.db, folder)).rejects.toThrow();
      expect(await tableNames(database)).not.toContain('half_done');
      expect(await migrateDatabase(database.db)).toBe(0);
    } finally {
      await database.close();
    }
  });
}

describe('migrations on PGlite', () => {
  migrationBehaviour(() => openDatabase({ dataDir: 'memory://' }));
});

describeOnPostgres('migrations on PostgreSQL', () => {
  migrationBehaviour(() => createPostgresTestDatabase({ migrate: false }));
});
