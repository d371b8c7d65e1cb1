import type { Database } from '../db/client.js';
import { createServiceEventRepository, monthStart } from './service-events.repository.js';

/** How many months beyond the current one get their partition ahead of time. */
export const PARTITION_MONTHS_AHEAD = 3;

/**
 * Keeps `service_events` partitioned by month. Partitions for this month and the next few are
 * created at start; a back-dated service (last year's hours typed in today) gets its month's
 * partition inside the write's own transaction, so the event can never miss its table. The cache
 * only learns a month after the transaction that created it commits.
 */
export function createPartitionKeeper(db: Database) {
  let known: Set<number> | undefined;

  // Read through the write's own transaction: PGlite has one connection, held by that transaction.
  async function knownMonths(tx: Database): Promise<Set<number>> {
    known ??= new Set(
      (await createServiceEventRepository(tx).partitionMonths()).map((month) => month.getTime()),
    );
    return known;
  }

  /** Creates the missing partitions for these instants in `tx`; answers the months it created. */
  async function ensureFor(tx: Database, instants: Date[]): Promise<number[]> {
    const months = await knownMonths(tx);
    const missing = [...new Set(instants.map((instant) => monthStart(instant).getTime()))].filter(
      (month) => !months.has(month),
    );
    const repository = createServiceEventRepository(tx);
    for (const month of missing) await repository.ensurePartition(new Date(month));
    return missing;
  }

  /** Called after the creating transaction committed. */
  function remember(months: number[]): void {
    for (const month of months) known?.add(month);
  }

  return {
    ensureFor,
    remember,

    /** This month's partition and the next few; run at start (and daily by the scheduler). */
    async ensureAhead(now: Date, monthsAhead = PARTITION_MONTHS_AHEAD): Promise<void> {
      const first = monthStart(now);
      const instants = Array.from(
        { length: monthsAhead + 1 },
        (_, offset) => new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + offset, 1)),
      );
      remember(await db.transaction((tx) => ensureFor(tx, instants)));
    },
  };
}

export type PartitionKeeper = ReturnType<typeof createPartitionKeeper>;
