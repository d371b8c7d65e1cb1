import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../../contracts/common.js';
import type {
  Account,
  Role,
  newRoleSchema,
  newStaffAccountSchema,
  sessionSchema,
  updateAccountSchema,
  updateRoleSchema,
} from '../../../contracts/identity.js';
import type { AccountKind } from '../../../contracts/permissions.js';
import { apiDelete, apiGet, apiPatch, apiPost } from '../../kit/api.js';
import type { Paging } from '../../kit/api.js';

export const sessionsPath = (accountId?: string) =>
  accountId ? `/sessions?accountId=${encodeURIComponent(accountId)}` : '/sessions';

export type Session = z.infer<typeof sessionSchema>;
export type NewStaffAccount = z.input<typeof newStaffAccountSchema>;
export type AccountChange = z.input<typeof updateAccountSchema>;
export type NewRole = z.input<typeof newRoleSchema>;
export type RoleChange = z.input<typeof updateRoleSchema>;

export interface AccountFilter extends Paging {
  kind?: AccountKind;
  status?: Account['status'];
  organizationId?: string;
  q?: string;
}

export interface SessionFilter extends Paging {
  accountId?: string;
}

const id = (value: string) => encodeURIComponent(value);

export const identityApi = {
  listAccounts: (filter: AccountFilter, signal?: AbortSignal) =>
    apiGet<Page<Account>>('/api/accounts', { ...filter }, signal),
  getAccount: (accountId: string, unmask: boolean, signal?: AbortSignal) =>
    apiGet<Account>(`/api/accounts/${id(accountId)}`, { unmask: unmask || undefined }, signal),
  createAccount: (body: NewStaffAccount) =>
    apiPost<{ account: Account; initialPassword: string }>('/api/accounts', body),
  updateAccount: (accountId: string, body: AccountChange) =>
    apiPatch<Account>(`/api/accounts/${id(accountId)}`, body),

  listRoles: (signal?: AbortSignal) => apiGet<Role[]>('/api/roles', {}, signal),
  createRole: (body: NewRole) => apiPost<Role>('/api/roles', body),
  updateRole: (roleId: string, body: RoleChange) =>
    apiPatch<Role>(`/api/roles/${id(roleId)}`, body),

  listSessions: (filter: SessionFilter, signal?: AbortSignal) =>
    apiGet<Page<Session>>('/api/sessions', { ...filter }, signal),
  endSession: (sessionId: string) => apiDelete(`/api/sessions/${id(sessionId)}`),
};

export const identityKeys = {
  accounts: (filter: AccountFilter) => ['accounts', 'list', filter] as const,
  account: (accountId: string, unmask: boolean) =>
    ['accounts', 'detail', accountId, unmask] as const,
  roles: ['roles'] as const,
  sessions: (filter: SessionFilter) => ['sessions', 'list', filter] as const,
};

export function useAccounts(filter: AccountFilter) {
  return useQuery({
    queryKey: identityKeys.accounts(filter),
    queryFn: ({ signal }) => identityApi.listAccounts(filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: identityKeys.roles,
    queryFn: ({ signal }) => identityApi.listRoles(signal),
    enabled,
  });
}

export function useSessions(filter: SessionFilter) {
  return useQuery({
    queryKey: identityKeys.sessions(filter),
    queryFn: ({ signal }) => identityApi.listSessions(filter, signal),
    placeholderData: keepPreviousData,
  });
}
