import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { asc, count, like, sql, type SQL } from 'drizzle-orm';
import { TransactionRollbackError } from 'drizzle-orm/errors';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPgliteTestDatabase,
  createPostgresTestDatabase,
  describeOnPostgres,
} from '../../../../test/helpers/database.js';
import {
  auditEntrySchema,
  auditSearchQuerySchema,
  auditVerificationSchema,
  type AuditEntry,
} from '../../../contracts/audit.js';
import type { Actor, RequestOrigin } from '../../platform/access/actor.js';
import type { Database, DatabaseHandle } from '../../platform/db/client.js';
import { parseCsv } from '../../platform/files/csv.js';
import { GENESIS_HASH } from './audit.chain.js';
import {
  AUDIT_EXPORT_LIMIT,
  AuditPersonalDataError,
  auditCsv,
  createAuditService,
  findPersonalData,
  type AuditEvent,
  type AuditService,
} from './audit.service.js';
import { auditLog } from './audit.tables.js';

function buildActor(overrides: Partial<Actor> = {}): Actor {
  return {
    accountId: randomUUID(),
    kind: 'staff',
    displayName: '王审计',
    organizationId: randomUUID(),
    roles: ['bureau_admin', 'auditor'],
    permissions: new Set(['audit.read']),
    scope: { level: 'all' },
    sessionId: randomUUID(),
    restriction: null,
    ...overrides,
  };
}

function origin(actor: Actor | null = buildActor(), ip: string | null = '10.1.2.3'): RequestOrigin {
  return { actor, ip };
}

/** A unique action family per test, so tests sharing one database do not see each other. */
function family(): string {
  return `t${randomUUID().slice(0, 8)}.`;
}

function event(action: string, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return { origin: origin(), action, outcome: 'success', ...overrides };
}

async function recordMany(
  db: Database,
  audit: AuditService,
  prefix: string,
  n: number,
): Promise<number[]> {
  for (let index = 0; index < n; index += 1) {
    await audit.record(event(`${prefix}step${index}`, { detail: { index } }));
  }
  const rows = await rowsOf(db, prefix);
  return rows.map((row) => row.id);
}

async function rowsOf(db: Database, prefix: string) {
  return db
    .select()
    .from(auditLog)
    .where(like(auditLog.action, `${prefix}%`))
    .orderBy(asc(auditLog.id));
}

/**
 * Tampers as an attacker with table rights would (switching the append-only trigger off), runs
 * `check` on the tampered log, then rolls everything back so later tests see an intact chain.
 */
async function whileTampered(
  db: Database,
  tampering: SQL,
  check: (audit: AuditService) => Promise<void>,
): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      await tx.execute(tampering);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
      await check(createAuditService({ db: tx }));
      tx.rollback();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  }
}

