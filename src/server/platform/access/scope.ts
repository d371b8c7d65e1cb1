import { eq, like, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DataScope, RequestOrigin } from './actor.js';

/** The system acting on its own (seeding, imports from the command line): no user, no address. */
export const systemOrigin: RequestOrigin = { actor: null, ip: null };

/** The data scope a service applies for `origin`: the user's, or everything for the system. */
export function scopeOf(origin: RequestOrigin): DataScope {
  return origin.actor?.scope ?? { level: 'all' };
}

/** The columns of a scoped table (or join) that tie each row to a place, an organization, a user. */
export interface ScopeColumns {
  divisionCode?: AnyPgColumn;
  organizationId?: AnyPgColumn;
  ownerId?: AnyPgColumn;
}

/**
 * The one scoping helper: every repository query of a scoped table adds this condition. A scope
 * the table has no column for matches nothing (deny by default), never everything.
 */
export function scopeCondition(scope: DataScope, columns: ScopeColumns): SQL | undefined {
  switch (scope.level) {
    case 'all':
      return undefined;
    case 'district':
      return columns.divisionCode
        ? like(columns.divisionCode, `${scope.divisionPrefix}%`)
        : sql`false`;
    case 'organization':
      return columns.organizationId ? eq(columns.organizationId, scope.organizationId) : sql`false`;
    case 'self':
      return columns.ownerId ? eq(columns.ownerId, scope.accountId) : sql`false`;
  }
}

/**
 * The same rule as `scopeCondition`, for one organization already in memory (imports and checks
 * of a chosen organization). The system, acting with no user, passes `{ level: 'all' }`.
 */
export function scopeCoversOrganization(
  scope: DataScope,
  organization: { id: string; divisionCode: string },
): boolean {
  switch (scope.level) {
    case 'all':
      return true;
    case 'district':
      return organization.divisionCode.startsWith(scope.divisionPrefix);
    case 'organization':
      return organization.id === scope.organizationId;
    case 'self':
      return false;
  }
}
