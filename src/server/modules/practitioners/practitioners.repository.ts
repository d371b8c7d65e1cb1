import type { SQL } from 'drizzle-orm';
import { and, asc, count, desc, eq, ilike, inArray, like, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Page } from '../../../contracts/common.js';
import type { PractitionerFilters, PractitionerMove } from '../../../contracts/practitioners.js';
import type { DataScope } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import { insertManyAsJson } from '../../platform/db/bulk-insert.js';
import type { Database } from '../../platform/db/client.js';
import { escapeLike } from '../../platform/db/sql-helpers.js';
import { divisions } from '../divisions/divisions.tables.js';
import { accounts } from '../identity/identity.tables.js';
import { organizations } from '../organizations/organizations.tables.js';
import { practitionerMoves, practitioners } from './practitioners.tables.js';

export type NewPractitionerRow = typeof practitioners.$inferInsert;
type PractitionerRow = typeof practitioners.$inferSelect;
type NewMoveRow = typeof practitionerMoves.$inferInsert;

/** A practitioner as stored, with the names the answers show; the phone still encrypted. */
export interface PractitionerRecord extends PractitionerRow {
  organizationName: string;
  organizationType: (typeof organizations.$inferSelect)['type'];
  divisionName: string;
  accountName: string | null;
}

/** The list filters, with the phone turned into its blind index by the service. */
export type PractitionerSearch = PractitionerFilters & { phoneIndex?: string };

const recordColumns = {
  practitioner: practitioners,
  organizationName: organizations.name,
  organizationType: organizations.type,
  divisionName: divisions.name,
  accountName: accounts.displayName,
};

function toRecord(row: {
  practitioner: PractitionerRow;
  organizationName: string;
  organizationType: PractitionerRecord['organizationType'];
  divisionName: string;
  accountName: string | null;
}): PractitionerRecord {
  const { practitioner, ...names } = row;
  return { ...practitioner, ...names };
}

/** Practitioners are scoped by their organization's division and id; a linked user sees their own. */
function practitionerScope(scope: DataScope): SQL | undefined {
  return scopeCondition(scope, {
    divisionCode: practitioners.divisionCode,
    organizationId: practitioners.organizationId,
    ownerId: practitioners.accountId,
  });
}

function searchConditions(search: PractitionerSearch): SQL[] {
  const conditions: SQL[] = [];
  if (search.kind) conditions.push(eq(practitioners.kind, search.kind));
  if (search.status) conditions.push(eq(practitioners.status, search.status));
  if (search.organization) conditions.push(eq(practitioners.organizationId, search.organization));
  if (search.division) conditions.push(like(practitioners.divisionCode, `${search.division}%`));
  if (search.specialty) {
    conditions.push(
      sql`${practitioners.specialties} @> ${JSON.stringify([search.specialty])}::jsonb`,
    );
  }
  if (search.language) {
    conditions.push(sql`${practitioners.languages} @> ${JSON.stringify([search.language])}::jsonb`);
  }
  if (search.q) {
    const pattern = `%${escapeLike(search.q)}%`;
    const matches = [
      ilike(practitioners.name, pattern),
      ilike(practitioners.licenceNumber, pattern),
      ...(search.phoneIndex ? [eq(practitioners.phoneIndex, search.phoneIndex)] : []),
    ];
    conditions.push(or(...matches) as SQL);
  }
  return conditions;
}

/** Licence numbers per lookup query. */
const lookupBatchSize = 1_000;

const fromOrganizations = alias(organizations, 'from_organizations');
const toOrganizations = alias(organizations, 'to_organizations');

