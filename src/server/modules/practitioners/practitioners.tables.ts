import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { LegalSpecialty, ServiceLanguage } from '../../../contracts/values.js';
import {
  licenceTypes,
  practitionerKinds,
  practitionerStatuses,
} from '../../../contracts/values.js';
import { quotedList } from '../../platform/db/sql-helpers.js';
import { storedFiles } from '../../platform/files/files.tables.js';
import { divisions } from '../divisions/divisions.tables.js';
import { accounts } from '../identity/identity.tables.js';
import { organizations } from '../organizations/organizations.tables.js';

/**
 * Lawyers, grassroots legal workers, mediators and staff. The division is the current
 * organization's, copied so the one scope helper can filter by it; the phone is personal data.
 */
export const practitioners = pgTable(
  'practitioners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: practitionerKinds }).notNull(),
    name: text('name').notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    divisionCode: varchar('division_code', { length: 12 })
      .notNull()
      .references(() => divisions.code),
    licenceType: text('licence_type', { enum: licenceTypes }).notNull().default('none'),
    licenceNumber: text('licence_number'),
    practisingSince: date('practising_since', { mode: 'string' }),
    specialties: jsonb('specialties').$type<LegalSpecialty[]>().notNull().default([]),
    languages: jsonb('languages').$type<ServiceLanguage[]>().notNull().default([]),
    biography: text('biography').notNull().default(''),
    photoFileId: uuid('photo_file_id').references(() => storedFiles.id),
    phoneCipher: text('phone_cipher'),
    phoneIndex: text('phone_index'),
    status: text('status', { enum: practitionerStatuses }).notNull().default('practising'),
    /** The staff account this practitioner signs in with, if any. */
    accountId: uuid('account_id').references(() => accounts.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('practitioners_licence_number_unique')
      .on(table.licenceNumber)
      .where(sql`${table.licenceNumber} is not null`),
    uniqueIndex('practitioners_account_unique')
      .on(table.accountId)
      .where(sql`${table.accountId} is not null`),
    index('practitioners_division_code_idx').using(
      'btree',
      table.divisionCode.op('varchar_pattern_ops'),
    ),
    index('practitioners_organization_idx').on(table.organizationId),
    index('practitioners_phone_index_idx').on(table.phoneIndex),
    check('practitioners_kind_check', sql`${table.kind} in (${quotedList(practitionerKinds)})`),
    check(
      'practitioners_licence_type_check',
      sql`${table.licenceType} in (${quotedList(licenceTypes)})`,
    ),
    check(
      'practitioners_status_check',
      sql`${table.status} in (${quotedList(practitionerStatuses)})`,
    ),
  ],
);

/** Every move between organizations, kept for the record (the first row is the joining). */
export const practitionerMoves = pgTable(
  'practitioner_moves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practitionerId: uuid('practitioner_id')
      .notNull()
      .references(() => practitioners.id),
    fromOrganizationId: uuid('from_organization_id').references(() => organizations.id),
    toOrganizationId: uuid('to_organization_id')
      .notNull()
      .references(() => organizations.id),
    movedOn: date('moved_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('practitioner_moves_practitioner_idx').on(table.practitionerId, table.movedOn)],
);
