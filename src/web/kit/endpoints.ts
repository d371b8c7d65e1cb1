import type { PublicSettings } from '../../contracts/settings.js';
import type { NearestResult } from '../../contracts/nearest.js';
import type { Page } from '../../contracts/common.js';
import type {
  Division,
  DivisionChange,
  DivisionDetail,
  DivisionLevel,
} from '../../contracts/divisions.js';
import type {
  Organization,
  OrganizationService,
  OrganizationStatus,
  OrganizationType,
} from '../../contracts/organizations.js';
import { apiGet } from './api.js';

export interface DivisionFilter {
  parent?: string;
  level?: DivisionLevel;
  q?: string;
  limit?: number;
  offset?: number;
}

export interface OrganizationFilter {
  type?: OrganizationType;
  division?: string;
  status?: OrganizationStatus;
  service?: OrganizationService;
  q?: string;
  limit?: number;
  offset?: number;
}

/** Where to search from: a point (lat and lng together) or a located village or township. */
export interface NearestFilter {
  lat?: number;
  lng?: number;
  division?: string;
  type?: OrganizationType;
  limit?: number;
}

export const api = {
  listDivisions: (filter: DivisionFilter, signal?: AbortSignal) =>
    apiGet<Page<Division>>('/api/divisions', { ...filter }, signal),
  getDivision: (code: string, signal?: AbortSignal) =>
    apiGet<DivisionDetail>(`/api/divisions/${encodeURIComponent(code)}`, {}, signal),
  listDivisionChanges: (code: string, signal?: AbortSignal) =>
    apiGet<DivisionChange[]>(`/api/divisions/${encodeURIComponent(code)}/changes`, {}, signal),
  listOrganizations: (filter: OrganizationFilter, signal?: AbortSignal) =>
    apiGet<Page<Organization>>('/api/organizations', { ...filter }, signal),
  getOrganization: (id: string, signal?: AbortSignal) =>
    apiGet<Organization>(`/api/organizations/${encodeURIComponent(id)}`, {}, signal),
  nearestOrganizations: (filter: NearestFilter, signal?: AbortSignal) =>
    apiGet<NearestResult>('/api/organizations/nearest', { ...filter }, signal),
  getSettings: (signal?: AbortSignal) => apiGet<PublicSettings>('/api/settings', {}, signal),
};
