import type { SQL } from 'drizzle-orm';
import { and, asc, count, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Page } from '../../../contracts/common.js';
import type { NotificationChannel, OutboxQuery } from '../../../contracts/notifications.js';
import type { Database } from '../db/client.js';
import { notificationDeliveries, notificationOutbox } from './notify.tables.js';

export type OutboxRow = typeof notificationOutbox.$inferSelect;
export type NewOutboxRow = typeof notificationOutbox.$inferInsert;
export type DeliveryRow = typeof notificationDeliveries.$inferSelect;
export type NewDeliveryRow = typeof notificationDeliveries.$inferInsert;
export type OutboxUpdate = Partial<
  Pick<OutboxRow, 'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'deliveredAt'>
>;

export function createOutboxRepository(db: Database) {
  return {
    async insert(row: NewOutboxRow): Promise<string> {
      const [inserted] = await db
        .insert(notificationOutbox)
        .values(row)
        .returning({ id: notificationOutbox.id });
      if (!inserted) throw new Error('the outbox insert returned no row');
      return inserted.id;
    },

    async findById(id: string): Promise<OutboxRow | undefined> {
      const [row] = await db.select().from(notificationOutbox).where(eq(notificationOutbox.id, id));
      return row;
    },

    async list(query: OutboxQuery): Promise<Page<OutboxRow>> {
      const conditions: SQL[] = [];
      if (query.status) conditions.push(eq(notificationOutbox.status, query.status));
      if (query.channel) conditions.push(eq(notificationOutbox.channel, query.channel));
      if (query.template) conditions.push(eq(notificationOutbox.template, query.template));
      const where = and(...conditions);
      const [items, [total]] = await Promise.all([
        db
          .select()
          .from(notificationOutbox)
          .where(where)
          .orderBy(desc(notificationOutbox.createdAt), desc(notificationOutbox.id))
          .limit(query.limit)
          .offset(query.offset),
        db.select({ value: count() }).from(notificationOutbox).where(where),
      ]);
      return { items, total: total?.value ?? 0, limit: query.limit, offset: query.offset };
    },

    async listDeliveries(outboxId: string): Promise<DeliveryRow[]> {
      return db
        .select()
        .from(notificationDeliveries)
        .where(eq(notificationDeliveries.outboxId, outboxId))
        .orderBy(asc(notificationDeliveries.attemptedAt), asc(notificationDeliveries.id));
    },

    /**
     * Locks the due pending rows, oldest due first. Run it inside a transaction: SKIP LOCKED lets
     * several workers (processes on one PostgreSQL) each take a different share.
     */
    async lockDue(now: Date, limit: number): Promise<OutboxRow[]> {
      return db
        .select()
        .from(notificationOutbox)
        .where(
          and(eq(notificationOutbox.status, 'pending'), lte(notificationOutbox.nextAttemptAt, now)),
        )
        .orderBy(asc(notificationOutbox.nextAttemptAt))
        .limit(limit)
        .for('update', { skipLocked: true });
    },

    async postpone(ids: string[], until: Date): Promise<void> {
      if (ids.length === 0) return;
      await db
        .update(notificationOutbox)
        .set({ nextAttemptAt: until })
        .where(inArray(notificationOutbox.id, ids));
    },

    async insertDelivery(row: NewDeliveryRow): Promise<void> {
      await db.insert(notificationDeliveries).values(row);
    },

    async update(id: string, update: OutboxUpdate): Promise<void> {
      await db.update(notificationOutbox).set(update).where(eq(notificationOutbox.id, id));
    },

    /** Makes a channel's held messages due again; returns how many. */
    async releaseHeld(channel: NotificationChannel, now: Date): Promise<number> {
      const released = await db
        .update(notificationOutbox)
        .set({ status: 'pending', nextAttemptAt: now })
        .where(and(eq(notificationOutbox.status, 'held'), eq(notificationOutbox.channel, channel)))
        .returning({ id: notificationOutbox.id });
      return released.length;
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
