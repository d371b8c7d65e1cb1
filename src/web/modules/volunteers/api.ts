import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../contracts/common.js';
import type {
  ListVolunteersQuery,
  NewServiceHours,
  NewVolunteer,
  NewVolunteerRecord,
  ServiceHoursEntry,
  ServiceHoursList,
  Volunteer,
  VolunteerRecord,
  VolunteerSummary,
  VolunteerUpdate,
} from '../../../contracts/volunteers.js';
import { apiDelete, apiGet, apiPatch, apiPost } from '../../kit/api.js';

export type VolunteerFilter = Partial<ListVolunteersQuery>;

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
};

/** Query keys: every volunteer key starts with 'volunteers'. */
export const volunteerKeys = {
  all: ['volunteers'] as const,
  list: (filter: VolunteerFilter) => ['volunteers', 'list', filter] as const,
  summary: (division: string | undefined) => ['volunteers', 'summary', division ?? ''] as const,
  detail: (volunteerId: string, unmask: boolean) =>
    ['volunteers', 'detail', volunteerId, unmask] as const,
  hours: (volunteerId: string) => ['volunteers', 'hours', volunteerId] as const,
  records: (volunteerId: string) => ['volunteers', 'records', volunteerId] as const,
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
