import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  ilike,
  inArray,
  isNull,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Page } from '../../../contracts/common.js';
import type { DataScope } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Database } from '../../platform/db/client.js';
import { organizations } from '../organizations/organizations.tables.js';
import { accountRoles, accounts, oneTimeCodes, roles, sessions } from './identity.tables.js';
import { escapeLike } from '../../platform/db/sql-helpers.js';

export type AccountRow = typeof accounts.$inferSelect;
export type RoleRow = typeof roles.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
type NewAccountRow = typeof accounts.$inferInsert;

export interface AccountRecord extends AccountRow {
  organizationName: string | null;
  organizationType: string | null;
  organizationDivisionCode: string | null;
}

export interface AccountListQuery {
  kind?: 'staff' | 'citizen';
  status?: 'active' | 'disabled';
  organizationId?: string;
  q?: string;
  limit: number;
  offset: number;
}

const accountColumns = {
  account: accounts,
  organizationName: organizations.name,
  organizationType: organizations.type,
  organizationDivisionCode: organizations.divisionCode,
};

function toRecord(row: {
  account: AccountRow;
  organizationName: string | null;
  organizationType: string | null;
  organizationDivisionCode: string | null;
}): AccountRecord {
  const { account, ...organization } = row;
  return { ...account, ...organization };
}

/** Accounts are scoped through their organization's division and id; citizens through themselves. */
function accountScope(scope: DataScope): SQL | undefined {
  return scopeCondition(scope, {
    divisionCode: organizations.divisionCode,
    organizationId: accounts.organizationId,
    ownerId: accounts.id,
  });
}

