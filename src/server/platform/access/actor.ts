import type { AccountKind, Permission } from '../../../contracts/permissions.js';

/**
 * Which records a user may see, from their place in the organization tree: a bureau sees its
 * division and everything below it (division codes nest by prefix), any other organization its
 * own records, a citizen their own.
 */
export type DataScope =
  | { level: 'all' }
  | { level: 'district'; divisionPrefix: string }
  | { level: 'organization'; organizationId: string }
  | { level: 'self'; accountId: string };

/** The signed-in user behind a request. */
export interface Actor {
  accountId: string;
  kind: AccountKind;
  displayName: string;
  organizationId: string | null;
  roles: string[];
  permissions: ReadonlySet<Permission>;
  scope: DataScope;
  sessionId: string;
  /** Until resolved, the user may only sign out, see who they are, and fix this. */
  restriction: 'password_change' | 'totp_enrolment' | null;
}

/** Who did something, as the audit log records it; `null` actor = anonymous or the system. */
export interface RequestOrigin {
  actor: Actor | null;
  ip: string | null;
}

/** The origin of a request whose route declared a permission: someone is signed in. */
export type SignedInOrigin = RequestOrigin & { actor: Actor };
