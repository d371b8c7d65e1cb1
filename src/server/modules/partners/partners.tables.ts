import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { partnerKinds } from '../../../contracts/values.js';
import { quotedList } from '../../platform/db/sql-helpers.js';
import { divisions } from '../divisions/divisions.tables.js';
import { organizations } from '../organizations/organizations.tables.js';

/**
 * Partners that recruit volunteers or help run stations: the civilization office, social
 * organizations, law firms, universities. Owned by the organization (usually a bureau) that deals with them.
 */
export const partners = pgTable(
  'partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: partnerKinds }).notNull(),
    name: text('name').notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    divisionCode: varchar('division_code', { length: 12 })
      .notNull()
      .references(() => divisions.code),
    /** The directory entry, when the partner is itself in it (a law firm). */
    linkedOrganizationId: uuid('linked_organization_id').references(() => organizations.id),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('partners_division_code_idx').using(
      'btree',
      table.divisionCode.op('varchar_pattern_ops'),
    ),
    check('partners_kind_check', sql`${table.kind} in (${quotedList(partnerKinds)})`),
  ],
);

/** A partner's agreement to recruit volunteers or help run a station, with its term. */
export const partnerAgreements = pgTable(
  'partner_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    title: text('title').notNull(),
    /** The station the partner helps run, if the agreement is about one. */
    stationId: uuid('station_id').references(() => organizations.id),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    terms: text('terms').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('partner_agreements_partner_idx').on(table.partnerId),
    check(
      'partner_agreements_term_check',
      sql`${table.validTo} is null or ${table.validTo} >= ${table.validFrom}`,
    ),
  ],
);
