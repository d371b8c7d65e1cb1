import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ListOrganizationsQuery } from '../../../contracts/organizations.js';
import type { DataScope } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import { insertManyAsJson } from '../../platform/db/bulk-insert.js';
import type { Database } from '../../platform/db/client.js';
import { divisions } from '../divisions/divisions.tables.js';
import { organizationListConditions } from './organizations.repository.js';
import { organizations } from './organizations.tables.js';

export type NewOrganizationRow = typeof organizations.$inferInsert;

/** One organization as its Excel export shows it: the record, its division's and parent's names. */
export interface OrganizationSheetRecord {
  type: (typeof organizations.$inferSelect)['type'];
  name: string;
  parentName: string | null;
  divisionCode: string;
  divisionName: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  openingHours: (typeof organizations.$inferSelect)['openingHours'];
  services: (typeof organizations.$inferSelect)['services'];
  description: string;
  directions: string;
  stepFree: boolean;
  homeVisits: boolean;
  accessibilityNotes: string;
  status: (typeof organizations.$inferSelect)['status'];
  statusSince: string | null;
  establishedOn: string | null;
  hostKind: (typeof organizations.$inferSelect)['hostKind'];
  hostName: string | null;
  staffCount: number | null;
  meetsStandard: boolean | null;
}

/** An existing organization with the same name in a division a sheet row is placed in. */
export interface NamedOrganization {
  id: string;
  name: string;
  divisionCode: string;
}

const parents = alias(organizations, 'parent');

/** Values per `in (…)` list. */
const LOOKUP_BATCH = 5_000;

function batches<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}

/** The bulk queries of the organizations' Excel import and export. */
export function createOrganizationSheetRepository(db: Database) {
  return {
    /** Multi-row inserts (a few thousand rows per statement), in the caller's transaction. */
    async insertMany(rows: NewOrganizationRow[]): Promise<void> {
      await insertManyAsJson(db, organizations, rows);
    },

    /** Every organization in these divisions (for duplicate names). */
    async namesInDivisions(codes: string[]): Promise<NamedOrganization[]> {
      const found: NamedOrganization[] = [];
      for (const batch of batches(codes, LOOKUP_BATCH)) {
        found.push(
          ...(await db
            .select({
              id: organizations.id,
              name: organizations.name,
              divisionCode: organizations.divisionCode,
            })
            .from(organizations)
            .where(inArray(organizations.divisionCode, batch))),
        );
      }
      return found;
    },

    /** The list's filters within the scope, ordered like the list, at most `limit` rows. */
    listForSheet(
      filters: Omit<ListOrganizationsQuery, 'limit' | 'offset'>,
      scope: DataScope,
      limit: number,
    ): Promise<OrganizationSheetRecord[]> {
      const inScope = scopeCondition(scope, {
        divisionCode: organizations.divisionCode,
        organizationId: organizations.id,
      });
      return db
        .select({
          type: organizations.type,
          name: organizations.name,
          parentName: parents.name,
          divisionCode: organizations.divisionCode,
          divisionName: divisions.name,
          address: organizations.address,
          latitude: organizations.latitude,
          longitude: organizations.longitude,
          phone: organizations.phone,
          openingHours: organizations.openingHours,
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
        })
        .from(organizations)
        .innerJoin(divisions, eq(divisions.code, organizations.divisionCode))
        .leftJoin(parents, eq(parents.id, organizations.parentId))
        .where(and(organizationListConditions(filters), inScope))
        .orderBy(asc(organizations.divisionCode), asc(organizations.name))
        .limit(limit);
    },
  };
}
