import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Page } from '../../../contracts/common.js';
import type { Database } from '../db/client.js';
import { inboxMessages } from './notify.tables.js';

export type InboxRow = typeof inboxMessages.$inferSelect;
export type NewInboxRow = typeof inboxMessages.$inferInsert;

export interface InboxListQuery {
  limit: number;
  offset: number;
  unreadOnly?: boolean | undefined;
}

function ownedBy(accountId: string, unreadOnly = false) {
  return unreadOnly
    ? and(eq(inboxMessages.accountId, accountId), isNull(inboxMessages.readAt))
    : eq(inboxMessages.accountId, accountId);
}

export function createInboxRepository(db: Database) {
  return {
    /**
     * Inserts the message of an outbox row unless it is already there: a worker that stopped after
     * the insert but before recording the outcome delivers again, and must not show it twice.
     */
    async insertOnce(row: NewInboxRow & { outboxId: string }): Promise<void> {
      const [existing] = await db
        .select({ id: inboxMessages.id })
        .from(inboxMessages)
        .where(eq(inboxMessages.outboxId, row.outboxId))
        .limit(1);
      if (!existing) await db.insert(inboxMessages).values(row);
    },

    async list(accountId: string, query: InboxListQuery): Promise<Page<InboxRow>> {
      const where = ownedBy(accountId, query.unreadOnly);
      const [items, [total]] = await Promise.all([
        db
          .select()
          .from(inboxMessages)
          .where(where)
          .orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.id))
          .limit(query.limit)
          .offset(query.offset),
        db.select({ value: count() }).from(inboxMessages).where(where),
      ]);
      return { items, total: total?.value ?? 0, limit: query.limit, offset: query.offset };
    },

    /** Marks one of the account's messages read, keeping the first read time; false if not its. */
    async markRead(accountId: string, messageId: string, at: Date): Promise<boolean> {
      const [found] = await db
        .select({ readAt: inboxMessages.readAt })
        .from(inboxMessages)
        .where(and(eq(inboxMessages.id, messageId), eq(inboxMessages.accountId, accountId)));
      if (!found) return false;
      if (!found.readAt) {
        await db
          .update(inboxMessages)
          .set({ readAt: at })
          .where(and(eq(inboxMessages.id, messageId), isNull(inboxMessages.readAt)));
      }
      return true;
    },

    async markAllRead(accountId: string, at: Date): Promise<number> {
      const updated = await db
        .update(inboxMessages)
        .set({ readAt: at })
        .where(ownedBy(accountId, true))
        .returning({ id: inboxMessages.id });
      return updated.length;
    },

    async unreadCount(accountId: string): Promise<number> {
      const [row] = await db
        .select({ value: count() })
        .from(inboxMessages)
        .where(ownedBy(accountId, true));
      return row?.value ?? 0;
    },
  };
}

export type InboxRepository = ReturnType<typeof createInboxRepository>;
