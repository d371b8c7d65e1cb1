import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { serviceChannels, serviceEventTypes } from '../../../contracts/service-events.js';
import { quotedList } from '../db/sql-helpers.js';

/**
 * The fact table statistics read (DESIGN.md "Service events"): one row per service delivered,
 * written by the audited write path in the same transaction as its source record. Rows are never
 * deleted; a corrected or removed record voids its row (and writes a new one). Range-partitioned
 * by month of `occurred_at` (migration 0004 creates the parent; the application creates the
 * monthly partitions, see service-events.partitions.ts), so the primary key includes it. No
 * foreign keys: the platform knows no domain table, and facts must outlive edits of what they name.
 */
export const serviceEvents = pgTable(
  'service_events',
  {
    id: uuid('id').notNull().defaultRandom(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    type: text('type', { enum: serviceEventTypes }).notNull(),
    channel: text('channel', { enum: serviceChannels }).notNull(),
    organizationId: uuid('organization_id'),
    practitionerId: uuid('practitioner_id'),
    /** The most precise division known: the village where known, else the organization's. */
    divisionCode: text('division_code'),
    peopleServed: integer('people_served').notNull().default(0),
    /** Further measures of the service, e.g. `{ hours: 3.5 }` or `{ risksFound: 2 }`. */
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedBy: uuid('voided_by'),
  },
  (table) => [
    primaryKey({ columns: [table.id, table.occurredAt] }),
    index('service_events_source_idx').on(table.sourceType, table.sourceId),
    index('service_events_type_idx').on(table.type, table.occurredAt),
    index('service_events_division_idx').on(table.divisionCode, table.occurredAt),
    check('service_events_type_check', sql`${table.type} in (${quotedList(serviceEventTypes)})`),
    check(
      'service_events_channel_check',
      sql`${table.channel} in (${quotedList(serviceChannels)})`,
    ),
    check('service_events_people_served_check', sql`${table.peopleServed} >= 0`),
  ],
);
