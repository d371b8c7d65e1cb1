import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPgliteTestDatabase,
  createPostgresTestDatabase,
  describeOnPostgres,
} from '../../test/helpers/database.js';
import { divisions } from './modules/divisions/divisions.tables.js';
import { organizations } from './modules/organizations/organizations.tables.js';
import { insertManyAsJson } from './platform/db/bulk-insert.js';
import type { DatabaseHandle } from './platform/db/client.js';

function rows(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    type: 'law_firm' as const,
    name: `批量${String(index).padStart(4, '0')}`,
    divisionCode: '32',
    address: index === 0 ? 'quote " backslash \\ 换行\n' : '',
    latitude: index % 2 === 0 ? 31.700123456789 : null,
    longitude: index % 2 === 0 ? 119.95 : null,
    openingHours: { mon: [{ opens: '08:30', closes: '12:00' }] },
    services: ['mediation' as const],
    statusSince: index === 1 ? null : '2024-02-29',
    staffCount: index,
    meetsStandard: index % 3 === 0 ? null : true,
  }));
}

function suite(open: () => Promise<DatabaseHandle>) {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await open();
    await handle.db
      .insert(divisions)
      .values({ code: '32', name: '江苏省', level: 'province', kind: 'province' });
  });
  afterAll(() => handle.close());

  it('should store every value as the row gave it, in several batches, with defaults for the rest', async () => {
    const given = rows(7);
    await insertManyAsJson(handle.db, organizations, given, 3);
    const stored = await handle.db.select().from(organizations).orderBy(asc(organizations.name));
    expect(stored).toHaveLength(7);
    stored.forEach((row, index) => {
      expect(row).toMatchObject({ ...given[index], version: 1, status: 'active', stepFree: false });
      expect(row.createdAt).toBeInstanceOf(Date);
    });
  });

  it('should roll back with the transaction when a row breaks a constraint', async () => {
    const existing = rows(1)[0] as ReturnType<typeof rows>[number];
    const duplicate = { ...existing, id: randomUUID(), name: '批量0000' };
    await expect(
      handle.db.transaction((tx) =>
        insertManyAsJson(tx, organizations, [
          { ...existing, id: randomUUID(), name: '新的' },
          duplicate,
        ]),
      ),
    ).rejects.toThrow();
    expect(
      await handle.db.select().from(organizations).where(eq(organizations.name, '新的')),
    ).toEqual([]);
  });
}

describe('insertManyAsJson on PGlite', () => suite(createPgliteTestDatabase));
describeOnPostgres('insertManyAsJson on PostgreSQL', () =>
  suite(() => createPostgresTestDatabase()),
);
