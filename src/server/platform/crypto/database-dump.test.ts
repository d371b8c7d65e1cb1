import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/app.js';
import {
  createPostgresTestDatabase,
  describeOnPostgres,
} from '../../../../test/helpers/database.js';
import { createDemoCitizen } from '../../seed/demo-identity.js';
import { queryRows } from '../db/client.js';

const phone = '13987654321';
const residentId = '11010519491231002X';

/** Writes personal data through every path that stores it: accounts, SMS codes, audit. */
async function storePersonalData(context: TestContext) {
  await context.app.inject({
    method: 'POST',
    url: '/api/citizen/codes',
    payload: { phone, purpose: 'sign_up' },
  });
  await createDemoCitizen(context.services, { phone: '13987650000', displayName: '钱七' });
  await expect(
    context.services.audit.record({
      origin: { actor: null, ip: null },
      action: 'probe',
      outcome: 'success',
      detail: { note: residentId },
    }),
  ).rejects.toThrow();
}

/** Every row of every table as text: what a dump of the data holds. */
async function dumpAsText(context: TestContext): Promise<string> {
  const tables = await queryRows<{ name: string }>(
    context.database.db,
    sql`select table_schema || '.' || table_name as name from information_schema.tables
        where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE'`,
  );
  const chunks: string[] = [];
  for (const { name } of tables) {
    const rows = await queryRows<{ row: string }>(
      context.database.db,
      sql.raw(`select t::text as row from ${name} t`),
    );
    chunks.push(...rows.map((row) => row.row));
  }
  return chunks.join('\n');
}

describe('a dump of the embedded database', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext();
    await storePersonalData(context);
  });
  afterAll(() => context.close());

  it('should hold no clear phone number or ID number when personal data was stored', async () => {
    const dump = await dumpAsText(context);
    expect(dump).toContain('****');
    expect(dump).not.toContain(phone);
    expect(dump).not.toContain('13987650000');
    expect(dump).not.toContain(residentId);
  });
});

describeOnPostgres('a pg_dump of the PostgreSQL database', () => {
  it('should hold no clear phone number or ID number when personal data was stored', async () => {
    const database = await createPostgresTestDatabase();
    const context = await createTestContext({ database });
    try {
      await storePersonalData(context);
      const dump = execFileSync('pg_dump', ['--data-only', database.url], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(dump).toContain('notification_outbox');
      expect(dump).not.toContain(phone);
      expect(dump).not.toContain('13987650000');
      expect(dump).not.toContain(residentId);
    } finally {
      await context.close();
    }
  });
});
