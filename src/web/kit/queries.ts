import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { Division } from '../../contracts/divisions.js';
import { api } from './endpoints.js';
import type { DivisionFilter, NearestFilter, OrganizationFilter } from './endpoints.js';

/** The API's largest page. */
export const maxPageSize = 200;

export const queryKeys = {
  division: (code: string) => ['divisions', 'detail', code] as const,
  divisions: (filter: DivisionFilter) => ['divisions', 'list', filter] as const,
  allChildren: (parent: string | null) => ['divisions', 'all-children', parent] as const,
  divisionChanges: (code: string) => ['divisions', 'changes', code] as const,
  organization: (id: string) => ['organizations', 'detail', id] as const,
  organizations: (filter: OrganizationFilter) => ['organizations', 'list', filter] as const,
  nearest: (filter: NearestFilter) => ['organizations', 'nearest', filter] as const,
};

export function useDivision(code: string | undefined) {
  return useQuery({
    queryKey: queryKeys.division(code ?? ''),
    queryFn: ({ signal }) => api.getDivision(code ?? '', signal),
    enabled: Boolean(code),
  });
}

export function useDivisions(filter: DivisionFilter, enabled = true) {
  return useQuery({
    queryKey: queryKeys.divisions(filter),
    queryFn: ({ signal }) => api.listDivisions(filter, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Every child of a division (the provinces for `null`), following pages past the API's limit. */
export async function fetchAllChildren(
  parent: string | null,
  signal?: AbortSignal,
): Promise<Division[]> {
  const children: Division[] = [];
  for (;;) {
    const page = await api.listDivisions(
      { parent: parent ?? undefined, limit: maxPageSize, offset: children.length },
      signal,
    );
    children.push(...page.items);
    if (page.items.length === 0 || children.length >= page.total) return children;
  }
}

export function allChildrenQuery(parent: string | null) {
  return {
    queryKey: queryKeys.allChildren(parent),
    queryFn: ({ signal }: { signal: AbortSignal }) => fetchAllChildren(parent, signal),
    staleTime: 10 * 60_000,
  };
}

export function useAllChildren(parent: string | null, enabled = true) {
  return useQuery({ ...allChildrenQuery(parent), enabled });
}

export function fetchAllChildrenCached(queryClient: QueryClient, parent: string | null) {
  return queryClient.fetchQuery(allChildrenQuery(parent));
}

export function useDivisionChanges(code: string | undefined) {
  return useQuery({
    queryKey: queryKeys.divisionChanges(code ?? ''),
    queryFn: ({ signal }) => api.listDivisionChanges(code ?? '', signal),
    enabled: Boolean(code),
  });
}

export function useOrganizations(filter: OrganizationFilter, { enabled = true } = {}) {
  return useQuery({
    queryKey: queryKeys.organizations(filter),
    queryFn: ({ signal }) => api.listOrganizations(filter, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** How many organizations match, read from the `total` of a one-row page. */
export function useOrganizationCount(filter: Omit<OrganizationFilter, 'limit' | 'offset'>) {
  return useQuery({
    queryKey: queryKeys.organizations({ ...filter, limit: 1, offset: 0 }),
    queryFn: ({ signal }) => api.listOrganizations({ ...filter, limit: 1, offset: 0 }, signal),
    select: (page) => page.total,
  });
}

export function useOrganization(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.organization(id ?? ''),
    queryFn: ({ signal }) => api.getOrganization(id ?? '', signal),
    enabled: Boolean(id),
  });
}

/** The organizations nearest a point or division, nearest first; idle while `filter` is absent. */
export function useNearestOrganizations(filter: NearestFilter | undefined) {
  return useQuery({
    queryKey: queryKeys.nearest(filter ?? {}),
    queryFn: ({ signal }) => api.nearestOrganizations(filter ?? {}, signal),
    enabled: filter !== undefined,
    // Open-now flags change with the clock; do not keep them long.
    staleTime: 60_000,
  });
}
