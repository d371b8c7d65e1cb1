import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../contracts/common.js';
import type {
  ListPartnersQuery,
  ListVolunteersQuery,
  NewPartner,
  NewPartnerAgreement,
  NewServiceHours,
  NewVolunteer,
  NewVolunteerRecord,
  Partner,
  PartnerAgreement,
  PartnerUpdate,
  ServiceHoursEntry,
  ServiceHoursList,
  Volunteer,
  VolunteerRecord,
  VolunteerSummary,
  VolunteerUpdate,
} from '../../../contracts/volunteers.js';
import { apiDelete, apiGet, apiPatch, apiPost } from '../../kit/api.js';

export const volunteersPath = '/volunteers';
export const partnersPath = '/partners';

export type VolunteerFilter = Partial<ListVolunteersQuery>;
export type PartnerFilter = Partial<ListPartnersQuery>;

const id = (value: string) => encodeURIComponent(value);

export const volunteersApi = {
  list: (filter: VolunteerFilter, signal?: AbortSignal) =>
    apiGet<Page<Volunteer>>('/api/volunteers', { ...filter }, signal),
  summary: (division: string | undefined, signal?: AbortSignal) =>
    apiGet<VolunteerSummary>('/api/volunteers/summary', { division }, signal),
  get: (volunteerId: string, unmask: boolean, signal?: AbortSignal) =>
    apiGet<Volunteer>(
      `/api/volunteers/${id(volunteerId)}`,
      { unmask: unmask || undefined },
      signal,
    ),
  create: (body: NewVolunteer) => apiPost<Volunteer>('/api/volunteers', body),
  update: (volunteerId: string, body: VolunteerUpdate) =>
    apiPatch<Volunteer>(`/api/volunteers/${id(volunteerId)}`, body),
  listHours: (volunteerId: string, signal?: AbortSignal) =>
    apiGet<ServiceHoursList>(`/api/volunteers/${id(volunteerId)}/hours`, {}, signal),
  logHours: (volunteerId: string, body: NewServiceHours) =>
    apiPost<ServiceHoursEntry>(`/api/volunteers/${id(volunteerId)}/hours`, body),
  deleteHours: (volunteerId: string, entryId: string) =>
    apiDelete(`/api/volunteers/${id(volunteerId)}/hours/${id(entryId)}`),
  listRecords: (volunteerId: string, signal?: AbortSignal) =>
    apiGet<VolunteerRecord[]>(`/api/volunteers/${id(volunteerId)}/records`, {}, signal),
  addRecord: (volunteerId: string, body: NewVolunteerRecord) =>
    apiPost<VolunteerRecord>(`/api/volunteers/${id(volunteerId)}/records`, body),
  deleteRecord: (volunteerId: string, recordId: string) =>
    apiDelete(`/api/volunteers/${id(volunteerId)}/records/${id(recordId)}`),

  listPartners: (filter: PartnerFilter, signal?: AbortSignal) =>
    apiGet<Page<Partner>>('/api/partners', { ...filter }, signal),
  getPartner: (partnerId: string, signal?: AbortSignal) =>
    apiGet<Partner>(`/api/partners/${id(partnerId)}`, {}, signal),
  createPartner: (body: NewPartner) => apiPost<Partner>('/api/partners', body),
  updatePartner: (partnerId: string, body: PartnerUpdate) =>
    apiPatch<Partner>(`/api/partners/${id(partnerId)}`, body),
  listAgreements: (partnerId: string, signal?: AbortSignal) =>
    apiGet<PartnerAgreement[]>(`/api/partners/${id(partnerId)}/agreements`, {}, signal),
  addAgreement: (partnerId: string, body: NewPartnerAgreement) =>
    apiPost<PartnerAgreement>(`/api/partners/${id(partnerId)}/agreements`, body),
};

/** Query keys: every volunteer key starts with 'volunteers', every partner key with 'partners'. */
export const volunteerKeys = {
  list: (filter: VolunteerFilter) => ['volunteers', 'list', filter] as const,
  summary: (division: string | undefined) => ['volunteers', 'summary', division ?? ''] as const,
  detail: (volunteerId: string, unmask: boolean) =>
    ['volunteers', 'detail', volunteerId, unmask] as const,
  hours: (volunteerId: string) => ['volunteers', 'hours', volunteerId] as const,
  records: (volunteerId: string) => ['volunteers', 'records', volunteerId] as const,
  partners: (filter: PartnerFilter) => ['partners', 'list', filter] as const,
  partner: (partnerId: string) => ['partners', 'detail', partnerId] as const,
  agreements: (partnerId: string) => ['partners', 'agreements', partnerId] as const,
};

export function useVolunteers(filter: VolunteerFilter) {
  return useQuery({
    queryKey: volunteerKeys.list(filter),
    queryFn: ({ signal }) => volunteersApi.list(filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useVolunteerSummary(division: string | undefined) {
  return useQuery({
    queryKey: volunteerKeys.summary(division),
    queryFn: ({ signal }) => volunteersApi.summary(division, signal),
    placeholderData: keepPreviousData,
  });
}

export function useVolunteer(volunteerId: string | undefined) {
  return useQuery({
    queryKey: volunteerKeys.detail(volunteerId ?? '', false),
    queryFn: ({ signal }) => volunteersApi.get(volunteerId ?? '', false, signal),
    enabled: Boolean(volunteerId),
  });
}

export function useServiceHours(volunteerId: string) {
  return useQuery({
    queryKey: volunteerKeys.hours(volunteerId),
    queryFn: ({ signal }) => volunteersApi.listHours(volunteerId, signal),
  });
}

export function useVolunteerRecords(volunteerId: string) {
  return useQuery({
    queryKey: volunteerKeys.records(volunteerId),
    queryFn: ({ signal }) => volunteersApi.listRecords(volunteerId, signal),
  });
}

export function usePartners(filter: PartnerFilter, enabled = true) {
  return useQuery({
    queryKey: volunteerKeys.partners(filter),
    queryFn: ({ signal }) => volunteersApi.listPartners(filter, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePartner(partnerId: string | undefined) {
  return useQuery({
    queryKey: volunteerKeys.partner(partnerId ?? ''),
    queryFn: ({ signal }) => volunteersApi.getPartner(partnerId ?? '', signal),
    enabled: Boolean(partnerId),
  });
}

export function usePartnerAgreements(partnerId: string) {
  return useQuery({
    queryKey: volunteerKeys.agreements(partnerId),
    queryFn: ({ signal }) => volunteersApi.listAgreements(partnerId, signal),
  });
}
