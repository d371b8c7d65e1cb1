import type { OrganizationStatus, OrganizationType } from '../../contracts/organizations.js';

export interface OrganizationListFilters {
  q?: string;
  type?: OrganizationType;
  status?: OrganizationStatus;
  division?: string;
}

export function organizationsPath(filters: OrganizationListFilters = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value) params.set(name, value);
  }
  const search = params.toString();
  return search ? `/organizations?${search}` : '/organizations';
}

export const divisionsPath = (code?: string) => (code ? `/divisions/${code}` : '/divisions');

export const loginPath = '/login';
export const passwordPath = '/account/password';
export const totpPath = '/account/totp';
export const usersPath = '/users';
export const rolesPath = '/roles';
export const sessionsPath = (accountId?: string) =>
  accountId ? `/sessions?accountId=${encodeURIComponent(accountId)}` : '/sessions';
export const auditPath = '/audit';
export const outboxPath = '/outbox';

export { safeNext, withNext } from '../kit/next-path.js';
