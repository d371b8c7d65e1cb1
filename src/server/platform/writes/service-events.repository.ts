import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { queryRows } from '../db/client.js';
import { serviceEvents } from './service-events.tables.js';

export type ServiceEventRow = typeof serviceEvents.$inferSelect;
export type NewServiceEventRow = typeof serviceEvents.$inferInsert;

/** The record a service event counts, named by its domain's type and its id. */
export interface EventSource {
  type: string;
  id: string;
}

/** The first instant of the UTC month that holds `instant`. */
export function monthStart(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), 1));
}

function nextMonthStart(month: Date): Date {
  return new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
}

/** `service_events_p202612`: the partition's name says its month. */
export function partitionName(month: Date): string {
  const year = month.getUTCFullYear();
  const monthNumber = String(month.getUTCMonth() + 1).padStart(2, '0');
  return `service_events_p${year}${monthNumber}`;
}

/** Serializes creation of one month's partition across transactions and processes. */
const PARTITION_LOCK_KEY = 7_250_514_349;

export function createServiceEventRepository(db: Database) {
  return {
    async insertMany(rows: NewServiceEventRow[]): Promise<void> {
      if (rows.length > 0) await db.insert(serviceEvents).values(rows);
    },

    /** Voids the live events of one source record; answers how many it voided. */
    async voidBySource(source: EventSource, voidedBy: string | null, at: Date): Promise<number> {
      const voided = await db
        .update(serviceEvents)
        .set({ voidedAt: at, voidedBy })
        .where(
          and(
            eq(serviceEvents.sourceType, source.type),
            eq(serviceEvents.sourceId, source.id),
            isNull(serviceEvents.voidedAt),
          ),
        )
        .returning({ id: serviceEvents.id });
      return voided.length;
    },

    /** Every event of one source record, live and voided, oldest first. */
    async listBySource(source: EventSource): Promise<ServiceEventRow[]> {
      return db
        .select()
        .from(serviceEvents)
        .where(
          and(eq(serviceEvents.sourceType, source.type), eq(serviceEvents.sourceId, source.id)),
        )
        .orderBy(serviceEvents.recordedAt, serviceEvents.id);
    },

    /** The months that already have a partition, as their first instants. */
    async partitionMonths(): Promise<Date[]> {
      const rows = await queryRows<{ name: string }>(
        db,
        sql`select child.relname as name
              from pg_inherits
              join pg_class child on child.oid = pg_inherits.inhrelid
              join pg_class parent on parent.oid = pg_inherits.inhparent
             where parent.relname = 'service_events'`,
      );
      return rows
        .map((row) => /^service_events_p(\d{4})(\d{2})$/.exec(row.name))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match) => new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
    },

    /**
     * Creates the month's partition unless it exists. Runs in the caller's transaction; the
     * advisory lock makes a second creator wait and then find it, instead of failing on the race.
     */
    async ensurePartition(month: Date): Promise<void> {
      const name = partitionName(month);
      const from = month.toISOString();
      const to = nextMonthStart(month).toISOString();
      await db.execute(sql`select pg_advisory_xact_lock(${PARTITION_LOCK_KEY})`);
      await db.execute(
        sql.raw(
          `create table if not exists "${name}" partition of service_events ` +
            `for values from ('${from}') to ('${to}')`,
        ),
      );
    },
  };
}

export type ServiceEventRepository = ReturnType<typeof createServiceEventRepository>;
