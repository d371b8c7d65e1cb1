import type {
  OrganizationPhoto,
  OrganizationPhotoUpdate,
} from '../../../contracts/organizations.js';
import { apiDelete, apiPatch, apiUpload } from '../../kit/api.js';

const photosPath = (organizationId: string) =>
  `/api/organizations/${encodeURIComponent(organizationId)}/photos`;

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
