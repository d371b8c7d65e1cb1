import type { SQL } from 'drizzle-orm';
import { and, asc, count, desc, eq, ilike, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ListPartnersQuery, PartnerAgreement } from '../../../contracts/partners.js';
import type { PartnerKind } from '../../../contracts/values.js';
import type { DataScope } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Database } from '../../platform/db/client.js';
import { escapeLike } from '../../platform/db/sql-helpers.js';
import { organizations } from '../organizations/organizations.tables.js';
import { partnerAgreements, partners } from './partners.tables.js';

type NewPartnerRow = typeof partners.$inferInsert;

export interface PartnerRow {
  id: string;
  kind: PartnerKind;
  name: string;
  organizationId: string;
  organizationName: string;
  divisionCode: string;
  linkedOrganizationId: string | null;
  linkedOrganizationName: string | null;
  contactName: string;
  contactPhone: string | null;
  volunteerCount: number;
  agreementCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

// Read-only joins to the directory's organizations, for display names (DESIGN.md allows these);
// the volunteer count reads the volunteers table the same way.
const managing = alias(organizations, 'managing_organization');
const linked = alias(organizations, 'linked_organization');
const station = alias(organizations, 'station');

function partnerScope(scope: DataScope): SQL | undefined {
  return scopeCondition(scope, {
    divisionCode: partners.divisionCode,
    organizationId: partners.organizationId,
  });
}

const partnerColumns = {
  id: partners.id,
  kind: partners.kind,
  name: partners.name,
  organizationId: partners.organizationId,
  organizationName: managing.name,
  divisionCode: partners.divisionCode,
  linkedOrganizationId: partners.linkedOrganizationId,
  linkedOrganizationName: linked.name,
  contactName: partners.contactName,
  contactPhone: partners.contactPhone,
  volunteerCount: sql<number>`(select count(*) from volunteers v where v.recruited_by_partner_id = ${partners.id})::int`,
  agreementCount: sql<number>`(select count(*) from partner_agreements a where a.partner_id = ${partners.id})::int`,
  version: partners.version,
  createdAt: partners.createdAt,
  updatedAt: partners.updatedAt,
};

const agreementColumns = {
  id: partnerAgreements.id,
  partnerId: partnerAgreements.partnerId,
  title: partnerAgreements.title,
  stationId: partnerAgreements.stationId,
  stationName: station.name,
  signedOn: partnerAgreements.signedOn,
  validFrom: partnerAgreements.validFrom,
  validTo: partnerAgreements.validTo,
  terms: partnerAgreements.terms,
  createdAt: partnerAgreements.createdAt,
};

function withIsoTime<T extends { createdAt: Date }>(
  row: T,
): Omit<T, 'createdAt'> & {
  createdAt: string;
} {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

export function createPartnerRepository(db: Database) {
  function selectPartners() {
    return db
      .select(partnerColumns)
      .from(partners)
      .innerJoin(managing, eq(managing.id, partners.organizationId))
      .leftJoin(linked, eq(linked.id, partners.linkedOrganizationId));
  }

  return {
    async insertPartner(row: NewPartnerRow): Promise<string> {
      const [inserted] = await db.insert(partners).values(row).returning({ id: partners.id });
      if (!inserted) throw new Error('insert returned no row');
      return inserted.id;
    },

    async findPartner(id: string, scope?: DataScope): Promise<PartnerRow | undefined> {
      const [row] = await selectPartners().where(
        and(eq(partners.id, id), scope ? partnerScope(scope) : undefined),
      );
      return row;
    },

    async listPartners(
      query: ListPartnersQuery,
      scope: DataScope,
    ): Promise<{ rows: PartnerRow[]; total: number }> {
      const where = and(
        partnerScope(scope),
        query.kind ? eq(partners.kind, query.kind) : undefined,
        query.q ? ilike(partners.name, `%${escapeLike(query.q)}%`) : undefined,
      );
      const [rows, [total]] = await Promise.all([
        selectPartners()
          .where(where)
          .orderBy(asc(partners.kind), asc(partners.name), asc(partners.id))
          .limit(query.limit)
          .offset(query.offset),
        db.select({ value: count() }).from(partners).where(where),
      ]);
      return { rows, total: total?.value ?? 0 };
    },

    /** Partners in scope with exactly this name (an import names them; two is ambiguous). */
    async findPartnersByName(name: string, scope: DataScope): Promise<Array<{ id: string }>> {
      return db
        .select({ id: partners.id })
        .from(partners)
        .where(and(partnerScope(scope), eq(partners.name, name)))
        .limit(2);
    },

    async findPartnerByName(
      organizationId: string,
      name: string,
    ): Promise<{ id: string } | undefined> {
      const [row] = await db
        .select({ id: partners.id })
        .from(partners)
        .where(and(eq(partners.organizationId, organizationId), eq(partners.name, name)));
      return row;
    },

    async updatePartner(
      id: string,
      version: number,
      patch: Partial<NewPartnerRow>,
    ): Promise<boolean> {
      const updated = await db
        .update(partners)
        .set({ ...patch, version: sql`${partners.version} + 1`, updatedAt: new Date() })
        .where(and(eq(partners.id, id), eq(partners.version, version)))
        .returning({ id: partners.id });
      return updated.length === 1;
    },

    async insertAgreement(row: typeof partnerAgreements.$inferInsert): Promise<string> {
      const [inserted] = await db
        .insert(partnerAgreements)
        .values(row)
        .returning({ id: partnerAgreements.id });
      if (!inserted) throw new Error('insert returned no row');
      return inserted.id;
    },

    async listAgreements(partnerId: string): Promise<PartnerAgreement[]> {
      const rows = await db
        .select(agreementColumns)
        .from(partnerAgreements)
        .leftJoin(station, eq(station.id, partnerAgreements.stationId))
        .where(eq(partnerAgreements.partnerId, partnerId))
        .orderBy(desc(partnerAgreements.validFrom), desc(partnerAgreements.createdAt));
      return rows.map(withIsoTime);
    },

    async findAgreement(id: string): Promise<PartnerAgreement | undefined> {
      const [row] = await db
        .select(agreementColumns)
        .from(partnerAgreements)
        .leftJoin(station, eq(station.id, partnerAgreements.stationId))
        .where(eq(partnerAgreements.id, id));
      return row && withIsoTime(row);
    },
  };
}

export type PartnerRepository = ReturnType<typeof createPartnerRepository>;
