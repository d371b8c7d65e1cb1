import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  divisionChangeTypes,
  divisionKinds,
  divisionLevels,
} from '../../../contracts/divisions.js';
import { quotedList } from '../../platform/db/sql-helpers.js';

/**
 * Administrative divisions. Codes nest by prefix (3204 → 320412 → 320412001 → 320412001001), so
 * "this division and below" is a prefix match. Rows are never deleted: a merged or abolished
 * division keeps its row with `valid_to` set, so old records still name where they were.
 */
export const divisions = pgTable(
  'divisions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: divisionLevels }).notNull(),
    kind: text('kind', { enum: divisionKinds }).notNull(),
    parentCode: varchar('parent_code', { length: 12 }).references(
      (): AnyPgColumn => divisions.code,
    ),
    validFrom: date('valid_from', { mode: 'string' }).notNull().default('1949-10-01'),
    validTo: date('valid_to', { mode: 'string' }),
    successorCode: varchar('successor_code', { length: 12 }).references(
      (): AnyPgColumn => divisions.code,
    ),
    /** The recorded centre (WGS 84), where known; villages without one use their township's. */
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
  },
  (table) => [
    index('divisions_parent_code_idx').on(table.parentCode),
    index('divisions_name_idx').on(table.name),
    check('divisions_level_check', sql`${table.level} in (${quotedList(divisionLevels)})`),
    check('divisions_kind_check', sql`${table.kind} in (${quotedList(divisionKinds)})`),
    check('divisions_code_digits_check', sql`${table.code} ~ '^[0-9]+$'`),
    check(
      'divisions_coordinates_check',
      sql`(${table.latitude} is null) = (${table.longitude} is null)`,
    ),
    check(
      'divisions_validity_check',
      sql`${table.validTo} is null or ${table.validTo} >= ${table.validFrom}`,
    ),
  ],
);

/** The history of each division: when it was set up, renamed, merged into another or abolished. */
export const divisionChanges = pgTable(
  'division_changes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    divisionCode: varchar('division_code', { length: 12 })
      .notNull()
      .references(() => divisions.code),
    changeType: text('change_type', { enum: divisionChangeTypes }).notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    previousName: text('previous_name'),
    newName: text('new_name'),
    successorCode: varchar('successor_code', { length: 12 }).references(() => divisions.code),
    note: text('note'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('division_changes_division_code_idx').on(table.divisionCode, table.effectiveDate),
    check(
      'division_changes_type_check',
      sql`${table.changeType} in (${quotedList(divisionChangeTypes)})`,
    ),
  ],
);
