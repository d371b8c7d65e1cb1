import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPgliteTestDatabase,
  createPostgresTestDatabase,
  describeOnPostgres,
} from '../../../../test/helpers/database.js';
import type { RequestOrigin } from '../access/actor.js';
import { createChangeFeed, type ChangeTopic } from '../changes.js';
import { type Database, type DatabaseHandle, queryRows } from '../db/client.js';
import { AppError, ConflictError, StaleVersionError } from '../errors.js';
import { createServiceEventRepository, partitionName } from './service-events.repository.js';
import type { AuditEvent, AuditRecorder } from './audit-event.js';
import { changedFields, createWriter, requireCurrentVersion } from './writes.js';

const origin: RequestOrigin = { actor: null, ip: '127.0.0.1' };

class NameTakenError extends AppError {
  constructor() {
    super('conflict', 'error.conflict');
  }
}

/** A scratch domain table with a unique name and a version, standing in for a domain's record. */
async function createScratchTable(db: Database) {
  await db.execute(sql`create table if not exists write_path_things (
    id uuid primary key, name text not null, version integer not null default 1,
    constraint write_path_things_name_unique unique (name))`);
  await db.execute(sql`create table if not exists write_path_audit (action text, object_id text)`);
}

async function thingExists(db: Database, id: string): Promise<boolean> {
  const rows = await queryRows(db, sql`select 1 from write_path_things where id = ${id}`);
  return rows.length === 1;
}

/**
 * A stand-in for the audit trail that writes through the executor it is given, as the real one
 * does: its rows commit or roll back with the write.
 */
function scratchAudit(db: Database): AuditRecorder {
  return {
    async record(event: AuditEvent<string>, executor?: Database) {
      await (executor ?? db).execute(
        sql`insert into write_path_audit (action, object_id) values (${event.action}, ${event.objectId ?? null})`,
      );
    },
  };
}

async function auditRowsFor(db: Database, id: string): Promise<number> {
  const rows = await queryRows(db, sql`select 1 from write_path_audit where object_id = ${id}`);
  return rows.length;
}

