import type { SQL } from 'drizzle-orm';
import { and, asc, count, eq, ilike, inArray, isNotNull, like, or, sql } from 'drizzle-orm';
import type { DataScope } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Page } from '../../../contracts/common.js';
import type {
  ListOrganizationsQuery,
  Organization,
  OrganizationPhoto,
} from '../../../contracts/organizations.js';
import { queryRows, type Database } from '../../platform/db/client.js';
import { divisions } from '../divisions/divisions.tables.js';
import { organizationPhotos, organizations } from './organizations.tables.js';
import { escapeLike } from '../../platform/db/sql-helpers.js';
import type { NearestStation } from './nearest.js';

type NewOrganizationRow = typeof organizations.$inferInsert;

/** A photo row as the service handles it: which stored file, its caption and display position. */
export interface OrganizationPhotoRow {
  id: string;
  organizationId: string;
  fileId: string;
  caption: string;
  position: number;
}

const photoColumns = {
  id: organizationPhotos.id,
  organizationId: organizationPhotos.organizationId,
  fileId: organizationPhotos.fileId,
  caption: organizationPhotos.caption,
  position: organizationPhotos.position,
};

const organizationColumns = {
  id: organizations.id,
  type: organizations.type,
  name: organizations.name,
  parentId: organizations.parentId,
  divisionCode: organizations.divisionCode,
  divisionName: divisions.name,
  address: organizations.address,
  latitude: organizations.latitude,
  longitude: organizations.longitude,
  phone: organizations.phone,
  openingHours: organizations.openingHours,
  hoursExceptions: organizations.hoursExceptions,
  services: organizations.services,
  description: organizations.description,
  directions: organizations.directions,
  stepFree: organizations.stepFree,
  homeVisits: organizations.homeVisits,
  accessibilityNotes: organizations.accessibilityNotes,
  status: organizations.status,
  statusSince: organizations.statusSince,
  establishedOn: organizations.establishedOn,
  hostKind: organizations.hostKind,
  hostName: organizations.hostName,
  staffCount: organizations.staffCount,
  meetsStandard: organizations.meetsStandard,
  version: organizations.version,
  createdAt: organizations.createdAt,
  updatedAt: organizations.updatedAt,
};

type OrganizationRecord = Omit<Organization, 'createdAt' | 'updatedAt' | 'photos'> & {
  createdAt: Date;
  updatedAt: Date;
};

export function organizationPhotoUrl(organizationId: string, photoId: string): string {
  return `/api/organizations/${organizationId}/photos/${photoId}`;
}

function present(row: OrganizationRecord, photos: OrganizationPhoto[]): Organization {
  return {
    ...row,
    photos,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The filters of the organization list, shared by the list route and the Excel export. */
export function organizationListConditions(
  query: Omit<ListOrganizationsQuery, 'limit' | 'offset'>,
): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.type) conditions.push(eq(organizations.type, query.type));
  if (query.status) conditions.push(eq(organizations.status, query.status));
  if (query.division) conditions.push(like(organizations.divisionCode, `${query.division}%`));
  if (query.service) {
    conditions.push(sql`${organizations.services} @> ${JSON.stringify([query.service])}::jsonb`);
  }
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(
      or(ilike(organizations.name, pattern), ilike(organizations.address, pattern)) as SQL,
    );
  }
  return and(...conditions);
}

