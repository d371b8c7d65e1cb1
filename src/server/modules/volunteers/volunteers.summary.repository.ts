import type { SQL } from 'drizzle-orm';
import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { VolunteerKind, VolunteerStatus } from '../../../contracts/values.js';
import type { DataScope } from '../../platform/access/actor.js';
import type { Database } from '../../platform/db/client.js';
import { organizations } from '../organizations/organizations.tables.js';
import { volunteerRecords, volunteerServiceHours, volunteers } from './volunteers.tables.js';
import { inDivision, station, volunteerScope } from './volunteers.repository.js';

export interface SummaryFilter {
  scope: DataScope;
  division?: string | undefined;
}

/** The queries of the volunteers' summary: counts, hours by station, insurance. */
export function createVolunteerSummaryRepository(db: Database) {
  /** The volunteers a summary covers: in scope, serving in the division (and below). */
  function summaryConditions(filter: SummaryFilter): SQL | undefined {
    return and(volunteerScope(filter.scope), inDivision(filter.division));
  }

  return {
    /** How many volunteers of each kind and status. */
    countByKindAndStatus(
      filter: SummaryFilter,
    ): Promise<Array<{ kind: VolunteerKind; status: VolunteerStatus; count: number }>> {
      return db
        .select({ kind: volunteers.kind, status: volunteers.status, count: count() })
        .from(volunteers)
        .leftJoin(station, eq(station.id, volunteers.stationId))
        .where(summaryConditions(filter))
        .groupBy(volunteers.kind, volunteers.status);
    },

    /** Hours served between two days (inclusive) by station, most first. */
    hoursByStation(
      filter: SummaryFilter,
      from: string,
      to: string,
    ): Promise<
      Array<{
        stationId: string | null;
        stationName: string | null;
        hours: number;
        volunteers: number;
      }>
    > {
      const hoursStation = alias(organizations, 'hours_station');
      const hours = sql<number>`sum(${volunteerServiceHours.hours})::float8`.mapWith(Number);
      return db
        .select({
          stationId: volunteerServiceHours.stationId,
          stationName: hoursStation.name,
          hours,
          volunteers: sql<number>`count(distinct ${volunteerServiceHours.volunteerId})::int`,
        })
        .from(volunteerServiceHours)
        .innerJoin(volunteers, eq(volunteers.id, volunteerServiceHours.volunteerId))
        .leftJoin(station, eq(station.id, volunteers.stationId))
        .leftJoin(hoursStation, eq(hoursStation.id, volunteerServiceHours.stationId))
        .where(
          and(
            summaryConditions(filter),
            sql`${volunteerServiceHours.servedOn} between ${from} and ${to}`,
          ),
        )
        .groupBy(volunteerServiceHours.stationId, hoursStation.name)
        .orderBy(desc(hours), asc(hoursStation.name));
    },

    /**
     * Volunteers whose latest insurance cover ends between two days (inclusive): a renewed
     * policy (a later one) takes them off the list.
     */
    async insuranceEnding(
      filter: SummaryFilter,
      from: string,
      to: string,
    ): Promise<
      Array<{
        volunteerId: string;
        volunteerName: string;
        stationName: string | null;
        title: string;
        validTo: string;
      }>
    > {
      const later = alias(volunteerRecords, 'later_record');
      return db
        .select({
          volunteerId: volunteers.id,
          volunteerName: volunteers.name,
          stationName: station.name,
          title: volunteerRecords.title,
          validTo: sql<string>`${volunteerRecords.validTo}::text`,
        })
        .from(volunteerRecords)
        .innerJoin(volunteers, eq(volunteers.id, volunteerRecords.volunteerId))
        .leftJoin(station, eq(station.id, volunteers.stationId))
        .leftJoin(
          later,
          and(
            eq(later.volunteerId, volunteerRecords.volunteerId),
            eq(later.kind, 'insurance'),
            sql`${later.validTo} > ${volunteerRecords.validTo}`,
          ),
        )
        .where(
          and(
            summaryConditions(filter),
            eq(volunteerRecords.kind, 'insurance'),
            sql`${volunteerRecords.validTo} between ${from} and ${to}`,
            isNull(later.id),
            sql`${volunteers.status} <> 'left'`,
          ),
        )
        .orderBy(asc(volunteerRecords.validTo), asc(volunteers.name));
    },

    /** Active volunteers with no insurance record covering `day`. */
    async countActiveUninsured(filter: SummaryFilter, day: string): Promise<number> {
      const [row] = await db
        .select({ value: count() })
        .from(volunteers)
        .leftJoin(station, eq(station.id, volunteers.stationId))
        .where(
          and(
            summaryConditions(filter),
            eq(volunteers.status, 'active'),
            sql`not exists (select 1 from volunteer_records r where r.volunteer_id = ${volunteers.id}
              and r.kind = 'insurance' and r.recorded_on <= ${day}
              and (r.valid_to is null or r.valid_to >= ${day}))`,
          ),
        );
      return row?.value ?? 0;
    },
  };
}

export type VolunteerSummaryRepository = ReturnType<typeof createVolunteerSummaryRepository>;
