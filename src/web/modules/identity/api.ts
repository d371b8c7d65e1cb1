import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditEntry, AuditFilter, AuditVerification } from '../../../contracts/audit.js';
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
import type {
  Delivery,
  NotificationChannel,
  NotificationStatus,
  NotificationTemplateName,
  OutboxEntry,
} from '../../../contracts/notifications.js';
import type {
  NewOrganization,
  Organization,
  OrganizationUpdate,
} from '../../../contracts/organizations.js';
import type { AccountKind } from '../../../contracts/permissions.js';
import { apiDelete, apiDownload, apiGet, apiPatch, apiPost } from '../../kit/api.js';

export type Session = z.infer<typeof sessionSchema>;
export type NewStaffAccount = z.input<typeof newStaffAccountSchema>;
export type AccountChange = z.input<typeof updateAccountSchema>;
export type NewRole = z.input<typeof newRoleSchema>;
export type RoleChange = z.input<typeof updateRoleSchema>;

interface Paging {
  limit?: number;
  offset?: number;
}

export interface AccountFilter extends Paging {
  kind?: AccountKind;
  status?: Account['status'];
  organizationId?: string;
  q?: string;
}

export interface SessionFilter extends Paging {
  accountId?: string;
}

export type AuditSearch = AuditFilter & Paging;

export interface OutboxFilter extends Paging {
  status?: NotificationStatus;
  channel?: NotificationChannel;
  template?: NotificationTemplateName;
}

const id = (value: string) => encodeURIComponent(value);

export const adminApi = {
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

  searchAudit: (filter: AuditSearch, signal?: AbortSignal) =>
    apiGet<Page<AuditEntry>>('/api/audit', { ...filter }, signal),
  verifyAudit: (signal?: AbortSignal) => apiGet<AuditVerification>('/api/audit/verify', {}, signal),
  exportAudit: (filter: AuditFilter, fallbackName: string) =>
    apiDownload('/api/audit/export', { ...filter }, fallbackName),

  createOrganization: (body: NewOrganization) => apiPost<Organization>('/api/organizations', body),
  updateOrganization: (organizationId: string, body: OrganizationUpdate) =>
    apiPatch<Organization>(`/api/organizations/${id(organizationId)}`, body),

  listOutbox: (filter: OutboxFilter, signal?: AbortSignal) =>
    apiGet<Page<OutboxEntry>>('/api/outbox', { ...filter }, signal),
  listDeliveries: (outboxId: string, signal?: AbortSignal) =>
    apiGet<Delivery[]>(`/api/outbox/${id(outboxId)}/deliveries`, {}, signal),
};

export const adminKeys = {
  accounts: (filter: AccountFilter) => ['accounts', 'list', filter] as const,
  account: (accountId: string, unmask: boolean) =>
    ['accounts', 'detail', accountId, unmask] as const,
  roles: ['roles'] as const,
  sessions: (filter: SessionFilter) => ['sessions', 'list', filter] as const,
  audit: (filter: AuditSearch) => ['audit', 'list', filter] as const,
  auditVerification: ['audit', 'verify'] as const,
  outbox: (filter: OutboxFilter) => ['outbox', 'list', filter] as const,
  deliveries: (outboxId: string) => ['outbox', 'deliveries', outboxId] as const,
};

export function useAccounts(filter: AccountFilter) {
  return useQuery({
    queryKey: adminKeys.accounts(filter),
    queryFn: ({ signal }) => adminApi.listAccounts(filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: adminKeys.roles,
    queryFn: ({ signal }) => adminApi.listRoles(signal),
    enabled,
  });
}

export function useSessions(filter: SessionFilter) {
  return useQuery({
    queryKey: adminKeys.sessions(filter),
    queryFn: ({ signal }) => adminApi.listSessions(filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAudit(filter: AuditSearch) {
  return useQuery({
    queryKey: adminKeys.audit(filter),
    queryFn: ({ signal }) => adminApi.searchAudit(filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAuditVerification() {
  return useQuery({
    queryKey: adminKeys.auditVerification,
    queryFn: ({ signal }) => adminApi.verifyAudit(signal),
  });
}

export function useOutbox(filter: OutboxFilter) {
  return useQuery({
    queryKey: adminKeys.outbox(filter),
    queryFn: ({ signal }) => adminApi.listOutbox(filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDeliveries(outboxId: string) {
  return useQuery({
    queryKey: adminKeys.deliveries(outboxId),
    queryFn: ({ signal }) => adminApi.listDeliveries(outboxId, signal),
  });
}