export function createOrganizationRepository(db: Database) {
  function selectOrganizations() {
    return db
      .select(organizationColumns)
      .from(organizations)
      .innerJoin(divisions, eq(divisions.code, organizations.divisionCode));
  }

  /** The photos of each organization on a page, in display order, keyed by organization id. */
  async function photosOf(organizationIds: string[]): Promise<Map<string, OrganizationPhoto[]>> {
    const byOrganization = new Map<string, OrganizationPhoto[]>();
    if (organizationIds.length === 0) return byOrganization;
    const rows = await db
      .select({
        id: organizationPhotos.id,
        organizationId: organizationPhotos.organizationId,
        caption: organizationPhotos.caption,
      })
      .from(organizationPhotos)
      .where(inArray(organizationPhotos.organizationId, organizationIds))
      .orderBy(asc(organizationPhotos.position), asc(organizationPhotos.createdAt));
    for (const { organizationId, id, caption } of rows) {
      const list = byOrganization.get(organizationId) ?? [];
      list.push({ id, caption, url: organizationPhotoUrl(organizationId, id) });
      byOrganization.set(organizationId, list);
    }
    return byOrganization;
  }

  async function presentAll(rows: OrganizationRecord[]): Promise<Organization[]> {
    const photos = await photosOf(rows.map((row) => row.id));
    return rows.map((row) => present(row, photos.get(row.id) ?? []));
  }

  return {
    async insert(row: NewOrganizationRow): Promise<string> {
      const [inserted] = await db
        .insert(organizations)
        .values(row)
        .returning({ id: organizations.id });
      if (!inserted) throw new Error('insert returned no row');
      return inserted.id;
    },

    /** With a scope, an organization outside it is not found, exactly like a missing one. */
    async findById(id: string, scope?: DataScope): Promise<Organization | undefined> {
      const inScope = scope
        ? scopeCondition(scope, {
            divisionCode: organizations.divisionCode,
            organizationId: organizations.id,
          })
        : undefined;
      const [row] = await selectOrganizations().where(and(eq(organizations.id, id), inScope));
      if (!row) return undefined;
      const [presented] = await presentAll([row]);
      return presented;
    },

    /** Applies the change only if the row still has `version`; false when someone changed it first. */
    async update(
      id: string,
      version: number,
      patch: Partial<NewOrganizationRow>,
    ): Promise<boolean> {
      const updated = await db
        .update(organizations)
        .set({ ...patch, version: sql`${organizations.version} + 1`, updatedAt: new Date() })
        .where(and(eq(organizations.id, id), eq(organizations.version, version)))
        .returning({ id: organizations.id });
      return updated.length === 1;
    },

    async findByName(divisionCode: string, name: string): Promise<{ id: string } | undefined> {
      const [row] = await db
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(eq(organizations.divisionCode, divisionCode), eq(organizations.name, name)));
      return row;
    },

    /** The organizations of the scope named exactly any of `names`: one query for any count. */
    async findByNamesInScope(names: readonly string[], scope: DataScope): Promise<Organization[]> {
      if (names.length === 0) return [];
      const inScope = scopeCondition(scope, {
        divisionCode: organizations.divisionCode,
        organizationId: organizations.id,
      });
      // One array parameter, not one per name: an import may name tens of thousands.
      const named = sql`${organizations.name} = any(${sql.param([...names])}::text[])`;
      return presentAll(await selectOrganizations().where(and(named, inScope)));
    },

    async list(query: ListOrganizationsQuery): Promise<Page<Organization>> {
      const where = organizationListConditions(query);
      const [rows, [total]] = await Promise.all([
        selectOrganizations()
          .where(where)
          .orderBy(asc(organizations.divisionCode), asc(organizations.name))
          .limit(query.limit)
          .offset(query.offset),
        db.select({ value: count() }).from(organizations).where(where),
      ]);
      return {
        items: await presentAll(rows),
        total: total?.value ?? 0,
        limit: query.limit,
        offset: query.offset,
      };
    },

    /** Every active organization with coordinates, as the nearest-station index holds them. */
    async listLocatedActive(): Promise<NearestStation[]> {
      const rows = await db
        .select({
          id: organizations.id,
          type: organizations.type,
          name: organizations.name,
          divisionCode: organizations.divisionCode,
          address: organizations.address,
          phone: organizations.phone,
          lat: organizations.latitude,
          lng: organizations.longitude,
          openingHours: organizations.openingHours,
          hoursExceptions: organizations.hoursExceptions,
        })
        .from(organizations)
        .where(
          and(
            eq(organizations.status, 'active'),
            isNotNull(organizations.latitude),
            isNotNull(organizations.longitude),
          ),
        );
      return rows.flatMap(({ lat, lng, ...row }) =>
        lat === null || lng === null ? [] : [{ ...row, lat, lng }],
      );
    },

    /**
     * The organization and every organization above it, following parent links to the root. UNION
     * (not UNION ALL) stops at a repeated row, so even a damaged tree cannot loop forever.
     */
    async selfAndAncestorIds(id: string): Promise<string[]> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`
        with recursive chain(id, parent_id) as (
          select ${organizations.id}, ${organizations.parentId}
            from ${organizations} where ${organizations.id} = ${id}
          union
          select o.id, o.parent_id
            from ${organizations} o join chain on o.id = chain.parent_id
        )
        select id from chain`,
      );
      return rows.map((row) => row.id);
    },

    /** Holds the organization's row until the transaction ends, so photo counts stay true. */
    async lock(id: string): Promise<boolean> {
      const rows = await db
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.id, id))
        .for('update');
      return rows.length === 1;
    },

    /** An organization's photos in display order. */
    listPhotos(organizationId: string): Promise<OrganizationPhotoRow[]> {
      return db
        .select(photoColumns)
        .from(organizationPhotos)
        .where(eq(organizationPhotos.organizationId, organizationId))
        .orderBy(asc(organizationPhotos.position), asc(organizationPhotos.createdAt));
    },

    /** A photo of this organization; another organization's photo is not found. */
    async findPhoto(
      organizationId: string,
      photoId: string,
    ): Promise<OrganizationPhotoRow | undefined> {
      const [row] = await db
        .select(photoColumns)
        .from(organizationPhotos)
        .where(
          and(
            eq(organizationPhotos.id, photoId),
            eq(organizationPhotos.organizationId, organizationId),
          ),
        );
      return row;
    },

    async insertPhoto(photo: Omit<OrganizationPhotoRow, 'id'>): Promise<string> {
      const [row] = await db
        .insert(organizationPhotos)
        .values(photo)
        .returning({ id: organizationPhotos.id });
      if (!row) throw new Error('insert returned no row');
      return row.id;
    },

    async updatePhoto(
      photoId: string,
      change: Partial<Pick<OrganizationPhotoRow, 'caption' | 'position'>>,
    ): Promise<void> {
      await db.update(organizationPhotos).set(change).where(eq(organizationPhotos.id, photoId));
    },

    async deletePhoto(photoId: string): Promise<void> {
      await db.delete(organizationPhotos).where(eq(organizationPhotos.id, photoId));
    },

    async countAll(): Promise<number> {
      const [row] = await db.select({ value: count() }).from(organizations);
      return row?.value ?? 0;
    },
  };
}