/** Chain behaviour that must hold on both engines. */
function chainSuite(open: () => Promise<DatabaseHandle>) {
  let database: DatabaseHandle;
  let db: Database;
  let audit: AuditService;

  beforeAll(async () => {
    database = await open();
    db = database.db;
    audit = createAuditService({ db });
  });
  afterAll(() => database.close());

  it('should start at the genesis hash and link each row to the one before when recording', async () => {
    const prefix = family();
    await recordMany(db, audit, prefix, 3);
    const [first] = await db.select().from(auditLog).orderBy(asc(auditLog.id)).limit(1);
    expect(first?.previousHash).toBe(GENESIS_HASH);
    const rows = await rowsOf(db, prefix);
    expect(rows).toHaveLength(3);
    expect(rows[1]?.previousHash).toBe(rows[0]?.hash);
    expect(rows[2]?.previousHash).toBe(rows[1]?.hash);
  });

  it('should store the actor, roles, ip and millisecond UTC time when recording', async () => {
    const prefix = family();
    const actor = buildActor({ accountId: randomUUID().toUpperCase() });
    const before = Date.now();
    await audit.record({
      origin: origin(actor, '2001:db8::1'),
      action: `${prefix}update`,
      objectType: 'organization',
      objectId: 'org-1',
      outcome: 'denied',
      detail: { changed: ['name'] },
    });
    const [row] = await rowsOf(db, prefix);
    expect(row).toMatchObject({
      actorId: actor.accountId.toLowerCase(),
      actorName: '王审计',
      actorRoles: 'bureau_admin,auditor',
      ip: '2001:db8::1',
      objectType: 'organization',
      objectId: 'org-1',
      outcome: 'denied',
      detail: { changed: ['name'] },
    });
    expect(Math.abs((row?.occurredAt.getTime() ?? 0) - before)).toBeLessThan(60_000);
    expect(await audit.verifyChain()).toMatchObject({ valid: true });
  });

  it('should record an anonymous event with null actor fields when there is no actor', async () => {
    const prefix = family();
    await audit.record(event(`${prefix}login`, { origin: origin(null, null), outcome: 'failure' }));
    const [row] = await rowsOf(db, prefix);
    expect(row).toMatchObject({ actorId: null, actorName: null, actorRoles: null, ip: null });
    expect(await audit.verifyChain()).toMatchObject({ valid: true });
  });

  it('should verify when the detail holds unicode, nested keys that jsonb reorders, floats and dates', async () => {
    await audit.record(
      event(`${family()}rich`, {
        detail: {
          zz: 1,
          a: { longer_key: [1.5, -0, 1e21, 5e-324, 0.1], b: null, é: '法润 🚀 "quoted"\n' },
          when: new Date('2024-01-02T03:04:05.678Z'),
          dropped: undefined,
          big: 2 ** 60,
        },
      }),
    );
    expect(await audit.verifyChain()).toMatchObject({ valid: true });
  });

  it('should verify any JSON detail when it reads back from the database', async () => {
    const detail = fc
      .dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 })
      .filter((value) => findPersonalData(value) === null);
    await fc.assert(
      fc.asyncProperty(detail, async (value) => {
        await audit.record(event('property.detail', { detail: value }));
      }),
      { numRuns: 40 },
    );
    expect(await audit.verifyChain()).toMatchObject({ valid: true });
  });

  it('should pass verification on an untouched chain when read in small batches', async () => {
    await recordMany(db, audit, family(), 5);
    const result = await audit.verifyChain({ batchSize: 2 });
    expect(result).toMatchObject({ valid: true });
    const [total] = await db.select({ value: count() }).from(auditLog);
    const [last] = await db
      .select()
      .from(auditLog)
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(result).toEqual({
      valid: true,
      rows: total?.value,
      lastId: last?.id,
      headHash: last?.hash,
    });
    expect(auditVerificationSchema.parse(result)).toEqual(result);
  });

  it('should name exactly the changed row when a middle row was altered', async () => {
    const ids = await recordMany(db, audit, family(), 5);
    const target = ids[2] as number;
    await whileTampered(
      db,
      sql`update audit_log set action = 'auth.nothing_happened' where id = ${target}`,
      async (tampered) => {
        expect(await tampered.verifyChain({ batchSize: 2 })).toMatchObject({
          valid: false,
          firstBadId: target,
          reason: 'hash_mismatch',
        });
      },
    );
    expect(await audit.verifyChain()).toMatchObject({ valid: true });
  });

  it('should name the row after a deleted one as a broken link when a middle row was removed', async () => {
    const ids = await recordMany(db, audit, family(), 5);
    await whileTampered(db, sql`delete from audit_log where id = ${ids[2]}`, async (tampered) => {
      const result = await tampered.verifyChain();
      expect(result).toMatchObject({ valid: false, firstBadId: ids[3], reason: 'broken_link' });
    });
  });

  it('should name the changed row when its hash was recomputed to hide an edit', async () => {
    const ids = await recordMany(db, audit, family(), 3);
    await whileTampered(
      db,
      sql`update audit_log set hash = ${'e'.repeat(64)} where id = ${ids[1]}`,
      async (tampered) => {
        expect(await tampered.verifyChain()).toMatchObject({
          valid: false,
          firstBadId: ids[1],
          reason: 'hash_mismatch',
        });
      },
    );
  });

  it('should refuse an update when the append-only trigger is on', async () => {
    const [id] = await recordMany(db, audit, family(), 1);
    await expect(
      db.execute(sql`update audit_log set action = 'x' where id = ${id}`),
    ).rejects.toThrow();
  });

  it('should leave no audit row when the outer transaction rolls back', async () => {
    const prefix = family();
    await expect(
      db.transaction(async (tx) => {
        await audit.record(event(`${prefix}create`), tx);
        throw new Error('the write failed after its audit row');
      }),
    ).rejects.toThrow('the write failed');
    expect(await rowsOf(db, prefix)).toHaveLength(0);
    await audit.record(event(`${prefix}after`));
    expect(await audit.verifyChain()).toMatchObject({ valid: true });
  });

  it('should keep the audit row when the outer transaction commits', async () => {
    const prefix = family();
    await db.transaction(async (tx) => {
      await audit.record(event(`${prefix}create`), tx);
    });
    expect(await rowsOf(db, prefix)).toHaveLength(1);
  });

  it('should refuse to record when the outer transaction is repeatable read', async () => {
    const prefix = family();
    await expect(
      db.transaction(async (tx) => audit.record(event(`${prefix}create`), tx), {
        isolationLevel: 'repeatable read',
      }),
    ).rejects.toThrow('READ COMMITTED');
    expect(await rowsOf(db, prefix)).toHaveLength(0);
  });

  it('should keep a valid chain when 20 records run in parallel', async () => {
    const prefix = family();
    await Promise.all(
      Array.from({ length: 20 }, (_, index) => audit.record(event(`${prefix}parallel${index}`))),
    );
    const rows = await rowsOf(db, prefix);
    expect(new Set(rows.map((row) => row.action)).size).toBe(20);
    expect(await audit.verifyChain()).toMatchObject({ valid: true });
  });

  it('should keep a valid chain when parallel outer transactions record and some roll back', async () => {
    const prefix = family();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) =>
        db.transaction(async (tx) => {
          await audit.record(event(`${prefix}tx${index}`), tx);
          // Work after the audit row keeps the chain lock held while others queue for it.
          await tx.execute(sql`select pg_sleep(0.005)`);
          if (index % 3 === 0) throw new Error('rolled back');
        }),
      ),
    );
    const committed = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
    expect(committed).toBe(13);
    expect(await rowsOf(db, prefix)).toHaveLength(committed);
    expect(await audit.verifyChain()).toMatchObject({ valid: true });
  });
}

