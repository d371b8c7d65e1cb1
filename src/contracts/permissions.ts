/**
 * What a role can allow. A route declares one of these, or `public` / `signed_in`; a test fails
 * the build when a route declares nothing.
 */
export const permissions = [
  'organizations.manage',
  'practitioners.read',
  'practitioners.manage',
  'volunteers.read',
  'volunteers.manage',
  'coverage.read',
  'divisions.manage',
  'accounts.read',
  'accounts.manage',
  'roles.manage',
  'sessions.read',
  'sessions.manage',
  'audit.read',
  'audit.export',
  'outbox.read',
  'personal_data.unmask',
] as const;
export type Permission = (typeof permissions)[number];

/** The three administrator kinds of MLPS level 3; one account may hold at most one. */
export const adminKinds = ['system_admin', 'security_admin', 'audit_admin'] as const;
export type AdminKind = (typeof adminKinds)[number];

export const dataScopeLevels = ['all', 'district', 'organization', 'self'] as const;
export type DataScopeLevel = (typeof dataScopeLevels)[number];

export const accountKinds = ['staff', 'citizen'] as const;
export type AccountKind = (typeof accountKinds)[number];
