import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const notificationChannels = ['in_app', 'sms', 'wecom'] as const;
export const notificationStatuses = ['pending', 'delivered', 'failed', 'held'] as const;

/**
 * The outbox: a message is written here in the same transaction as the event that causes it and
 * delivered by the worker. `held` = no provider is configured for its channel: it stays visible
 * in the console, never silently dropped. Addresses and template parameters may be personal data
 * (a phone, a one-time code) and are stored encrypted; `recipient_label` is the masked form.
 */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel', { enum: notificationChannels }).notNull(),
    recipientAccountId: uuid('recipient_account_id'),
    recipientCipher: text('recipient_cipher'),
    recipientLabel: text('recipient_label').notNull(),
    template: text('template').notNull(),
    locale: text('locale').notNull().default('zh-CN'),
    paramsCipher: text('params_cipher').notNull(),
    status: text('status', { enum: notificationStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (table) => [
    index('notification_outbox_due_idx').on(table.status, table.nextAttemptAt),
    index('notification_outbox_created_at_idx').on(table.createdAt),
    check('notification_outbox_channel_check', sql`${table.channel} in ('in_app', 'sms', 'wecom')`),
    check(
      'notification_outbox_status_check',
      sql`${table.status} in ('pending', 'delivered', 'failed', 'held')`,
    ),
  ],
);

/** One row per delivery attempt: when, how it went, what the provider answered (no content). */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    outboxId: uuid('outbox_id')
      .notNull()
      .references(() => notificationOutbox.id),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
    outcome: text('outcome', { enum: ['delivered', 'failed', 'held'] }).notNull(),
    detail: text('detail'),
  },
  (table) => [index('notification_deliveries_outbox_id_idx').on(table.outboxId)],
);

/** The in-app channel's destination: a staff or citizen inbox. */
export const inboxMessages = pgTable(
  'inbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').notNull(),
    outboxId: uuid('outbox_id').references(() => notificationOutbox.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (table) => [index('inbox_messages_account_id_idx').on(table.accountId, table.createdAt)],
);