export function createPractitionerRepository(db: Database) {
  function selectRecords() {
    return db
      .select(recordColumns)
      .from(practitioners)
      .innerJoin(organizations, eq(organizations.id, practitioners.organizationId))
      .innerJoin(divisions, eq(divisions.code, practitioners.divisionCode))
      .leftJoin(accounts, eq(accounts.id, practitioners.accountId));
  }

  const listOrder = [asc(organizations.name), asc(practitioners.name), asc(practitioners.id)];

  return {
    async insert(row: NewPractitionerRow): Promise<string> {
      const [inserted] = await db
        .insert(practitioners)
        .values(row)
        .returning({ id: practitioners.id });
      if (!inserted) throw new Error('insert returned no row');
      return inserted.id;
    },

    async insertMove(row: NewMoveRow): Promise<void> {
      await db.insert(practitionerMoves).values(row);
    },

    /** Many practitioners (ids chosen by the caller) and their joining entries (an import). */
    async insertMany(rows: NewPractitionerRow[], moves: NewMoveRow[]): Promise<void> {
      await insertManyAsJson(db, practitioners, rows);
      await insertManyAsJson(db, practitionerMoves, moves);
    },

    /** Which of these licence numbers are already registered. */
    async findTakenLicenceNumbers(numbers: string[]): Promise<Set<string>> {
      const taken = new Set<string>();
      for (let start = 0; start < numbers.length; start += lookupBatchSize) {
        const rows = await db
          .select({ licenceNumber: practitioners.licenceNumber })
          .from(practitioners)
          .where(
            inArray(practitioners.licenceNumber, numbers.slice(start, start + lookupBatchSize)),
          );
        for (const row of rows) if (row.licenceNumber) taken.add(row.licenceNumber);
      }
      return taken;
    },

    /** With a scope, a practitioner outside it is not found, exactly like a missing one. */
    async findById(id: string, scope?: DataScope): Promise<PractitionerRecord | undefined> {
      const inScope = scope ? practitionerScope(scope) : undefined;
      const [row] = await selectRecords().where(and(eq(practitioners.id, id), inScope));
      return row && toRecord(row);
    },

    async list(
      search: PractitionerSearch,
      page: { limit: number; offset: number },
      scope: DataScope,
    ): Promise<Page<PractitionerRecord>> {
      const where = and(practitionerScope(scope), ...searchConditions(search));
      const [rows, [total]] = await Promise.all([
        selectRecords()
          .where(where)
          .orderBy(...listOrder)
          .limit(page.limit)
          .offset(page.offset),
        db.select({ value: count() }).from(practitioners).where(where),
      ]);
      return {
        items: rows.map(toRecord),
        total: total?.value ?? 0,
        limit: page.limit,
        offset: page.offset,
      };
    },

    /** Every match in list order, up to `limit` (an export). */
    async listAll(
      search: PractitionerSearch,
      scope: DataScope,
      limit: number,
    ): Promise<PractitionerRecord[]> {
      const rows = await selectRecords()
        .where(and(practitionerScope(scope), ...searchConditions(search)))
        .orderBy(...listOrder)
        .limit(limit);
      return rows.map(toRecord);
    },

    /** Applies the change only if the row still has `version`; false when someone changed it first. */
    async update(
      id: string,
      version: number,
      patch: Partial<NewPractitionerRow>,
    ): Promise<boolean> {
      const updated = await db
        .update(practitioners)
        .set({ ...patch, version: sql`${practitioners.version} + 1`, updatedAt: new Date() })
        .where(and(eq(practitioners.id, id), eq(practitioners.version, version)))
        .returning({ id: practitioners.id });
      return updated.length === 1;
    },

    /**
     * Replaces the photo and answers the file it replaced. A photo is not one of the record's
     * facts an editor reviews, so it neither needs nor bumps the version. Run it in a transaction:
     * the row lock keeps two uploads from both claiming the same old file.
     */
    async replacePhoto(id: string, fileId: string | null): Promise<string | null> {
      const [locked] = await db
        .select({ photoFileId: practitioners.photoFileId })
        .from(practitioners)
        .where(eq(practitioners.id, id))
        .for('update');
      await db
        .update(practitioners)
        .set({ photoFileId: fileId, updatedAt: new Date() })
        .where(eq(practitioners.id, id));
      return locked?.photoFileId ?? null;
    },

    async findByLicenceNumber(licenceNumber: string): Promise<{ id: string } | undefined> {
      const [row] = await db
        .select({ id: practitioners.id })
        .from(practitioners)
        .where(eq(practitioners.licenceNumber, licenceNumber));
      return row;
    },

    async findByAccount(accountId: string): Promise<{ id: string } | undefined> {
      const [row] = await db
        .select({ id: practitioners.id })
        .from(practitioners)
        .where(eq(practitioners.accountId, accountId));
      return row;
    },

    /** The history, newest first (the joining entry last). */
    async listMoves(practitionerId: string): Promise<PractitionerMove[]> {
      const rows = await db
        .select({
          id: practitionerMoves.id,
          practitionerId: practitionerMoves.practitionerId,
          fromOrganizationId: practitionerMoves.fromOrganizationId,
          fromOrganizationName: fromOrganizations.name,
          toOrganizationId: practitionerMoves.toOrganizationId,
          toOrganizationName: toOrganizations.name,
          movedOn: practitionerMoves.movedOn,
          note: practitionerMoves.note,
          recordedBy: practitionerMoves.recordedBy,
          recordedByName: accounts.displayName,
          createdAt: practitionerMoves.createdAt,
        })
        .from(practitionerMoves)
        .innerJoin(toOrganizations, eq(toOrganizations.id, practitionerMoves.toOrganizationId))
        .leftJoin(fromOrganizations, eq(fromOrganizations.id, practitionerMoves.fromOrganizationId))
        .leftJoin(accounts, eq(accounts.id, practitionerMoves.recordedBy))
        .where(eq(practitionerMoves.practitionerId, practitionerId))
        .orderBy(desc(practitionerMoves.movedOn), desc(practitionerMoves.createdAt));
      return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
    },

    async latestMoveDate(practitionerId: string): Promise<string | null> {
      const [row] = await db
        .select({ movedOn: practitionerMoves.movedOn })
        .from(practitionerMoves)
        .where(eq(practitionerMoves.practitionerId, practitionerId))
        .orderBy(desc(practitionerMoves.movedOn))
        .limit(1);
      return row?.movedOn ?? null;
    },
  };
}

export type PractitionerRepository = ReturnType<typeof createPractitionerRepository>;
