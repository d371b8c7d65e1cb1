import { initialStatusSince, misplacedWorkstationFields } from './organizations.rules.js';
import type { Page } from '../../../contracts/common.js';
import type { NearestQuery, NearestResult } from '../../../contracts/nearest.js';
import type {
  ListOrganizationsQuery,
  NewOrganization,
  Organization,
  OrganizationPhoto,
  OrganizationPhotoUpdate,
  OrganizationType,
  OrganizationUpdate,
} from '../../../contracts/organizations.js';
import { newOrganizationSchema } from '../../../contracts/organizations.js';
import { isPhotoMediaType, organizationPhotoLimit } from '../../../contracts/photos.js';
import type { DataScope, RequestOrigin } from '../../platform/access/actor.js';
import type { ChangeFeed } from '../../platform/changes.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Database } from '../../platform/db/client.js';
import {
  ConflictError,
  InputError,
  NotFoundError,
  StaleVersionError,
  type FieldProblem,
} from '../../platform/errors.js';
import { createFileRepository } from '../../platform/files/files.repository.js';
import { sniffImageType } from '../../platform/files/images.js';
import { todayInShanghai } from '../../platform/time.js';
import type { DivisionService } from '../divisions/divisions.service.js';
import { createLazyNearestIndex } from './nearest.js';
import { openNow } from './opening-hours.js';
import {
  createOrganizationRepository,
  organizationPhotoUrl,
  type OrganizationPhotoRow,
} from './organizations.repository.js';
import { createOrganizationSheetStore } from './organizations.spreadsheet.store.js';

export interface OrganizationServiceOptions {
  /** The clock for open-now answers and status dates; a fixed one in tests. */
  now?: () => Date;
}

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

const systemOrigin: RequestOrigin = { actor: null, ip: null };

/**
 * Fields whose old and new values go into the audit row. Free text (description, directions,
 * notes, host name) and the phone are named but not copied: the audit log refuses anything that
 * looks like a mobile number, and free text may hold one.
 */
const valueAuditedFields = new Set<string>([
  'name',
  'parentId',
  'divisionCode',
  'latitude',
  'longitude',
  'services',
  'stepFree',
  'homeVisits',
  'status',
  'statusSince',
  'establishedOn',
  'hostKind',
  'staffCount',
  'meetsStandard',
]);

