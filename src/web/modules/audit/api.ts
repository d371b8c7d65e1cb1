import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry, AuditFilter, AuditVerification } from '../../../contracts/audit.js';
import type { Page } from '../../../contracts/common.js';
import { apiDownload, apiGet } from '../../kit/api.js';
import type { Paging } from '../../kit/api.js';

export const auditPath = '/audit';

export type AuditSearch = AuditFilter & Paging;

export const auditApi = {
  searchAudit: (filter: AuditSearch, signal?: AbortSignal) =>
    apiGet<Page<AuditEntry>>('/api/audit', { ...filter }, signal),
  verifyAudit: (signal?: AbortSignal) => apiGet<AuditVerification>('/api/audit/verify', {}, signal),
  exportAudit: (filter: AuditFilter, fallbackName: string) =>
    apiDownload('/api/audit/export', { ...filter }, fallbackName),
};

export const auditKeys = {
  audit: (filter: AuditSearch) => ['audit', 'list', filter] as const,
  auditVerification: ['audit', 'verify'] as const,
};

export function useAudit(filter: AuditSearch) {
  return useQuery({
    queryKey: auditKeys.audit(filter),
    queryFn: ({ signal }) => auditApi.searchAudit(filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAuditVerification() {
  return useQuery({
    queryKey: auditKeys.auditVerification,
    queryFn: ({ signal }) => auditApi.verifyAudit(signal),
  });
}
