import { getTableName, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteTestDatabase } from '../../../test/helpers/database.js';
import { auditActions, platformAuditActions } from '../../contracts/audit-actions.js';
import { permissions } from '../../contracts/permissions.js';
import { queryRows, type DatabaseHandle } from '../platform/db/client.js';
import { allTables } from '../schema.js';
import { modules } from './index.js';

/** Checked by the platform itself, for every domain: reading the outbox, unmasking. */
const platformPermissions = ['outbox.read', 'personal_data.unmask'];

describe('the module list', () => {
  let database: DatabaseHandle;

  beforeAll(async () => {
    database = await createPgliteTestDatabase();
  });
  afterAll(() => database.close());

  it('should name each module once when the list is read', () => {
    const names = modules.map((module) => module.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('should give every permission to exactly one module or the platform', () => {
    const claimed = [...platformPermissions, ...modules.flatMap((module) => module.permissions)];
    expect([...claimed].sort()).toEqual([...permissions].sort());
  });

  it('should give every labelled audit action to exactly one module or the platform', () => {
    const claimed = [...platformAuditActions, ...modules.flatMap((module) => module.auditActions)];
    expect([...claimed].sort()).toEqual([...auditActions].sort());
  });

  it('should hold the same message keys in both languages when a module has messages', () => {
    for (const module of modules) {
      if (!module.messages) continue;
      expect(Object.keys(module.messages['en-US']).sort(), module.name).toEqual(
        Object.keys(module.messages['zh-CN']).sort(),
      );
    }
  });

  it('should find every table of the schema in the migrated database', async () => {
    const rows = await queryRows<{ name: string }>(
      database.db,
      sql`select table_name as name from information_schema.tables where table_schema = 'public'`,
    );
    const migrated = new Set(rows.map((row) => row.name));
    const missing = allTables
      .map((table) => getTableName(table))
      .filter((name) => !migrated.has(name));
    expect(missing).toEqual([]);
  });
});
