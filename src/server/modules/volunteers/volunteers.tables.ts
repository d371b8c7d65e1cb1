import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { OpeningHours } from '../../../contracts/organizations.js';
import type { LegalSpecialty, ServiceLanguage } from '../../../contracts/values.js';
import {
  volunteerKinds,
  volunteerRecordKinds,
  volunteerStatuses,
} from '../../../contracts/values.js';
import { quotedList } from '../../platform/db/sql-helpers.js';
import { divisions } from '../divisions/divisions.tables.js';
import { organizations } from '../organizations/organizations.tables.js';
import { partners } from '../partners/partners.tables.js';

/** Volunteers; the division is the managing organization's, copied for the scope helper. */
export const volunteers = pgTable(
  'volunteers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: volunteerKinds }).notNull(),
    name: text('name').notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    divisionCode: varchar('division_code', { length: 12 })
      .notNull()
      .references(() => divisions.code),
    /** The station the volunteer serves at. */
    stationId: uuid('station_id').references(() => organizations.id),
    recruitedByPartnerId: uuid('recruited_by_partner_id').references(() => partners.id),
    phoneCipher: text('phone_cipher'),
    phoneIndex: text('phone_index'),
    skills: jsonb('skills').$type<LegalSpecialty[]>().notNull().default([]),
    languages: jsonb('languages').$type<ServiceLanguage[]>().notNull().default([]),
    /** Weekly availability, in the same shape as opening hours. */
    availability: jsonb('availability').$type<OpeningHours>().notNull().default({}),
    joinedOn: date('joined_on', { mode: 'string' }),
    status: text('status', { enum: volunteerStatuses }).notNull().default('active'),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('volunteers_division_code_idx').using(
      'btree',
      table.divisionCode.op('varchar_pattern_ops'),
    ),
    index('volunteers_station_idx').on(table.stationId),
    index('volunteers_phone_index_idx').on(table.phoneIndex),
    check('volunteers_kind_check', sql`${table.kind} in (${quotedList(volunteerKinds)})`),
    check('volunteers_status_check', sql`${table.status} in (${quotedList(volunteerStatuses)})`),
  ],
);

/** Hours a volunteer served, one row per shift or activity. */
export const volunteerServiceHours = pgTable(
  'volunteer_service_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    stationId: uuid('station_id').references(() => organizations.id),
    servedOn: date('served_on', { mode: 'string' }).notNull(),
    hours: numeric('hours', { precision: 4, scale: 1, mode: 'number' }).notNull(),
    activity: text('activity').notNull().default(''),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('volunteer_service_hours_volunteer_idx').on(table.volunteerId, table.servedOn),
    check('volunteer_service_hours_hours_check', sql`${table.hours} > 0 and ${table.hours} <= 24`),
  ],
);

/** Training, commendations and rewards, insurance and rights-protection records of a volunteer. */
export const volunteerRecords = pgTable(
  'volunteer_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    kind: text('kind', { enum: volunteerRecordKinds }).notNull(),
    title: text('title').notNull(),
    /** Who trained, awarded or insured (e.g. the insurer for a policy). */
    issuer: text('issuer').notNull().default(''),
    /** Policy or certificate number, where there is one. */
    reference: text('reference').notNull().default(''),
    recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    hours: numeric('hours', { precision: 5, scale: 1, mode: 'number' }),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('volunteer_records_volunteer_idx').on(table.volunteerId, table.kind),
    check(
      'volunteer_records_kind_check',
      sql`${table.kind} in (${quotedList(volunteerRecordKinds)})`,
    ),
  ],
);
