import type {
  NewOrganization,
  Organization,
  OrganizationPhoto,
  OrganizationPhotoUpdate,
  OrganizationStatus,
  OrganizationType,
  OrganizationUpdate,
} from '../../../contracts/organizations.js';
import { apiDelete, apiPatch, apiPost, apiUpload } from '../../kit/api.js';

export interface OrganizationListFilters {
  q?: string;
  type?: OrganizationType;
  status?: OrganizationStatus;
  division?: string;
}

export function organizationsPath(filters: OrganizationListFilters = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value) params.set(name, value);
  }
  const search = params.toString();
  return search ? `/organizations?${search}` : '/organizations';
}

const organizationPath = (organizationId: string) =>
  `/api/organizations/${encodeURIComponent(organizationId)}`;
const photosPath = (organizationId: string) => `${organizationPath(organizationId)}/photos`;

/** Staff writes; the public reads go through kit/endpoints. */
export const organizationsApi = {
  create: (body: NewOrganization) => apiPost<Organization>('/api/organizations', body),
  update: (organizationId: string, body: OrganizationUpdate) =>
    apiPatch<Organization>(organizationPath(organizationId), body),
};

/** Staff calls for an organization's photos (the public reads them through the organization). */
export const organizationPhotosApi = {
  upload: (organizationId: string, file: File, caption: string) =>
    apiUpload<OrganizationPhoto>(photosPath(organizationId), file, { caption }),
  update: (organizationId: string, photoId: string, change: OrganizationPhotoUpdate) =>
    apiPatch<OrganizationPhoto[]>(
      `${photosPath(organizationId)}/${encodeURIComponent(photoId)}`,
      change,
    ),
  remove: (organizationId: string, photoId: string) =>
    apiDelete(`${photosPath(organizationId)}/${encodeURIComponent(photoId)}`),
};
