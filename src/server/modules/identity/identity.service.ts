import { createIdentityAccounts } from './identity.accounts.js';
import { createIdentityCore, type IdentityDependencies } from './identity.core.js';
import { createIdentityCredentials } from './identity.credentials.js';
import { createIdentityRoles } from './identity.roles.js';
import { createIdentitySessions } from './identity.sessions.js';
import { createIdentitySignIn } from './identity.sign-in.js';

export type { IdentityDependencies, IssuedSession, LoginOutcome } from './identity.core.js';

/**
 * Accounts, roles, sign-in and sessions: one service over parts that share the settings, the
 * clock and the account rules (see identity.core.ts).
 */
export function createIdentityService(deps: IdentityDependencies) {
  const core = createIdentityCore(deps);
  return {
    ...createIdentitySignIn(core),
    ...createIdentitySessions(core),
    ...createIdentityCredentials(core),
    ...createIdentityAccounts(core),
    ...createIdentityRoles(core),
    scopeOf: core.scopeOf,
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
