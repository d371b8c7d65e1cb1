import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../contracts/common.js';
import type {
  LinkAccount,
  ListPractitionersQuery,
  NewPractitioner,
  NewPractitionerMove,
  Practitioner,
  PractitionerMove,
  PractitionerUpdate,
} from '../../../contracts/practitioners.js';
import { apiDelete, apiGet, apiPatch, apiPost, apiPut, apiUpload } from '../../kit/api.js';

export const practitionersApiPath = '/api/practitioners';

export type PractitionerFilter = Partial<ListPractitionersQuery>;

const id = (value: string) => encodeURIComponent(value);

export const practitionersApi = {
  list: (filter: PractitionerFilter, signal?: AbortSignal) =>
    apiGet<Page<Practitioner>>(practitionersApiPath, { ...filter }, signal),
  get: (practitionerId: string, unmask: boolean, signal?: AbortSignal) =>
    apiGet<Practitioner>(
      `${practitionersApiPath}/${id(practitionerId)}`,
      { unmask: unmask || undefined },
      signal,
    ),
  create: (body: NewPractitioner) => apiPost<Practitioner>(practitionersApiPath, body),
  update: (practitionerId: string, body: PractitionerUpdate) =>
    apiPatch<Practitioner>(`${practitionersApiPath}/${id(practitionerId)}`, body),
  listMoves: (practitionerId: string, signal?: AbortSignal) =>
    apiGet<PractitionerMove[]>(`${practitionersApiPath}/${id(practitionerId)}/moves`, {}, signal),
  move: (practitionerId: string, body: NewPractitionerMove) =>
    apiPost<Practitioner>(`${practitionersApiPath}/${id(practitionerId)}/moves`, body),
  uploadPhoto: (practitionerId: string, file: Blob) =>
    apiUpload<Practitioner>(`${practitionersApiPath}/${id(practitionerId)}/photo`, file),
  removePhoto: (practitionerId: string) =>
    apiDelete<Practitioner>(`${practitionersApiPath}/${id(practitionerId)}/photo`),
  linkAccount: (practitionerId: string, body: LinkAccount) =>
    apiPut<Practitioner>(`${practitionersApiPath}/${id(practitionerId)}/account`, body),
  unlinkAccount: (practitionerId: string, version: number) =>
    apiDelete<Practitioner>(
      `${practitionersApiPath}/${id(practitionerId)}/account?version=${version}`,
    ),
};

/** Query keys: every practitioner key starts with 'practitioners'. */
export const practitionerKeys = {
  all: ['practitioners'] as const,
  list: (filter: PractitionerFilter) => ['practitioners', 'list', filter] as const,
  detail: (practitionerId: string, unmask: boolean) =>
    ['practitioners', 'detail', practitionerId, unmask] as const,
  moves: (practitionerId: string) => ['practitioners', 'moves', practitionerId] as const,
};

export function usePractitioners(filter: PractitionerFilter) {
  return useQuery({
    queryKey: practitionerKeys.list(filter),
    queryFn: ({ signal }) => practitionersApi.list(filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePractitioner(practitionerId: string | undefined) {
  return useQuery({
    queryKey: practitionerKeys.detail(practitionerId ?? '', false),
    queryFn: ({ signal }) => practitionersApi.get(practitionerId as string, false, signal),
    enabled: Boolean(practitionerId),
  });
}

export function usePractitionerMoves(practitionerId: string | undefined) {
  return useQuery({
    queryKey: practitionerKeys.moves(practitionerId ?? ''),
    queryFn: ({ signal }) => practitionersApi.listMoves(practitionerId as string, signal),
    enabled: Boolean(practitionerId),
  });
}