describe('audit chain on PGlite', () => {
  chainSuite(createPgliteTestDatabase);
});

describeOnPostgres('audit chain on PostgreSQL', () => {
  chainSuite(() => createPostgresTestDatabase());
});

describe('audit search and export', () => {
  let database: DatabaseHandle;
  let audit: AuditService;
  const objectType = `search-${randomUUID().slice(0, 8)}`;
  const zhang = buildActor({ displayName: '张三' });
  const li = buildActor({ displayName: '李四', roles: ['lawyer'] });
  let seeded: AuditEntry[];

  async function seed(events: AuditEvent[]) {
    for (const item of events) {
      await audit.record({ objectType, ...item });
      // Distinct milliseconds, so time bounds fall between rows.
      await sleep(3);
    }
  }

  function search(query: Record<string, unknown>) {
    return audit.search(auditSearchQuerySchema.parse({ objectType, ...query }));
  }

  beforeAll(async () => {
    database = await createPgliteTestDatabase();
    audit = createAuditService({ db: database.db });
    await seed([
      event('auth.login', { origin: origin(zhang), objectId: 'acc-1' }),
      event('auth.login', { origin: origin(null), objectId: 'acc-2', outcome: 'failure' }),
      event('organizations.update', { origin: origin(zhang), objectId: 'org-7' }),
      event('organizations.delete', { origin: origin(li), objectId: 'org-8', outcome: 'denied' }),
      event('authority.grant', { origin: origin(li), objectId: '100%' }),
      event('a_b.c', { origin: origin(li), objectId: 'x' }),
    ]);
    seeded = (await search({ limit: 200 })).items;
  });
  afterAll(() => database.close());

  function actionsOf(items: AuditEntry[]): string[] {
    return items.map((item) => item.action);
  }

  it('should answer newest first with the total when paging', async () => {
    const first = await search({ limit: 2 });
    expect(first.total).toBe(6);
    expect(actionsOf(first.items)).toEqual(['a_b.c', 'authority.grant']);
    const last = await search({ limit: 2, offset: 4 });
    expect(actionsOf(last.items)).toEqual(['auth.login', 'auth.login']);
    expect(last.items[0]!.id).toBeGreaterThan(last.items[1]!.id);
  });

  it('should answer entries the contract accepts when searching', () => {
    expect(seeded).toHaveLength(6);
    for (const entry of seeded) expect(auditEntrySchema.parse(entry)).toEqual(entry);
    expect(seeded.find((entry) => entry.actorName === '李四')?.actorRoles).toEqual(['lawyer']);
  });

  it('should match a family of actions when the action ends with a dot', async () => {
    expect(actionsOf((await search({ action: 'auth.' })).items)).toEqual([
      'auth.login',
      'auth.login',
    ]);
    expect(actionsOf((await search({ action: 'a_b.' })).items)).toEqual(['a_b.c']);
    expect((await search({ action: 'a%b.' })).total).toBe(0);
  });

  it('should match the action exactly when it has no trailing dot', async () => {
    expect(actionsOf((await search({ action: 'organizations.update' })).items)).toEqual([
      'organizations.update',
    ]);
    expect((await search({ action: 'organizations' })).total).toBe(0);
  });

  it('should filter by actor, outcome and object when those are given', async () => {
    expect((await search({ actorId: zhang.accountId })).total).toBe(2);
    expect(actionsOf((await search({ outcome: 'denied' })).items)).toEqual([
      'organizations.delete',
    ]);
    expect(actionsOf((await search({ objectId: 'org-7' })).items)).toEqual([
      'organizations.update',
    ]);
    expect((await search({ objectType: 'nothing-here' })).total).toBe(0);
  });

  it('should find text in the actor name, action or object id when q is given', async () => {
    expect((await search({ q: '张' })).total).toBe(2);
    expect(actionsOf((await search({ q: 'ORGANIZATIONS' })).items)).toEqual([
      'organizations.delete',
      'organizations.update',
    ]);
    expect((await search({ q: 'org-' })).total).toBe(2);
    expect(actionsOf((await search({ q: '%' })).items)).toEqual(['authority.grant']);
  });

  it('should include from and exclude to when filtering by time', async () => {
    const pivot = seeded[2]!.occurredAt;
    const since = await search({ from: pivot });
    const until = await search({ to: pivot });
    expect(since.items.map((item) => item.id)).toEqual(
      seeded.filter((item) => item.occurredAt >= pivot).map((item) => item.id),
    );
    expect(until.items.map((item) => item.id)).toEqual(
      seeded.filter((item) => item.occurredAt < pivot).map((item) => item.id),
    );
    expect(since.total + until.total).toBe(6);
    expect(until.total).toBeGreaterThan(0);
    const withOffset = pivot.replace('Z', '+00:00');
    expect((await search({ from: withOffset })).total).toBe(since.total);
  });

  it('should export every matching row newest first when under the limit', async () => {
    const exported = await audit.exportRows({ objectType, action: 'organizations.' });
    expect(exported.truncated).toBe(false);
    expect(actionsOf(exported.rows)).toEqual(['organizations.delete', 'organizations.update']);
  });

  it('should stop at the export limit and say so when more rows match', async () => {
    try {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`
          insert into audit_log (occurred_at, action, object_type, outcome, previous_hash, hash)
          select now(), 'bulk.row', 'bulk', 'success', '', ''
          from generate_series(1, ${AUDIT_EXPORT_LIMIT + 1})`);
        const exported = await createAuditService({ db: tx }).exportRows({ objectType: 'bulk' });
        expect(exported.truncated).toBe(true);
        expect(exported.rows).toHaveLength(AUDIT_EXPORT_LIMIT);
        tx.rollback();
      });
    } catch (error) {
      if (!(error instanceof TransactionRollbackError)) throw error;
    }
  });

  it('should refuse the event and write nothing when the detail holds a resident ID number', async () => {
    const prefix = family();
    await expect(
      audit.record(event(`${prefix}read`, { detail: { subject: '当事人 320412199001011234' } })),
    ).rejects.toThrow(AuditPersonalDataError);
    const { total } = await audit.search(auditSearchQuerySchema.parse({ action: `${prefix}read` }));
    expect(total).toBe(0);
  });

  it('should refuse the event when the detail holds a mobile number deep inside', async () => {
    await expect(
      audit.record(event('x.read', { detail: { contacts: [{ phone: '+86 138-1234-5678' }] } })),
    ).rejects.toThrow(/detail\.contacts\[0\]\.phone/);
  });

  it('should not put the refused value into the error message when refusing', async () => {
    const error = await audit
      .record(event('x.read', { detail: { phone: '13812345678' } }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuditPersonalDataError);
    expect((error as Error).message).not.toContain('13812345678');
  });

  it('should refuse the event when the object id is a mobile number', async () => {
    await expect(audit.record(event('x.read', { objectId: '13812345678' }))).rejects.toThrow(
      AuditPersonalDataError,
    );
  });
});

