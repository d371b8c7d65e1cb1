import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { OpeningHours } from '../../../contracts/organizations.js';
import { organizationStatuses, organizationTypes } from '../../../contracts/organizations.js';
import { divisions } from '../divisions/divisions.tables.js';
import { quotedList } from '../../platform/db/sql-helpers.js';

/** Every body in the bureau's tree: bureaus, firms, offices, centres, stations, chambers … */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type', { enum: organizationTypes }).notNull(),
    name: text('name').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => organizations.id),
    divisionCode: varchar('division_code', { length: 12 })
      .notNull()
      .references(() => divisions.code),
    address: text('address').notNull().default(''),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    phone: text('phone'),
    openingHours: jsonb('opening_hours').$type<OpeningHours>().notNull().default({}),
    status: text('status', { enum: organizationStatuses }).notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('organizations_division_name_unique').on(table.divisionCode, table.name),
    index('organizations_division_code_idx').using(
      'btree',
      table.divisionCode.op('varchar_pattern_ops'),
    ),
    index('organizations_type_idx').on(table.type),
    index('organizations_parent_id_idx').on(table.parentId),
    check('organizations_type_check', sql`${table.type} in (${quotedList(organizationTypes)})`),
    check(
      'organizations_status_check',
      sql`${table.status} in (${quotedList(organizationStatuses)})`,
    ),
    check(
      'organizations_coordinates_check',
      sql`(${table.latitude} is null) = (${table.longitude} is null)`,
    ),
  ],
);
