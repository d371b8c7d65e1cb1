import type { SQL } from 'drizzle-orm';
import { and, asc, count, eq, ilike, isNotNull, like, or, sql } from 'drizzle-orm';
import type { DataScope } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Page } from '../../../contracts/common.js';
import type { ListOrganizationsQuery, Organization } from '../../../contracts/organizations.js';
import type { Database } from '../../platform/db/client.js';
import { divisions } from '../divisions/divisions.tables.js';
import { organizations } from './organizations.tables.js';
import { escapeLike } from '../../platform/db/sql-helpers.js';
import type { NearestStation } from './nearest.js';

type NewOrganizationRow = typeof organizations.$inferInsert;

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
  status: organizations.status,
  version: organizations.version,
  createdAt: organizations.createdAt,
  updatedAt: organizations.updatedAt,
};

type OrganizationRecord = Omit<Organization, 'createdAt' | 'updatedAt'> & {
  createdAt: Date;
  updatedAt: Date;
};

function present(row: OrganizationRecord): Organization {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

export function createOrganizationRepository(db: Database) {
  function selectOrganizations() {
    return db
      .select(organizationColumns)
      .from(organizations)
      .innerJoin(divisions, eq(divisions.code, organizations.divisionCode));
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
      return row && present(row);
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

    async list(query: ListOrganizationsQuery): Promise<Page<Organization>> {
      const conditions: SQL[] = [];
      if (query.type) conditions.push(eq(organizations.type, query.type));
      if (query.status) conditions.push(eq(organizations.status, query.status));
      if (query.division) conditions.push(like(organizations.divisionCode, `${query.division}%`));
      if (query.q) {
        const pattern = `%${escapeLike(query.q)}%`;
        conditions.push(
          or(ilike(organizations.name, pattern), ilike(organizations.address, pattern)) as SQL,
        );
      }
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        selectOrganizations()
          .where(where)
          .orderBy(asc(organizations.divisionCode), asc(organizations.name))
          .limit(query.limit)
          .offset(query.offset),
        db.select({ value: count() }).from(organizations).where(where),
      ]);
      return {
        items: rows.map(present),
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

    async countAll(): Promise<number> {
      const [row] = await db.select({ value: count() }).from(organizations);
      return row?.value ?? 0;
    },
  };
}