describe('findPersonalData', () => {
  it.each([
    ['a resident ID number', { id: '320412199001011234' }, 'detail.id'],
    ['a resident ID number with a lower-case x', { id: '32041219900101123x' }, 'detail.id'],
    [
      'a resident ID number inside Chinese text',
      { note: '身份证号320412199001011234。' },
      'detail.note',
    ],
    ['a mobile number', { phone: '13812345678' }, 'detail.phone'],
    ['a mobile number as a number', { phone: 13812345678 }, 'detail.phone'],
    ['a mobile number with +86 and spaces', { phone: '+86 138 1234 5678' }, 'detail.phone'],
    ['a mobile number with 86 and no separator', { phone: '8613812345678' }, 'detail.phone'],
    ['a mobile number in a key', { '13812345678': true }, 'detail.<key>'],
    ['a mobile number in an array', { list: ['ok', '13912345678'] }, 'detail.list[1]'],
  ])('should find %s when present', (_name, detail, path) => {
    expect(findPersonalData(detail)).toBe(path);
  });

  it.each([
    ['a masked resident ID number', '3204**********123X'],
    ['a masked mobile number', '138****5678'],
    ['a UUID', '550e8400-e29b-41d4-a716-446655440000'],
    ['a SHA-256 hash', 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90'],
    ['a landline number', '0519-86000000'],
    ['a millisecond timestamp', '1714567890123'],
    ['a decimal fraction', '0.13812345678'],
    ['a division code', '320412100001'],
    ['an ISO date-time', '2024-05-01T12:34:56.789Z'],
  ])('should find nothing when given %s', (_name, value) => {
    expect(findPersonalData({ value })).toBeNull();
  });
});

describe('auditCsv', () => {
  const entry: AuditEntry = {
    id: 7,
    occurredAt: '2024-05-01T16:30:00.123Z',
    actorId: '7d3c1b1e-2f4a-4c55-9d1e-0a1b2c3d4e5f',
    actorName: '张三, "老张"',
    actorRoles: ['bureau_admin', 'auditor'],
    ip: '10.0.0.1',
    action: 'organizations.update',
    objectType: 'organization',
    objectId: 'line one\nline two',
    outcome: 'denied',
    detail: { changed: ['name'] },
  };

  it('should start with a byte order mark and a Chinese header when the locale is zh-CN', () => {
    const csv = auditCsv([entry], 'zh-CN');
    expect(csv.startsWith('\uFEFF编号,时间（北京时间）,操作人ID,操作人')).toBe(true);
    expect(parseCsv(csv)[1]?.[9]).toBe('拒绝');
  });

  it('should write an English header and outcome when the locale is en-US', () => {
    const [header, row] = parseCsv(auditCsv([entry], 'en-US'));
    expect(header?.[0]).toBe('ID');
    expect(row?.[9]).toBe('Denied');
  });

  it('should quote commas, quotes and line breaks so the fields read back intact', () => {
    const csv = auditCsv([entry], 'en-US');
    expect(csv).toContain('"张三, ""老张"""');
    const row = parseCsv(csv)[1];
    expect(row).toEqual([
      '7',
      '2024-05-02 00:30:00.123',
      entry.actorId,
      '张三, "老张"',
      'bureau_admin,auditor',
      '10.0.0.1',
      'organizations.update',
      'organization',
      'line one\nline two',
      'Denied',
      '{"changed":["name"]}',
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it.each(['=HYPERLINK("http://evil")', '+1+2', '-2+3', '@SUM(A1)', '\t=1'])(
    'should neutralise a formula when a cell starts with %j',
    (value) => {
      const [, row] = parseCsv(auditCsv([{ ...entry, actorName: value }], 'en-US'));
      expect(row?.[3]).toBe(`'${value}`);
    },
  );

  it('should leave the detail cell empty when the detail is empty', () => {
    const [, row] = parseCsv(auditCsv([{ ...entry, detail: {} }], 'zh-CN'));
    expect(row?.[10]).toBe('');
  });
});

describe('audit contracts', () => {
  it('should refuse unknown fields when parsing a search query', () => {
    expect(auditSearchQuerySchema.safeParse({ actor: 'x' }).success).toBe(false);
  });

  it('should coerce paging and accept filters when they are valid', () => {
    expect(
      auditSearchQuerySchema.parse({
        limit: '20',
        from: '2024-05-01T00:00:00+08:00',
        action: 'auth.',
        outcome: 'denied',
      }),
    ).toEqual({
      limit: 20,
      offset: 0,
      from: '2024-05-01T00:00:00+08:00',
      action: 'auth.',
      outcome: 'denied',
    });
  });

  it.each([{ from: '2024-05-01' }, { actorId: 'not-a-uuid' }, { outcome: 'ok' }, { q: '' }])(
    'should refuse %j when searching',
    (query) => {
      expect(auditSearchQuerySchema.safeParse(query).success).toBe(false);
    },
  );
});