function writePathSuite(open: () => Promise<DatabaseHandle>) {
  let handle: DatabaseHandle;
  let published: ChangeTopic[];
  let writer: ReturnType<typeof createWriter>;

  beforeAll(async () => {
    handle = await open();
    await createScratchTable(handle.db);
    const changes = createChangeFeed();
    published = [];
    changes.subscribe((topic) => published.push(topic));
    writer = createWriter({ db: handle.db, audit: scratchAudit(handle.db), changes });
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function insertThing(id: string, name: string, occurredAt = new Date()) {
    return writer.write(
      origin,
      async ({ tx, audit, recordEvent, publish }) => {
        await tx.execute(sql`insert into write_path_things (id, name) values (${id}, ${name})`);
        audit({ action: 'volunteer.create', objectType: 'thing', objectId: id });
        recordEvent({
          type: 'volunteer_service',
          channel: 'in_person',
          occurredAt,
          peopleServed: 1,
          counts: { hours: 2 },
          source: { type: 'thing', id },
        });
        publish('organizations');
        return id;
      },
      { conflicts: { write_path_things_name_unique: () => new NameTakenError() } },
    );
  }

  it('should write the record, its audit row and its service event when the write commits', async () => {
    const id = randomUUID();
    published.length = 0;
    await insertThing(id, `thing-${id}`);
    expect(await thingExists(handle.db, id)).toBe(true);
    expect(await auditRowsFor(handle.db, id)).toBe(1);
    const events = await createServiceEventRepository(handle.db).listBySource({
      type: 'thing',
      id,
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'volunteer_service', counts: { hours: 2 } });
    expect(published).toEqual(['organizations']);
  });

  it('should leave no record, audit row, event or published topic when a step fails', async () => {
    const id = randomUUID();
    published.length = 0;
    const failing = writer.write(origin, async ({ tx, audit, recordEvent, publish }) => {
      await tx.execute(sql`insert into write_path_things (id, name) values (${id}, ${id})`);
      audit({ action: 'volunteer.create', objectType: 'thing', objectId: id });
      recordEvent({
        type: 'volunteer_service',
        channel: 'phone',
        occurredAt: new Date(),
        source: { type: 'thing', id },
      });
      publish('organizations');
      throw new Error('the domain refused');
    });
    await expect(failing).rejects.toThrow('the domain refused');
    expect(await thingExists(handle.db, id)).toBe(false);
    expect(await auditRowsFor(handle.db, id)).toBe(0);
    expect(
      await createServiceEventRepository(handle.db).listBySource({ type: 'thing', id }),
    ).toEqual([]);
    expect(published).toEqual([]);
  });

  it('should roll the record back when its service event is refused by the table', async () => {
    const id = randomUUID();
    const failing = writer.write(origin, async ({ tx, recordEvent }) => {
      await tx.execute(sql`insert into write_path_things (id, name) values (${id}, ${id})`);
      recordEvent({
        type: 'volunteer_service',
        channel: 'in_person',
        occurredAt: new Date(),
        peopleServed: -1,
        source: { type: 'thing', id },
      });
    });
    await expect(failing).rejects.toThrow();
    expect(await thingExists(handle.db, id)).toBe(false);
  });

  it("should answer the domain's conflict error when a unique constraint is violated", async () => {
    const name = `same-${randomUUID()}`;
    await insertThing(randomUUID(), name);
    await expect(insertThing(randomUUID(), name)).rejects.toBeInstanceOf(NameTakenError);
  });

  it('should answer a plain conflict when the violated constraint has no domain error', async () => {
    const id = randomUUID();
    await insertThing(id, `first-${id}`);
    const again = writer.write(origin, async ({ tx }) => {
      await tx.execute(
        sql`insert into write_path_things (id, name) values (${id}, ${randomUUID()})`,
      );
    });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
  });

  it('should answer stale version when a versioned update matches no row', async () => {
    const id = randomUUID();
    await insertThing(id, `versioned-${id}`);
    const update = (version: number) =>
      writer.write(origin, async ({ tx }) => {
        const rows = await queryRows(
          tx,
          sql`update write_path_things set version = version + 1
               where id = ${id} and version = ${version} returning id`,
        );
        await requireCurrentVersion(rows.length === 1, 'thing', version);
      });
    await update(1);
    await expect(update(1)).rejects.toBeInstanceOf(StaleVersionError);
  });

  it('should void the old event and keep the new one when a record is corrected', async () => {
    const id = randomUUID();
    await insertThing(id, `corrected-${id}`);
    await writer.write(origin, async ({ voidEvents, recordEvent, audit }) => {
      voidEvents({ type: 'thing', id });
      recordEvent({
        type: 'volunteer_service',
        channel: 'in_person',
        occurredAt: new Date(),
        counts: { hours: 3 },
        source: { type: 'thing', id },
      });
      audit({ action: 'volunteer.update', objectType: 'thing', objectId: id });
    });
    const events = await createServiceEventRepository(handle.db).listBySource({
      type: 'thing',
      id,
    });
    expect(events.map((event) => [event.counts.hours, event.voidedAt === null])).toEqual([
      [2, false],
      [3, true],
    ]);
  });

  it('should create the month partition when a back-dated event falls outside the ones made ahead', async () => {
    const id = randomUUID();
    const longAgo = new Date('2019-03-15T04:00:00Z');
    await insertThing(id, `old-${id}`, longAgo);
    const tables = await queryRows<{ name: string }>(
      handle.db,
      sql`select tableoid::regclass::text as name from service_events where source_id = ${id}`,
    );
    expect(tables.map((row) => row.name.replaceAll('"', ''))).toEqual([partitionName(longAgo)]);
  });

  it('should write every event exactly once when writers race for a new month', async () => {
    const occurredAt = new Date('2018-07-02T04:00:00Z');
    const ids = Array.from({ length: 4 }, () => randomUUID());
    await Promise.all(ids.map((id) => insertThing(id, `race-${id}`, occurredAt)));
    for (const id of ids) {
      const events = await createServiceEventRepository(handle.db).listBySource({
        type: 'thing',
        id,
      });
      expect(events).toHaveLength(1);
    }
  });
}

describe('audited write path (PGlite)', () => {
  writePathSuite(createPgliteTestDatabase);
});

describeOnPostgres('audited write path (PostgreSQL)', () => {
  writePathSuite(() => createPostgresTestDatabase());
});

describe('changedFields', () => {
  it('should name only the fields whose values differ when a patch repeats some', () => {
    const current = { name: '牛塘站', phone: null, services: ['legal_aid'], version: 3 };
    const patch = { name: '牛塘站', services: ['legal_aid', 'mediation'], version: 3 };
    expect(changedFields(current, patch)).toEqual(['services']);
  });

  it('should count a field the record keeps sealed as changed when the patch names it', () => {
    expect(changedFields({ phoneCipher: 'v1.x' }, { phone: '13800000000' })).toEqual(['phone']);
  });

  it('should compare dates by instant when the stored value is a Date', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(changedFields({ at }, { at: '2026-01-01T00:00:00.000Z' })).toEqual([]);
  });
});
