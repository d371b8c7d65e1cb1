// Open-now from a weekly pattern and dated exceptions, in Asia/Shanghai local time. Zod-free and
// pure, so the server (nearest answers) and the portal (a station's page) compute it the same way.
import type { HoursException, OpeningHours, OpeningInterval, Weekday } from './organizations.js';
import { weekdays } from './values.js';

/** A local clock time, `HH:MM` (24-hour). */
export type ClockTime = string;

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface OpenState {
  open: boolean;
  /** When open: the end of the current interval. */
  closesAt?: ClockTime;
  /** When closed: the next opening within the look-ahead; absent when there is none. */
  opensNext?: { date: IsoDate; day: Weekday; time: ClockTime };
  /** The note of the exception that applies today (a holiday, a closure), when it has one. */
  note?: string;
}

/** How far ahead a closed place looks for its next opening: long holidays and closures fit. */
export const OPENS_NEXT_LOOKAHEAD_DAYS = 31;

// One formatter for the process: building an Intl.DateTimeFormat costs far more than using it.
const shanghaiClock = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The date, weekday (index into `weekdays`, Monday 0) and `HH:MM` of an instant in Asia/Shanghai. */
export function shanghaiLocalTime(at: Date): { date: IsoDate; dayIndex: number; time: ClockTime } {
  const parts: Record<string, string> = {};
  for (const part of shanghaiClock.formatToParts(at)) parts[part.type] = part.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, dayIndex: weekdayIndexOf(date), time: `${parts.hour}:${parts.minute}` };
}

function utcMidnight(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The calendar date `days` after (or before, when negative) `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const moved = utcMidnight(date);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** Monday 0 … Sunday 6, as `weekdays` orders them. */
export function weekdayIndexOf(date: IsoDate): number {
  return (utcMidnight(date).getUTCDay() + 6) % 7;
}

function sorted(intervals: readonly OpeningInterval[]): OpeningInterval[] {
  return [...intervals].sort((a, b) => a.opens.localeCompare(b.opens));
}

/** A day's hours: its exception's when it has one (none = closed), else the weekly pattern's. */
export function hoursOn(
  date: IsoDate,
  hours: OpeningHours,
  exceptions: ReadonlyMap<IsoDate, HoursException>,
): { intervals: OpeningInterval[]; exception?: HoursException } {
  const exception = exceptions.get(date);
  if (exception) return { intervals: sorted(exception.intervals), exception };
  const day = weekdays[weekdayIndexOf(date)] as Weekday;
  return { intervals: sorted(hours[day] ?? []) };
}

function byDate(exceptions: readonly HoursException[]): Map<IsoDate, HoursException> {
  return new Map(exceptions.map((exception) => [exception.date, exception]));
}

function opening(date: IsoDate, time: ClockTime): OpenState['opensNext'] {
  return { date, day: weekdays[weekdayIndexOf(date)] as Weekday, time };
}

/**
 * Whether a place is open at an instant, in Asia/Shanghai local time. A dated exception replaces
 * the weekly pattern for its day (no intervals = closed, e.g. a public holiday). An interval
 * includes its opening minute and excludes its closing minute; intervals never cross midnight
 * (the contract requires `opens < closes`).
 */
export function openNow(
  hours: OpeningHours,
  at: Date,
  exceptions: readonly HoursException[] = [],
): OpenState {
  const { date, time } = shanghaiLocalTime(at);
  const exceptionsByDate = byDate(exceptions);
  const today = hoursOn(date, hours, exceptionsByDate);
  const note = today.exception?.note ? { note: today.exception.note } : {};

  const current = today.intervals.find(
    (interval) => interval.opens <= time && time < interval.closes,
  );
  if (current) return { open: true, closesAt: current.closes, ...note };

  const laterToday = today.intervals.find((interval) => interval.opens > time);
  if (laterToday) return { open: false, opensNext: opening(date, laterToday.opens), ...note };

  for (let ahead = 1; ahead <= OPENS_NEXT_LOOKAHEAD_DAYS; ahead += 1) {
    const next = addDays(date, ahead);
    const [first] = hoursOn(next, hours, exceptionsByDate).intervals;
    if (first) return { open: false, opensNext: opening(next, first.opens), ...note };
  }
  return { open: false, ...note };
}

/** The exceptions from today (Asia/Shanghai) through the next `days` days, in date order. */
export function upcomingExceptions(
  exceptions: readonly HoursException[],
  at: Date,
  days = 30,
): HoursException[] {
  const { date: today } = shanghaiLocalTime(at);
  const last = addDays(today, days);
  return exceptions
    .filter((exception) => exception.date >= today && exception.date <= last)
    .sort((a, b) => a.date.localeCompare(b.date));
}
