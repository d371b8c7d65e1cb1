import type { SQL } from 'drizzle-orm';
import { and, asc, count, desc, eq, gt, gte, ilike, like, lt, or, sql } from 'drizzle-orm';
import type { AuditFilter } from '../../../contracts/audit.js';
import { queryRows, type Database } from '../../platform/db/client.js';
import { auditLog } from './audit.tables.js';
import { escapeLike } from '../../platform/db/sql-helpers.js';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

/**
 * The two-key advisory lock that serializes appends to the chain: 0x46415255 ("FARU") names the
 * application, 1 the audit chain. Constants, so they are written into the SQL, not bound.
 */
const CHAIN_LOCK_KEYS = sql.raw('1178686037, 1');

/** A dotted prefix ("auth.") selects a family of actions; anything else must match exactly. */
function actionCondition(action: string): SQL {
  return action.endsWith('.')
    ? like(auditLog.action, `${escapeLike(action)}%`)
    : eq(auditLog.action, action);
}

function textCondition(q: string): SQL {
  const pattern = `%${escapeLike(q)}%`;
  return or(
    ilike(auditLog.actorName, pattern),
    ilike(auditLog.action, pattern),
    ilike(auditLog.objectId, pattern),
  ) as SQL;
}

function filterCondition(filter: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.from) conditions.push(gte(auditLog.occurredAt, new Date(filter.from)));
  if (filter.to) conditions.push(lt(auditLog.occurredAt, new Date(filter.to)));
  if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
  if (filter.action) conditions.push(actionCondition(filter.action));
  if (filter.objectType) conditions.push(eq(auditLog.objectType, filter.objectType));
  if (filter.objectId) conditions.push(eq(auditLog.objectId, filter.objectId));
  if (filter.outcome) conditions.push(eq(auditLog.outcome, filter.outcome));
  if (filter.q) conditions.push(textCondition(filter.q));
  return and(...conditions);
}

export function createAuditRepository(db: Database) {
  return {
    /**
     * Takes the chain lock until the end of the transaction and answers the transaction's isolation
     * level: the service needs READ COMMITTED to see the row the previous lock holder committed.
     */
    async lockChain(): Promise<string> {
      const [row] = await queryRows<{ isolation: string }>(
        db,
        sql`select current_setting('transaction_isolation') as isolation
            from (select pg_advisory_xact_lock(${CHAIN_LOCK_KEYS})) as locked`,
      );
      return row?.isolation ?? '';
    },

    /**
     * The last row's hash and the database clock to the millisecond (what timestamptz(3) keeps),
     * as text so both drivers answer alike. Must run after `lockChain`, in its own statement: a
     * statement's snapshot is taken when it starts, before the lock would be granted.
     */
    async chainHead(): Promise<{ lastHash: string | null; now: string }> {
      const [row] = await queryRows<{ lastHash: string | null; now: string }>(
        db,
        sql`select
              (select ${auditLog.hash} from ${auditLog} order by ${auditLog.id} desc limit 1)
                as "lastHash",
              to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                as "now"`,
      );
      if (!row) throw new Error('audit chain head query returned no row');
      return row;
    },

    async insert(row: NewAuditRow): Promise<void> {
      await db.insert(auditLog).values(row);
    },

    /** Rows after `afterId` in chain order, for verification. */
    async readChainBatch(afterId: number, limit: number): Promise<AuditRow[]> {
      return db
        .select()
        .from(auditLog)
        .where(gt(auditLog.id, afterId))
        .orderBy(asc(auditLog.id))
        .limit(limit);
    },

    /** Newest first; the id is the append order, so it pages stably while rows are added. */
    async search(
      filter: AuditFilter,
      limit: number,
      offset: number,
    ): Promise<{ rows: AuditRow[]; total: number }> {
      const where = filterCondition(filter);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.id))
          .limit(limit)
          .offset(offset),
        db.select({ value: count() }).from(auditLog).where(where),
      ]);
      return { rows, total: total?.value ?? 0 };
    },

    /** Newest first, without a count: for exports. */
    async list(filter: AuditFilter, limit: number): Promise<AuditRow[]> {
      return db
        .select()
        .from(auditLog)
        .where(filterCondition(filter))
        .orderBy(desc(auditLog.id))
        .limit(limit);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