type Edits = Omit<OrganizationUpdate, 'version'>;

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What an edit really changes: each changed field, with old and new values where safe to keep. */
function describeChanges(current: Organization, edits: Edits) {
  const changed = Object.entries(edits).filter(
    ([field, value]) => !sameValue(current[field as keyof Organization], value),
  );
  return {
    fields: changed.map(([field]) => field),
    changes: Object.fromEntries(
      changed
        .filter(([field]) => valueAuditedFields.has(field))
        .map(([field, value]) => [
          field,
          { from: current[field as keyof Organization] ?? null, to: value ?? null },
        ]),
    ),
  };
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

export function createOrganizationService(
  db: Database,
  changes: ChangeFeed,
  divisions: DivisionService,
  audit: Pick<AuditService, 'record'>,
  options: OrganizationServiceOptions = {},
) {
  const repository = createOrganizationRepository(db);
  const files = createFileRepository(db);
  const now = options.now ?? (() => new Date());
  const nearestIndex = createLazyNearestIndex(() => repository.listLocatedActive(), changes);

  const scopeOf = (origin: RequestOrigin): DataScope => origin.actor?.scope ?? { level: 'all' };

  function requireCoordinatePair(organization: {
    latitude: number | null;
    longitude: number | null;
  }) {
    if ((organization.latitude === null) !== (organization.longitude === null)) {
      throw new InputError([{ field: 'body.latitude', message: 'organization.coordinates.pair' }]);
    }
  }

  /** Host, staffing and standard describe legal aid workstations; any other type must leave them empty. */
  function requireWorkstationFieldsFit(
    type: OrganizationType,
    fields: Parameters<typeof misplacedWorkstationFields>[1],
  ) {
    const problems: FieldProblem[] = misplacedWorkstationFields(type, fields).map((field) => ({
      field: `body.${field}`,
      message: 'organization.workstation_only',
    }));
    if (problems.length > 0) throw new InputError(problems);
  }

  /** A bureau places organizations in its own division and below; the system (seed, CLI) anywhere. */
  function requireDivisionInScope(origin: RequestOrigin, divisionCode: string) {
    const scope = origin.actor?.scope;
    if (!scope || scope.level === 'all') return;
    if (scope.level === 'district' && divisionCode.startsWith(scope.divisionPrefix)) return;
    throw new InputError([{ field: 'body.divisionCode', message: 'division.out_of_scope' }]);
  }

  /**
   * The supervising organization must exist within the editor's jurisdiction (one outside it is
   * as unknown as a missing one), and must not sit below the organization itself: the tree of
   * who supervises whom has no cycles.
   */
  async function requireParent(parentId: string, origin: RequestOrigin, selfId?: string) {
    if (!(await repository.findById(parentId, scopeOf(origin)))) {
      throw new InputError([{ field: 'body.parentId', message: 'organization.unknown' }]);
    }
    if (selfId && (await repository.selfAndAncestorIds(parentId)).includes(selfId)) {
      throw new InputError([{ field: 'body.parentId', message: 'organization.parent.cycle' }]);
    }
  }

  /** The point to measure from: the one given, or the chosen division's centre. */
  async function originOf(query: NearestQuery): Promise<{ lat: number; lng: number }> {
    if (query.lat !== undefined && query.lng !== undefined)
      return { lat: query.lat, lng: query.lng };
    const centre = await divisions.locate(query.division as string);
    if (!centre) {
      throw new InputError([
        { field: 'querystring.division', message: 'nearest.division.unlocated' },
      ]);
    }
    return { lat: centre.latitude, lng: centre.longitude };
  }

  /** An organization the caller may manage; outside the jurisdiction it is simply not found. */
  async function requireManaged(id: string, origin: RequestOrigin): Promise<Organization> {
    const organization = await repository.findById(id, scopeOf(origin));
    if (!organization) throw new NotFoundError('organization', id);
    return organization;
  }

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
    async createOrganization(
      input: NewOrganization,
      origin: RequestOrigin = systemOrigin,
    ): Promise<Organization> {
      const parsed = newOrganizationSchema.safeParse(input);
      if (!parsed.success) {
        throw new InputError(
          parsed.error.issues.map((issue) => ({
            field: ['body', ...issue.path].join('.'),
            message: issue.message,
          })),
        );
      }
      const organization = parsed.data;
      requireCoordinatePair(organization);
      requireWorkstationFieldsFit(organization.type, organization);
      requireDivisionInScope(origin, organization.divisionCode);
      await divisions.requireDivision(organization.divisionCode);
      if (organization.parentId) await requireParent(organization.parentId, origin);
      if (await repository.findByName(organization.divisionCode, organization.name)) {
        throw new ConflictError();
      }
      const statusSince = initialStatusSince(organization, todayInShanghai(now()));
      const id = await db.transaction(async (tx) => {
        const insertedId = await createOrganizationRepository(tx).insert({
          ...organization,
          statusSince,
        });
        await audit.record(
          {
            origin,
            action: 'organization.create',
            objectType: 'organization',
            objectId: insertedId,
            outcome: 'success',
            detail: {
              type: organization.type,
              name: organization.name,
              divisionCode: organization.divisionCode,
              status: organization.status,
            },
          },
          tx,
        );
        return insertedId;
      });
      changes.publish('organizations');
      return (await repository.findById(id)) as Organization;
    },

    /** A staff edit within the editor's jurisdiction; a stale version is refused, never merged. */
    async updateOrganization(
      id: string,
      patch: OrganizationUpdate,
      origin: RequestOrigin,
    ): Promise<Organization> {
      const current = await requireManaged(id, origin);
      const { version, ...edits } = patch;
      // A status change dates itself today unless the editor gives the day it took effect.
      if (edits.status !== undefined && edits.status !== current.status && !edits.statusSince) {
        edits.statusSince = todayInShanghai(now());
      }
      const next = { ...current, ...edits };
      requireCoordinatePair(next);
      requireWorkstationFieldsFit(current.type, edits);
      if (edits.divisionCode && edits.divisionCode !== current.divisionCode) {
        requireDivisionInScope(origin, edits.divisionCode);
        await divisions.requireDivision(edits.divisionCode);
      }
      if (edits.parentId && edits.parentId !== current.parentId) {
        await requireParent(edits.parentId, origin, id);
      }
      const renamed = next.name !== current.name || next.divisionCode !== current.divisionCode;
      const sameName = renamed
        ? await repository.findByName(next.divisionCode, next.name)
        : undefined;
      if (sameName && sameName.id !== id) throw new ConflictError();
      await db.transaction(async (tx) => {
        if (!(await createOrganizationRepository(tx).update(id, version, edits))) {
          throw new StaleVersionError('organization', version);
        }
        await audit.record(
          {
            origin,
            action: 'organization.update',
            objectType: 'organization',
            objectId: id,
            outcome: 'success',
            detail: describeChanges(current, edits),
          },
          tx,
        );
      });
      changes.publish('organizations');
      return (await repository.findById(id)) as Organization;
    },

    async getOrganization(id: string): Promise<Organization> {
      const organization = await repository.findById(id);
      if (!organization) throw new NotFoundError('organization', id);
      return organization;
    },

    /** The database side of the Excel import and export (organizations.spreadsheet.ts). */
    spreadsheetStore: createOrganizationSheetStore(db, audit),

    listOrganizations(query: ListOrganizationsQuery): Promise<Page<Organization>> {
      return repository.list(query);
    },

    /**
     * The organizations of the scope with each of these names, by name (a name may repeat in
     * several divisions; a name nobody has is absent). Imports name organizations, not ids.
     */
    async findByNamesInScope(
      names: readonly string[],
      scope: DataScope,
    ): Promise<Map<string, Organization[]>> {
      const byName = new Map<string, Organization[]>();
      for (const organization of await repository.findByNamesInScope(names, scope)) {
        byName.set(organization.name, [...(byName.get(organization.name) ?? []), organization]);
      }
      return byName;
    },

    /** The active organizations nearest a point, nearest first, with whether each is open now. */
    async findNearest(query: NearestQuery): Promise<NearestResult> {
      const origin = await originOf(query);
      const hits = await nearestIndex.nearest(origin, {
        limit: query.limit,
        ...(query.type ? { types: [query.type] } : {}),
      });
      const at = now();
      return hits.map(({ station, distanceMetres }) => {
        const { lat, lng, hoursExceptions, ...shown } = station;
        const state = openNow(station.openingHours, at, hoursExceptions);
        return {
          ...shown,
          latitude: lat,
          longitude: lng,
          distanceMetres: Math.round(distanceMetres),
          openNow: state.open,
          ...(state.closesAt ? { closesAt: state.closesAt } : {}),
          ...(state.opensNext ? { opensNext: state.opensNext } : {}),
          ...(state.note ? { note: state.note } : {}),
        };
      });
    },

    countOrganizations(): Promise<number> {
      return repository.countAll();
    },

    /** Adds a photo at the end of the organization's photos; the content must be what it claims. */
    async addPhoto(
      organizationId: string,
      upload: PhotoUpload,
      origin: RequestOrigin,
    ): Promise<OrganizationPhoto> {
      await requireManaged(organizationId, origin);
      const { contentType, bytes } = readPhotoUpload(upload);
      const photo = await db.transaction(async (tx) => {
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
        await audit.record(
          {
            origin,
            action: 'organization.photo.create',
            objectType: 'organization',
            objectId: organizationId,
            outcome: 'success',
            detail: { photoId, contentType, byteSize: bytes.byteLength },
          },
          tx,
        );
        return { id: photoId, ...row };
      });
      changes.publish('organizations');
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
      const photos = await db.transaction(async (tx) => {
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
        await audit.record(
          {
            origin,
            action: 'organization.photo.update',
            objectType: 'organization',
            objectId: organizationId,
            outcome: 'success',
            detail: { photoId, fields: Object.keys(change), position: change.position ?? null },
          },
          tx,
        );
        return ordered;
      });
      changes.publish('organizations');
      return photos.map(presentPhoto);
    },

    /** Removes a photo and its stored file; the photos after it move up. */
    async deletePhoto(organizationId: string, photoId: string, origin: RequestOrigin) {
      await requireManaged(organizationId, origin);
      const photo = await requirePhoto(organizationId, photoId);
      await db.transaction(async (tx) => {
        const repo = createOrganizationRepository(tx);
        await repo.lock(organizationId);
        await repo.deletePhoto(photoId);
        await createFileRepository(tx).remove(photo.fileId);
        await renumber(repo, await repo.listPhotos(organizationId));
        await audit.record(
          {
            origin,
            action: 'organization.photo.delete',
            objectType: 'organization',
            objectId: organizationId,
            outcome: 'success',
            detail: { photoId },
          },
          tx,
        );
      });
      changes.publish('organizations');
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

export type OrganizationService = ReturnType<typeof createOrganizationService>;
