import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../contracts/common.js';
import type {
  ListPartnersQuery,
  NewPartner,
  NewPartnerAgreement,
  Partner,
  PartnerAgreement,
  PartnerUpdate,
} from '../../../contracts/partners.js';
import { apiGet, apiPatch, apiPost } from '../../kit/api.js';

export type PartnerFilter = Partial<ListPartnersQuery>;

const id = (value: string) => encodeURIComponent(value);

export const partnersApi = {
  list: (filter: PartnerFilter, signal?: AbortSignal) =>
    apiGet<Page<Partner>>('/api/partners', { ...filter }, signal),
  get: (partnerId: string, signal?: AbortSignal) =>
    apiGet<Partner>(`/api/partners/${id(partnerId)}`, {}, signal),
  create: (body: NewPartner) => apiPost<Partner>('/api/partners', body),
  update: (partnerId: string, body: PartnerUpdate) =>
    apiPatch<Partner>(`/api/partners/${id(partnerId)}`, body),
  listAgreements: (partnerId: string, signal?: AbortSignal) =>
    apiGet<PartnerAgreement[]>(`/api/partners/${id(partnerId)}/agreements`, {}, signal),
  addAgreement: (partnerId: string, body: NewPartnerAgreement) =>
    apiPost<PartnerAgreement>(`/api/partners/${id(partnerId)}/agreements`, body),
};

/** Query keys: every partner key starts with 'partners'. */
export const partnerKeys = {
  all: ['partners'] as const,
  list: (filter: PartnerFilter) => ['partners', 'list', filter] as const,
  detail: (partnerId: string) => ['partners', 'detail', partnerId] as const,
  agreements: (partnerId: string) => ['partners', 'agreements', partnerId] as const,
};

export function usePartners(filter: PartnerFilter, enabled = true) {
  return useQuery({
    queryKey: partnerKeys.list(filter),
    queryFn: ({ signal }) => partnersApi.list(filter, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePartner(partnerId: string | undefined) {
  return useQuery({
    queryKey: partnerKeys.detail(partnerId ?? ''),
    queryFn: ({ signal }) => partnersApi.get(partnerId ?? '', signal),
    enabled: Boolean(partnerId),
  });
}

export function usePartnerAgreements(partnerId: string) {
  return useQuery({
    queryKey: partnerKeys.agreements(partnerId),
    queryFn: ({ signal }) => partnersApi.listAgreements(partnerId, signal),
  });
}
