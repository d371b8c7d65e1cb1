import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accountKinds, adminKinds, type Permission } from '../../../contracts/permissions.js';
import { organizations } from '../organizations/organizations.tables.js';
import { quotedList } from '../../platform/db/sql-helpers.js';

/**
 * Staff (belong to an organization, sign in with a username) and citizens (sign in with their
 * mobile number). Phones are stored encrypted with a blind index for lookup; passwords as argon2id.
 */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: accountKinds }).notNull(),
    username: text('username'),
    displayName: text('display_name').notNull(),
    phoneCipher: text('phone_cipher'),
    phoneIndex: text('phone_index'),
    organizationId: uuid('organization_id').references(() => organizations.id),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    totpSecretCipher: text('totp_secret_cipher'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('accounts_username_unique').on(sql`lower(${table.username})`),
    uniqueIndex('accounts_citizen_phone_unique')
      .on(table.phoneIndex)
      .where(sql`${table.kind} = 'citizen'`),
    index('accounts_organization_id_idx').on(table.organizationId),
    check('accounts_kind_check', sql`${table.kind} in (${quotedList(accountKinds)})`),
    check('accounts_status_check', sql`${table.status} in ('active', 'disabled')`),
    check(
      'accounts_staff_shape_check',
      sql`${table.kind} <> 'staff' or (${table.username} is not null and ${table.organizationId} is not null)`,
    ),
    check(
      'accounts_citizen_shape_check',
      sql`${table.kind} <> 'citizen' or ${table.phoneIndex} is not null`,
    ),
  ],
);

/** A role is a named set of permissions; the security admin edits them. */
export const roles = pgTable(
  'roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    permissions: jsonb('permissions').$type<Permission[]>().notNull().default([]),
    adminKind: text('admin_kind', { enum: adminKinds }),
    requiresTotp: boolean('requires_totp').notNull().default(false),
    builtin: boolean('builtin').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check(
      'roles_admin_kind_check',
      sql`${table.adminKind} is null or ${table.adminKind} in (${quotedList(adminKinds)})`,
    ),
  ],
);

export const accountRoles = pgTable(
  'account_roles',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id),
  },
  (table) => [
    primaryKey({ columns: [table.accountId, table.roleId] }),
    index('account_roles_role_id_idx').on(table.roleId),
  ],
);

/**
 * Server-side sessions. Only a SHA-256 of the random session id is stored, so a database dump
 * cannot be replayed as cookies. `pendingTotp` marks a password-verified login awaiting its code.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    pendingTotp: boolean('pending_totp').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
  },
  (table) => [index('sessions_account_id_idx').on(table.accountId, table.endedAt)],
);

/** Codes sent by SMS for citizen sign-up and sign-in; stored hashed, few attempts, short-lived. */
export const oneTimeCodes = pgTable(
  'one_time_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    phoneIndex: text('phone_index').notNull(),
    purpose: text('purpose', { enum: ['sign_up', 'sign_in'] }).notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('one_time_codes_phone_idx').on(table.phoneIndex, table.purpose)],
);
