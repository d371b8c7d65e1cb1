import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditOutcomes = ['success', 'failure', 'denied'] as const;

/**
 * Append-only, hash-chained audit trail: each row's `hash` covers its own fields and the previous
 * row's hash, so changing or removing a row breaks the chain from there on. A trigger (migration
 * 0001) refuses UPDATE and DELETE. No foreign keys: the trail must outlive what it names.
 * `detail` never holds personal data in clear.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    actorRoles: text('actor_roles'),
    ip: text('ip'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    outcome: text('outcome', { enum: auditOutcomes }).notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    previousHash: text('previous_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [
    index('audit_log_occurred_at_idx').on(table.occurredAt),
    index('audit_log_actor_id_idx').on(table.actorId, table.occurredAt),
    index('audit_log_action_idx').on(table.action, table.occurredAt),
    index('audit_log_object_idx').on(table.objectType, table.objectId),
    check('audit_log_outcome_check', sql`${table.outcome} in ('success', 'failure', 'denied')`),
  ],
);
