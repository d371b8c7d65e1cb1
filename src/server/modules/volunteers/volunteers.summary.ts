import type { VolunteerSummary, VolunteerSummaryQuery } from '../../../contracts/volunteers.js';
import type { VolunteerKind, VolunteerStatus } from '../../../contracts/values.js';
import { volunteerKinds, volunteerStatuses } from '../../../contracts/values.js';
import type { DataScope } from '../../platform/access/actor.js';
import type { VolunteerSummaryRepository } from './volunteers.summary.repository.js';

/** How far ahead the summary warns that insurance cover ends. */
export const INSURANCE_WARNING_DAYS = 30;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Counts, this year's hours by station and insurance about to end, within the caller's scope. */
/** Counts, this year's hours by station and insurance about to end, within the caller's scope. */
export async function summarizeVolunteers(
  repository: VolunteerSummaryRepository,
  query: VolunteerSummaryQuery,
  scope: DataScope,
  day: string,
): Promise<VolunteerSummary> {
  const filter = { scope, division: query.division };
  const year = Number(day.slice(0, 4));
  const [counts, stations, ending, activeUninsured] = await Promise.all([
    repository.countByKindAndStatus(filter),
    repository.hoursByStation(filter, `${year}-01-01`, day),
    repository.insuranceEnding(filter, day, addDays(day, INSURANCE_WARNING_DAYS)),
    repository.countActiveUninsured(filter, day),
  ]);
  const byKind = Object.fromEntries(volunteerKinds.map((kind) => [kind, 0])) as Record<
    VolunteerKind,
    number
  >;
  const byStatus = Object.fromEntries(volunteerStatuses.map((status) => [status, 0])) as Record<
    VolunteerStatus,
    number
  >;
  for (const row of counts) {
    byKind[row.kind] += row.count;
    byStatus[row.status] += row.count;
  }
  return {
    total: counts.reduce((sum, row) => sum + row.count, 0),
    byKind,
    byStatus,
    year,
    hoursThisYear: Math.round(stations.reduce((sum, row) => sum + row.hours, 0) * 10) / 10,
    stations,
    activeUninsured,
    insuranceExpiring: ending.map((row) => ({
      ...row,
      daysLeft: daysBetween(day, row.validTo),
    })),
  };
}
