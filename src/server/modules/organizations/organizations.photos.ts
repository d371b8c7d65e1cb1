import type {
  OrganizationPhoto,
  OrganizationPhotoUpdate,
} from '../../../contracts/organizations.js';
import { isPhotoMediaType, organizationPhotoLimit } from '../../../contracts/photos.js';
import type { Organization } from '../../../contracts/organizations.js';
import type { RequestOrigin } from '../../platform/access/actor.js';
import type { Database } from '../../platform/db/client.js';
import { ConflictError, InputError, NotFoundError } from '../../platform/errors.js';
import { createFileRepository } from '../../platform/files/files.repository.js';
import { sniffImageType } from '../../platform/files/images.js';
import type { Writer } from '../../platform/writes/writes.js';
import {
  createOrganizationRepository,
  organizationPhotoUrl,
  type OrganizationPhotoRow,
} from './organizations.repository.js';

/** An uploaded photo as the route hands it over: the declared type and the raw body. */
export interface PhotoUpload {
  contentType: string | undefined;
  body: unknown;
  caption: string;
}

/** A photo's bytes as the public route serves them. */
export interface PhotoContent {
  contentType: string;
  content: Uint8Array;
  sha256: string;
}

function presentPhoto(row: OrganizationPhotoRow): OrganizationPhoto {
  return {
    id: row.id,
    url: organizationPhotoUrl(row.organizationId, row.id),
    caption: row.caption,
  };
}

/** `image/jpeg; charset=…` → `image/jpeg`. */
function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export interface OrganizationPhotoDependencies {
  db: Database;
  writer: Writer;
  /** An organization the caller may manage; outside the jurisdiction it is not found. */
  requireManaged(id: string, origin: RequestOrigin): Promise<Organization>;
}

/** The photos of an organization: upload (checked to be what they claim), order, caption, delete. */
export function createOrganizationPhotos(deps: OrganizationPhotoDependencies) {
  const { db, writer, requireManaged } = deps;
  const repository = createOrganizationRepository(db);
  const files = createFileRepository(db);

  async function requirePhoto(organizationId: string, photoId: string) {
    const photo = await repository.findPhoto(organizationId, photoId);
    if (!photo) throw new NotFoundError('organization_photo', photoId);
    return photo;
  }

  /** The upload's bytes, once they are known to be the image type they claim to be. */
  function readPhotoUpload(upload: PhotoUpload): { contentType: string; bytes: Uint8Array } {
    const contentType = mediaTypeOf(upload.contentType);
    if (!isPhotoMediaType(contentType)) {
      throw new InputError([
        {
          field: 'headers.content-type',
          message: 'organization_photo.type',
          params: { type: contentType || '-' },
        },
      ]);
    }
    if (!(upload.body instanceof Uint8Array) || upload.body.byteLength === 0) {
      throw new InputError([{ field: 'body', message: 'organization_photo.empty' }]);
    }
    if (sniffImageType(upload.body) !== contentType) {
      throw new InputError([
        { field: 'body', message: 'organization_photo.mismatch', params: { type: contentType } },
      ]);
    }
    return { contentType, bytes: upload.body };
  }

  return {
    /** Adds a photo at the end of the organization's photos; the content must be what it claims. */
    async addPhoto(
      organizationId: string,
      upload: PhotoUpload,
      origin: RequestOrigin,
    ): Promise<OrganizationPhoto> {
      await requireManaged(organizationId, origin);
      const { contentType, bytes } = readPhotoUpload(upload);
      const photo = await writer.write(origin, async ({ tx, audit, publish }) => {
        const photos = createOrganizationRepository(tx);
        await photos.lock(organizationId);
        const position = (await photos.listPhotos(organizationId)).length;
        if (position >= organizationPhotoLimit) {
          throw new ConflictError('organization_photo.limit', { max: organizationPhotoLimit });
        }
        const fileId = await createFileRepository(tx).insert(
          contentType,
          bytes,
          origin.actor?.accountId ?? null,
        );
        const row = { organizationId, fileId, caption: upload.caption, position };
        const photoId = await photos.insertPhoto(row);
        audit({
          action: 'organization.photo.create',
          objectType: 'organization',
          objectId: organizationId,
          detail: { photoId, contentType, byteSize: bytes.byteLength },
        });
        publish('organizations');
        return { id: photoId, ...row };
      });
      return presentPhoto(photo);
    },

    /**
     * Changes a photo's caption or moves it to `position` in the display order (the others close
     * up behind it). Answers every photo of the organization, in their new order.
     */
    async updatePhoto(
      organizationId: string,
      photoId: string,
      change: OrganizationPhotoUpdate,
      origin: RequestOrigin,
    ): Promise<OrganizationPhoto[]> {
      await requireManaged(organizationId, origin);
      await requirePhoto(organizationId, photoId);
      const photos = await writer.write(origin, async ({ tx, audit, publish }) => {
        const repo = createOrganizationRepository(tx);
        await repo.lock(organizationId);
        const ordered = await repo.listPhotos(organizationId);
        const moved = ordered.find((photo) => photo.id === photoId);
        if (!moved) throw new NotFoundError('organization_photo', photoId);
        if (change.caption !== undefined) {
          await repo.updatePhoto(photoId, { caption: change.caption });
          moved.caption = change.caption;
        }
        if (change.position !== undefined) {
          const others = ordered.filter((photo) => photo.id !== photoId);
          others.splice(Math.min(change.position, others.length), 0, moved);
          ordered.splice(0, ordered.length, ...others);
        }
        await renumber(repo, ordered);
        audit({
          action: 'organization.photo.update',
          objectType: 'organization',
          objectId: organizationId,
          detail: { photoId, fields: Object.keys(change), position: change.position ?? null },
        });
        publish('organizations');
        return ordered;
      });
      return photos.map(presentPhoto);
    },

    /** Removes a photo and its stored file; the photos after it move up. */
    async deletePhoto(organizationId: string, photoId: string, origin: RequestOrigin) {
      await requireManaged(organizationId, origin);
      const photo = await requirePhoto(organizationId, photoId);
      await writer.write(origin, async ({ tx, audit, publish }) => {
        const repo = createOrganizationRepository(tx);
        await repo.lock(organizationId);
        await repo.deletePhoto(photoId);
        await createFileRepository(tx).remove(photo.fileId);
        await renumber(repo, await repo.listPhotos(organizationId));
        audit({
          action: 'organization.photo.delete',
          objectType: 'organization',
          objectId: organizationId,
          detail: { photoId },
        });
        publish('organizations');
      });
    },

    /** A photo's bytes for the public page; a photo of another organization is not found. */
    async getPhotoContent(organizationId: string, photoId: string): Promise<PhotoContent> {
      const photo = await requirePhoto(organizationId, photoId);
      const file = await files.find(photo.fileId);
      if (!file) throw new NotFoundError('organization_photo', photoId);
      return { contentType: file.contentType, content: file.content, sha256: file.sha256 };
    },
  };
}

/** Stores positions 0, 1, 2 … in the given order, touching only the rows that move. */
async function renumber(
  repository: ReturnType<typeof createOrganizationRepository>,
  ordered: OrganizationPhotoRow[],
): Promise<void> {
  for (const [position, photo] of ordered.entries()) {
    if (photo.position === position) continue;
    await repository.updatePhoto(photo.id, { position });
    photo.position = position;
  }
}
