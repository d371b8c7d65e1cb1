import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Coverage } from '../../../contracts/coverage.js';
import type { Division, DivisionCentre } from '../../../contracts/divisions.js';
import { apiGet, apiPatch } from '../../kit/api.js';

export interface CoverageFilter {
  /** A district or township; the caller's own district when absent. */
  division?: string | undefined;
  withinKm: number;
}

export const coverageApi = {
  getCoverage: (filter: CoverageFilter, signal?: AbortSignal) =>
    apiGet<Coverage>('/api/coverage', { ...filter }, signal),
  setCentre: (code: string, centre: DivisionCentre) =>
    apiPatch<Division>(`/api/divisions/${encodeURIComponent(code)}/centre`, centre),
};

export const coverageQueryKey = (filter?: CoverageFilter) =>
  filter
    ? (['coverage', filter.division ?? '', filter.withinKm] as const)
    : (['coverage'] as const);

/** Keeps the previous answer on screen while a new reach or area loads. */
export function useCoverage(filter: CoverageFilter) {
  return useQuery({
    queryKey: coverageQueryKey(filter),
    queryFn: ({ signal }) => coverageApi.getCoverage(filter, signal),
    placeholderData: keepPreviousData,
  });
}
