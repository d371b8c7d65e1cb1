import type { SQL } from 'drizzle-orm';
import { and, asc, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  ListVolunteersQuery,
  ServiceHoursEntry,
  VolunteerFilters,
  VolunteerRecord,
} from '../../../contracts/volunteers.js';
import type {
  LegalSpecialty,
  ServiceLanguage,
  VolunteerKind,
  VolunteerRecordKind,
  VolunteerStatus,
} from '../../../contracts/values.js';
import type { OpeningHours } from '../../../contracts/organizations.js';
import type { DataScope } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Database } from '../../platform/db/client.js';
import { insertManyAsJson } from '../../platform/db/bulk-insert.js';
import { escapeLike } from '../../platform/db/sql-helpers.js';
import { organizations } from '../organizations/organizations.tables.js';
import { partners } from '../partners/partners.tables.js';
import { volunteerRecords, volunteerServiceHours, volunteers } from './volunteers.tables.js';

type NewVolunteerRow = typeof volunteers.$inferInsert;

/** A volunteer as stored, with the names and totals a reader needs; the phone still encrypted. */
export interface VolunteerRow {
  id: string;
  kind: VolunteerKind;
  name: string;
  phoneCipher: string | null;
  organizationId: string;
  organizationName: string;
  divisionCode: string;
  stationId: string | null;
  stationName: string | null;
  stationDivisionCode: string | null;
  partnerId: string | null;
  partnerName: string | null;
  skills: LegalSpecialty[];
  languages: ServiceLanguage[];
  availability: OpeningHours;
  joinedOn: string | null;
  status: VolunteerStatus;
  notes: string;
  hoursTotal: number;
  lastServedOn: string | null;
  insuredUntil: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Values per `in (…)` list. */
const LOOKUP_BATCH = 5_000;

const managing = alias(organizations, 'managing_organization');
export const station = alias(organizations, 'station');

const volunteerColumns = {
  id: volunteers.id,
  kind: volunteers.kind,
  name: volunteers.name,
  phoneCipher: volunteers.phoneCipher,
  organizationId: volunteers.organizationId,
  organizationName: managing.name,
  divisionCode: volunteers.divisionCode,
  stationId: volunteers.stationId,
  stationName: station.name,
  stationDivisionCode: station.divisionCode,
  partnerId: volunteers.recruitedByPartnerId,
  partnerName: partners.name,
  skills: volunteers.skills,
  languages: volunteers.languages,
  availability: volunteers.availability,
  joinedOn: volunteers.joinedOn,
  status: volunteers.status,
  notes: volunteers.notes,
  hoursTotal:
    sql<number>`coalesce((select sum(h.hours) from volunteer_service_hours h where h.volunteer_id = ${volunteers.id}), 0)::float8`.mapWith(
      Number,
    ),
  lastServedOn: sql<
    string | null
  >`(select max(h.served_on)::text from volunteer_service_hours h where h.volunteer_id = ${volunteers.id})`,
  insuredUntil: sql<
    string | null
  >`(select max(r.valid_to)::text from volunteer_records r where r.volunteer_id = ${volunteers.id} and r.kind = 'insurance')`,
  version: volunteers.version,
  createdAt: volunteers.createdAt,
  updatedAt: volunteers.updatedAt,
};

export function volunteerScope(scope: DataScope): SQL | undefined {
  return scopeCondition(scope, {
    divisionCode: volunteers.divisionCode,
    organizationId: volunteers.organizationId,
  });
}

/**
 * Where a volunteer serves decides the division filter: a township's volunteers are those at its
 * stations. One without a station counts where the managing organization is.
 */
const servingDivision = sql`coalesce(${station.divisionCode}, ${volunteers.divisionCode})`;

export function inDivision(prefix: string | undefined): SQL | undefined {
  return prefix ? sql`${servingDivision} like ${`${escapeLike(prefix)}%`}` : undefined;
}

function volunteerFilterConditions(filters: VolunteerFilters, phoneIndex: string | null): SQL[] {
  const conditions: SQL[] = [];
  if (filters.kind) conditions.push(eq(volunteers.kind, filters.kind));
  if (filters.status) conditions.push(eq(volunteers.status, filters.status));
  if (filters.station) conditions.push(eq(volunteers.stationId, filters.station));
  if (filters.partner) conditions.push(eq(volunteers.recruitedByPartnerId, filters.partner));
  const division = inDivision(filters.division);
  if (division) conditions.push(division);
  if (filters.skill) {
    conditions.push(sql`${volunteers.skills} @> ${JSON.stringify([filters.skill])}::jsonb`);
  }
  if (filters.language) {
    conditions.push(sql`${volunteers.languages} @> ${JSON.stringify([filters.language])}::jsonb`);
  }
  if (filters.q) {
    const byName = ilike(volunteers.name, `%${escapeLike(filters.q)}%`);
    conditions.push(
      phoneIndex ? (or(byName, eq(volunteers.phoneIndex, phoneIndex)) as SQL) : byName,
    );
  }
  return conditions;
}

const hoursColumns = {
  id: volunteerServiceHours.id,
  volunteerId: volunteerServiceHours.volunteerId,
  stationId: volunteerServiceHours.stationId,
  stationName: station.name,
  servedOn: volunteerServiceHours.servedOn,
  hours: volunteerServiceHours.hours,
  activity: volunteerServiceHours.activity,
  createdAt: volunteerServiceHours.createdAt,
};

const recordColumns = {
  id: volunteerRecords.id,
  volunteerId: volunteerRecords.volunteerId,
  kind: volunteerRecords.kind,
  title: volunteerRecords.title,
  issuer: volunteerRecords.issuer,
  reference: volunteerRecords.reference,
  recordedOn: volunteerRecords.recordedOn,
  validTo: volunteerRecords.validTo,
  hours: volunteerRecords.hours,
  note: volunteerRecords.note,
  createdAt: volunteerRecords.createdAt,
};

function withIsoTime<T extends { createdAt: Date }>(
  row: T,
): Omit<T, 'createdAt'> & {
  createdAt: string;
} {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

export function createVolunteerRepository(db: Database) {
  function selectVolunteers() {
    return db
      .select(volunteerColumns)
      .from(volunteers)
      .innerJoin(managing, eq(managing.id, volunteers.organizationId))
      .leftJoin(station, eq(station.id, volunteers.stationId))
      .leftJoin(partners, eq(partners.id, volunteers.recruitedByPartnerId));
  }

  return {
    async insertVolunteer(row: NewVolunteerRow): Promise<string> {
      const [inserted] = await db.insert(volunteers).values(row).returning({ id: volunteers.id });
      if (!inserted) throw new Error('insert returned no row');
      return inserted.id;
    },

    /** With a scope, a volunteer outside it is not found, exactly like a missing one. */
    async findVolunteer(id: string, scope?: DataScope): Promise<VolunteerRow | undefined> {
      const [row] = await selectVolunteers().where(
        and(eq(volunteers.id, id), scope ? volunteerScope(scope) : undefined),
      );
      return row;
    },

    async listVolunteers(
      query: ListVolunteersQuery,
      scope: DataScope,
      phoneIndex: string | null,
    ): Promise<{ rows: VolunteerRow[]; total: number }> {
      const where = and(volunteerScope(scope), ...volunteerFilterConditions(query, phoneIndex));
      const [rows, [total]] = await Promise.all([
        selectVolunteers()
          .where(where)
          .orderBy(asc(station.name), asc(volunteers.name), asc(volunteers.id))
          .limit(query.limit)
          .offset(query.offset),
        db
          .select({ value: count() })
          .from(volunteers)
          .leftJoin(station, eq(station.id, volunteers.stationId))
          .where(where),
      ]);
      return { rows, total: total?.value ?? 0 };
    },

    /** Every matching volunteer up to `limit` (an export), in list order. */
    listAllVolunteers(
      filters: VolunteerFilters,
      scope: DataScope,
      phoneIndex: string | null,
      limit: number,
    ): Promise<VolunteerRow[]> {
      return selectVolunteers()
        .where(and(volunteerScope(scope), ...volunteerFilterConditions(filters, phoneIndex)))
        .orderBy(asc(station.name), asc(volunteers.name), asc(volunteers.id))
        .limit(limit);
    },

    /** Applies the change only if the row still has `version`; false when someone changed it first. */
    async updateVolunteer(
      id: string,
      version: number,
      patch: Partial<NewVolunteerRow>,
    ): Promise<boolean> {
      const updated = await db
        .update(volunteers)
        .set({ ...patch, version: sql`${volunteers.version} + 1`, updatedAt: new Date() })
        .where(and(eq(volunteers.id, id), eq(volunteers.version, version)))
        .returning({ id: volunteers.id });
      return updated.length === 1;
    },

    /** Many rows at once in the caller's transaction (an import), as JSON batches. */
    async insertVolunteers(rows: NewVolunteerRow[]): Promise<void> {
      await insertManyAsJson(db, volunteers, rows);
    },

    /** Which of these phone indexes the organizations already have, as `organizationId:index`. */
    async registeredPhones(
      organizationIds: string[],
      phoneIndexes: string[],
    ): Promise<Set<string>> {
      const found = new Set<string>();
      if (organizationIds.length === 0 || phoneIndexes.length === 0) return found;
      for (let start = 0; start < phoneIndexes.length; start += LOOKUP_BATCH) {
        const rows = await db
          .select({ organizationId: volunteers.organizationId, phoneIndex: volunteers.phoneIndex })
          .from(volunteers)
          .where(
            and(
              inArray(volunteers.organizationId, organizationIds),
              inArray(volunteers.phoneIndex, phoneIndexes.slice(start, start + LOOKUP_BATCH)),
            ),
          );
        for (const row of rows) found.add(`${row.organizationId}:${row.phoneIndex}`);
      }
      return found;
    },

    /** Another volunteer of the same managing organization with this phone, if any. */
    async findVolunteerByPhone(
      organizationId: string,
      phoneIndex: string,
    ): Promise<{ id: string } | undefined> {
      const [row] = await db
        .select({ id: volunteers.id })
        .from(volunteers)
        .where(
          and(eq(volunteers.organizationId, organizationId), eq(volunteers.phoneIndex, phoneIndex)),
        )
        .limit(1);
      return row;
    },

    /** Inserts shifts; answers their ids in the order given. */
    async insertHours(rows: Array<typeof volunteerServiceHours.$inferInsert>): Promise<string[]> {
      const inserted = await db
        .insert(volunteerServiceHours)
        .values(rows)
        .returning({ id: volunteerServiceHours.id });
      return inserted.map((row) => row.id);
    },

    async listHours(volunteerId: string): Promise<ServiceHoursEntry[]> {
      const rows = await db
        .select(hoursColumns)
        .from(volunteerServiceHours)
        .leftJoin(station, eq(station.id, volunteerServiceHours.stationId))
        .where(eq(volunteerServiceHours.volunteerId, volunteerId))
        .orderBy(desc(volunteerServiceHours.servedOn), desc(volunteerServiceHours.createdAt));
      return rows.map(withIsoTime);
    },

    async findHours(volunteerId: string, entryId: string): Promise<ServiceHoursEntry | undefined> {
      const [row] = await db
        .select(hoursColumns)
        .from(volunteerServiceHours)
        .leftJoin(station, eq(station.id, volunteerServiceHours.stationId))
        .where(
          and(
            eq(volunteerServiceHours.volunteerId, volunteerId),
            eq(volunteerServiceHours.id, entryId),
          ),
        );
      return row && withIsoTime(row);
    },

    async findHoursByIds(volunteerId: string, ids: string[]): Promise<ServiceHoursEntry[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .select(hoursColumns)
        .from(volunteerServiceHours)
        .leftJoin(station, eq(station.id, volunteerServiceHours.stationId))
        .where(
          and(
            eq(volunteerServiceHours.volunteerId, volunteerId),
            inArray(volunteerServiceHours.id, ids),
          ),
        );
      const byId = new Map(rows.map((row) => [row.id, withIsoTime(row)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    /** Hours already logged for the volunteer on one day (a day holds at most 24). */
    async hoursOnDay(volunteerId: string, servedOn: string): Promise<number> {
      const [row] = await db
        .select({
          value: sql<number>`coalesce(sum(${volunteerServiceHours.hours}), 0)::float8`.mapWith(
            Number,
          ),
        })
        .from(volunteerServiceHours)
        .where(
          and(
            eq(volunteerServiceHours.volunteerId, volunteerId),
            eq(volunteerServiceHours.servedOn, servedOn),
          ),
        );
      return row?.value ?? 0;
    },

    async deleteHours(volunteerId: string, entryId: string): Promise<boolean> {
      const deleted = await db
        .delete(volunteerServiceHours)
        .where(
          and(
            eq(volunteerServiceHours.volunteerId, volunteerId),
            eq(volunteerServiceHours.id, entryId),
          ),
        )
        .returning({ id: volunteerServiceHours.id });
      return deleted.length === 1;
    },

    /** Inserts records; answers their ids in the order given. */
    async insertRecords(rows: Array<typeof volunteerRecords.$inferInsert>): Promise<string[]> {
      const inserted = await db
        .insert(volunteerRecords)
        .values(rows)
        .returning({ id: volunteerRecords.id });
      return inserted.map((row) => row.id);
    },

    async listRecords(volunteerId: string, kind?: VolunteerRecordKind): Promise<VolunteerRecord[]> {
      const rows = await db
        .select(recordColumns)
        .from(volunteerRecords)
        .where(
          and(
            eq(volunteerRecords.volunteerId, volunteerId),
            kind ? eq(volunteerRecords.kind, kind) : undefined,
          ),
        )
        .orderBy(desc(volunteerRecords.recordedOn), desc(volunteerRecords.createdAt));
      return rows.map(withIsoTime);
    },

    async findRecord(volunteerId: string, recordId: string): Promise<VolunteerRecord | undefined> {
      const [row] = await db
        .select(recordColumns)
        .from(volunteerRecords)
        .where(
          and(eq(volunteerRecords.volunteerId, volunteerId), eq(volunteerRecords.id, recordId)),
        );
      return row && withIsoTime(row);
    },

    async findRecordsByIds(volunteerId: string, ids: string[]): Promise<VolunteerRecord[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .select(recordColumns)
        .from(volunteerRecords)
        .where(
          and(eq(volunteerRecords.volunteerId, volunteerId), inArray(volunteerRecords.id, ids)),
        );
      const byId = new Map(rows.map((row) => [row.id, withIsoTime(row)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    async deleteRecord(volunteerId: string, recordId: string): Promise<boolean> {
      const deleted = await db
        .delete(volunteerRecords)
        .where(
          and(eq(volunteerRecords.volunteerId, volunteerId), eq(volunteerRecords.id, recordId)),
        )
        .returning({ id: volunteerRecords.id });
      return deleted.length === 1;
    },
  };
}

export type VolunteerRepository = ReturnType<typeof createVolunteerRepository>;
