import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  boolean,
  check,
  date,
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
import type {
  HoursException,
  OpeningHours,
  OrganizationService,
} from '../../../contracts/organizations.js';
import {
  organizationStatuses,
  organizationTypes,
  workstationHostKinds,
} from '../../../contracts/organizations.js';
import { storedFiles } from '../../platform/files/files.tables.js';
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
    /** Dated exceptions to the weekly pattern (holidays, closures, extra hours). */
    hoursExceptions: jsonb('hours_exceptions').$type<HoursException[]>().notNull().default([]),
    services: jsonb('services').$type<OrganizationService[]>().notNull().default([]),
    description: text('description').notNull().default(''),
    /** How to get there, in words, for the station page (bus lines, landmarks, which floor). */
    directions: text('directions').notNull().default(''),
    stepFree: boolean('step_free').notNull().default(false),
    homeVisits: boolean('home_visits').notNull().default(false),
    accessibilityNotes: text('accessibility_notes').notNull().default(''),
    status: text('status', { enum: organizationStatuses }).notNull().default('active'),
    /** The day the current status took effect (opened, suspended or closed). */
    statusSince: date('status_since', { mode: 'string' }),
    establishedOn: date('established_on', { mode: 'string' }),
    /** Legal aid workstations: who hosts them, their staffing and whether they meet the standard. */
    hostKind: text('host_kind', { enum: workstationHostKinds }),
    hostName: text('host_name'),
    staffCount: integer('staff_count'),
    meetsStandard: boolean('meets_standard'),
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
      'organizations_host_kind_check',
      sql`${table.hostKind} is null or ${table.hostKind} in (${quotedList(workstationHostKinds)})`,
    ),
    check(
      'organizations_staff_count_check',
      sql`${table.staffCount} is null or ${table.staffCount} >= 0`,
    ),
    check(
      'organizations_coordinates_check',
      sql`(${table.latitude} is null) = (${table.longitude} is null)`,
    ),
  ],
);

/** Photos shown on an organization's public page, in display order. */
export const organizationPhotos = pgTable(
  'organization_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    caption: text('caption').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('organization_photos_organization_idx').on(table.organizationId, table.position),
  ],
);
