// Addresses of the public pages, linked from both shells and from kit's division path.
import type { OrganizationService, OrganizationType } from '../../contracts/organizations.js';

export interface DirectoryFilters {
  q?: string;
  type?: OrganizationType;
  service?: OrganizationService;
  division?: string;
  page?: number;
}

export function directorySearchParams(filters: DirectoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.type) params.set('type', filters.type);
  if (filters.service) params.set('service', filters.service);
  if (filters.division) params.set('division', filters.division);
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  return params;
}

export function directoryPath(filters: DirectoryFilters = {}): string {
  const search = directorySearchParams(filters).toString();
  return search ? `/services?${search}` : '/services';
}

export const organizationPath = (id: string) => `/services/${id}`;
export const areaPath = (code?: string) => (code ? `/areas/${code}` : '/areas');

export const nearestPath = '/nearest';