export function createIdentityRepository(db: Database) {
  function selectAccounts() {
    return db
      .select(accountColumns)
      .from(accounts)
      .leftJoin(organizations, eq(organizations.id, accounts.organizationId));
  }

  return {
    async countAccounts(): Promise<number> {
      const [row] = await db.select({ value: count() }).from(accounts);
      return row?.value ?? 0;
    },

    async insertAccount(row: NewAccountRow): Promise<string> {
      const [inserted] = await db.insert(accounts).values(row).returning({ id: accounts.id });
      if (!inserted) throw new Error('insert returned no row');
      return inserted.id;
    },

    async findAccount(id: string, scope?: DataScope): Promise<AccountRecord | undefined> {
      const condition = and(eq(accounts.id, id), scope ? accountScope(scope) : undefined);
      const [row] = await selectAccounts().where(condition);
      return row && toRecord(row);
    },

    async findStaffByUsername(username: string): Promise<AccountRecord | undefined> {
      const [row] = await selectAccounts().where(
        and(eq(accounts.kind, 'staff'), sql`lower(${accounts.username}) = lower(${username})`),
      );
      return row && toRecord(row);
    },

    async findCitizenByPhoneIndex(phoneIndex: string): Promise<AccountRecord | undefined> {
      const [row] = await selectAccounts().where(
        and(eq(accounts.kind, 'citizen'), eq(accounts.phoneIndex, phoneIndex)),
      );
      return row && toRecord(row);
    },

    async listAccounts(query: AccountListQuery, scope: DataScope): Promise<Page<AccountRecord>> {
      const conditions: Array<SQL | undefined> = [accountScope(scope)];
      if (query.kind) conditions.push(eq(accounts.kind, query.kind));
      if (query.status) conditions.push(eq(accounts.status, query.status));
      if (query.organizationId) conditions.push(eq(accounts.organizationId, query.organizationId));
      if (query.q) {
        const pattern = `%${escapeLike(query.q)}%`;
        conditions.push(
          or(ilike(accounts.displayName, pattern), ilike(accounts.username, pattern)),
        );
      }
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        selectAccounts()
          .where(where)
          .orderBy(asc(accounts.kind), asc(accounts.username), asc(accounts.createdAt))
          .limit(query.limit)
          .offset(query.offset),
        db
          .select({ value: count() })
          .from(accounts)
          .leftJoin(organizations, eq(organizations.id, accounts.organizationId))
          .where(where),
      ]);
      return {
        items: rows.map(toRecord),
        total: total?.value ?? 0,
        limit: query.limit,
        offset: query.offset,
      };
    },

    /** Applies the change only if the row still has `version`; false when someone changed it first. */
    async updateAccount(
      id: string,
      version: number,
      patch: Partial<NewAccountRow>,
    ): Promise<boolean> {
      const updated = await db
        .update(accounts)
        .set({ ...patch, version: sql`${accounts.version} + 1`, updatedAt: new Date() })
        .where(and(eq(accounts.id, id), eq(accounts.version, version)))
        .returning({ id: accounts.id });
      return updated.length === 1;
    },

    /**
     * Counts one failed sign-in in a single statement, so concurrent failures each count: the
     * failure that reaches `threshold` locks the account until `lockUntil` and starts the count
     * again. Answers whether this failure locked it.
     */
    async countFailedLogin(id: string, threshold: number, lockUntil: Date): Promise<boolean> {
      const reachesThreshold = sql`${accounts.failedLogins} + 1 >= ${threshold}`;
      const [row] = await db
        .update(accounts)
        .set({
          failedLogins: sql`case when ${reachesThreshold} then 0 else ${accounts.failedLogins} + 1 end`,
          lockedUntil: sql`case when ${reachesThreshold} then ${lockUntil.toISOString()}::timestamptz else ${accounts.lockedUntil} end`,
        })
        .where(eq(accounts.id, id))
        .returning({ lockedUntil: accounts.lockedUntil });
      return row?.lockedUntil?.getTime() === lockUntil.getTime();
    },

    /** Login bookkeeping that must not bump the version users edit against. */
    async setLoginState(
      id: string,
      state: Partial<Pick<AccountRow, 'failedLogins' | 'lockedUntil' | 'lastLoginAt'>>,
    ): Promise<void> {
      await db.update(accounts).set(state).where(eq(accounts.id, id));
    },

    async listRoles(): Promise<RoleRow[]> {
      return db.select().from(roles).orderBy(asc(roles.builtin), asc(roles.code));
    },

    async findRole(id: string): Promise<RoleRow | undefined> {
      const [row] = await db.select().from(roles).where(eq(roles.id, id));
      return row;
    },

    async findRoleByCode(code: string): Promise<RoleRow | undefined> {
      const [row] = await db.select().from(roles).where(eq(roles.code, code));
      return row;
    },

    async findRolesByIds(ids: string[]): Promise<RoleRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(roles).where(inArray(roles.id, ids));
    },

    async insertRole(row: typeof roles.$inferInsert): Promise<RoleRow> {
      const [inserted] = await db.insert(roles).values(row).returning();
      if (!inserted) throw new Error('insert returned no row');
      return inserted;
    },

    async updateRole(
      id: string,
      version: number,
      patch: Partial<typeof roles.$inferInsert>,
    ): Promise<boolean> {
      const updated = await db
        .update(roles)
        .set({ ...patch, version: sql`${roles.version} + 1`, updatedAt: new Date() })
        .where(and(eq(roles.id, id), eq(roles.version, version)))
        .returning({ id: roles.id });
      return updated.length === 1;
    },

    async rolesOfAccount(accountId: string): Promise<RoleRow[]> {
      const rows = await db
        .select({ role: roles })
        .from(accountRoles)
        .innerJoin(roles, eq(roles.id, accountRoles.roleId))
        .where(eq(accountRoles.accountId, accountId))
        .orderBy(asc(roles.code));
      return rows.map((row) => row.role);
    },

    async rolesOfAccounts(accountIds: string[]): Promise<Map<string, RoleRow[]>> {
      const byAccount = new Map<string, RoleRow[]>();
      if (accountIds.length === 0) return byAccount;
      const rows = await db
        .select({ accountId: accountRoles.accountId, role: roles })
        .from(accountRoles)
        .innerJoin(roles, eq(roles.id, accountRoles.roleId))
        .where(inArray(accountRoles.accountId, accountIds))
        .orderBy(asc(roles.code));
      for (const row of rows)
        byAccount.set(row.accountId, [...(byAccount.get(row.accountId) ?? []), row.role]);
      return byAccount;
    },

    async accountIdsWithRole(roleId: string): Promise<string[]> {
      const rows = await db
        .select({ accountId: accountRoles.accountId })
        .from(accountRoles)
        .where(eq(accountRoles.roleId, roleId));
      return rows.map((row) => row.accountId);
    },

    async setAccountRoles(accountId: string, roleIds: string[]): Promise<void> {
      await db.delete(accountRoles).where(eq(accountRoles.accountId, accountId));
      if (roleIds.length > 0) {
        await db.insert(accountRoles).values(roleIds.map((roleId) => ({ accountId, roleId })));
      }
    },

    async insertSession(row: typeof sessions.$inferInsert): Promise<SessionRow> {
      const [inserted] = await db.insert(sessions).values(row).returning();
      if (!inserted) throw new Error('insert returned no row');
      return inserted;
    },

    async findLiveSessionByTokenHash(tokenHash: string): Promise<SessionRow | undefined> {
      const [row] = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt)));
      return row;
    },

    async touchSession(id: string, at: Date): Promise<void> {
      await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
    },

    async completeTotp(id: string, tokenHash: string, at: Date): Promise<void> {
      await db
        .update(sessions)
        .set({ pendingTotp: false, tokenHash, lastSeenAt: at })
        .where(eq(sessions.id, id));
    },

    async endSession(id: string, reason: string, at: Date): Promise<boolean> {
      const ended = await db
        .update(sessions)
        .set({ endedAt: at, endReason: reason })
        .where(and(eq(sessions.id, id), isNull(sessions.endedAt)))
        .returning({ id: sessions.id });
      return ended.length === 1;
    },

    async endSessionsOfAccount(
      accountId: string,
      reason: string,
      at: Date,
      exceptId?: string,
    ): Promise<number> {
      const conditions = [eq(sessions.accountId, accountId), isNull(sessions.endedAt)];
      if (exceptId) conditions.push(sql`${sessions.id} <> ${exceptId}`);
      const ended = await db
        .update(sessions)
        .set({ endedAt: at, endReason: reason })
        .where(and(...conditions))
        .returning({ id: sessions.id });
      return ended.length;
    },

    async findLiveSession(
      id: string,
      scope: DataScope,
    ): Promise<(SessionRow & { accountName: string }) | undefined> {
      const [row] = await db
        .select({ session: sessions, accountName: accounts.displayName })
        .from(sessions)
        .innerJoin(accounts, eq(accounts.id, sessions.accountId))
        .leftJoin(organizations, eq(organizations.id, accounts.organizationId))
        .where(and(eq(sessions.id, id), isNull(sessions.endedAt), accountScope(scope)));
      return row && { ...row.session, accountName: row.accountName };
    },

    async listLiveSessions(
      query: { accountId?: string; limit: number; offset: number },
      scope: DataScope,
      now: Date,
    ): Promise<Page<SessionRow & { accountName: string }>> {
      const where = and(
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, now),
        query.accountId ? eq(sessions.accountId, query.accountId) : undefined,
        accountScope(scope),
      );
      const base = () =>
        db
          .select({ session: sessions, accountName: accounts.displayName })
          .from(sessions)
          .innerJoin(accounts, eq(accounts.id, sessions.accountId))
          .leftJoin(organizations, eq(organizations.id, accounts.organizationId));
      const [rows, [total]] = await Promise.all([
        base()
          .where(where)
          .orderBy(desc(sessions.lastSeenAt))
          .limit(query.limit)
          .offset(query.offset),
        db
          .select({ value: count() })
          .from(sessions)
          .innerJoin(accounts, eq(accounts.id, sessions.accountId))
          .leftJoin(organizations, eq(organizations.id, accounts.organizationId))
          .where(where),
      ]);
      return {
        items: rows.map((row) => ({ ...row.session, accountName: row.accountName })),
        total: total?.value ?? 0,
        limit: query.limit,
        offset: query.offset,
      };
    },

    async insertOneTimeCode(row: typeof oneTimeCodes.$inferInsert): Promise<void> {
      await db.insert(oneTimeCodes).values(row);
    },

    async latestOneTimeCode(phoneIndex: string, purpose: 'sign_up' | 'sign_in') {
      const [row] = await db
        .select()
        .from(oneTimeCodes)
        .where(
          and(
            eq(oneTimeCodes.phoneIndex, phoneIndex),
            eq(oneTimeCodes.purpose, purpose),
            isNull(oneTimeCodes.consumedAt),
          ),
        )
        .orderBy(desc(oneTimeCodes.createdAt))
        .limit(1);
      return row;
    },

    async countAttempt(id: string): Promise<void> {
      await db
        .update(oneTimeCodes)
        .set({ attempts: sql`${oneTimeCodes.attempts} + 1` })
        .where(eq(oneTimeCodes.id, id));
    },

    async consumeOneTimeCode(id: string, at: Date): Promise<void> {
      await db.update(oneTimeCodes).set({ consumedAt: at }).where(eq(oneTimeCodes.id, id));
    },
  };
}

export type IdentityRepository = ReturnType<typeof createIdentityRepository>;
