import { addDays } from '../../../../contracts/opening-hours.js';
import type { HoursException } from '../../../../contracts/organizations.js';
import { todayInShanghai } from '../../../kit/opening-hours.js';

const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

// The rules of the console's exceptions editor, kept apart from the component so they can be tested.

/** Trimmed, periods sorted, in date order: the shape the API stores and the editor compares. */
export function normalizeHoursExceptions(
  exceptions: HoursException[] | undefined,
): HoursException[] {
  return (exceptions ?? [])
    .map((exception) => ({
      date: exception.date.trim(),
      intervals: exception.intervals
        .map((interval) => ({ opens: interval.opens.trim(), closes: interval.closes.trim() }))
        .sort((a, b) => a.opens.localeCompare(b.opens)),
      note: exception.note.trim(),
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

export function sameHoursExceptions(a: HoursException[], b: HoursException[]): boolean {
  return (
    JSON.stringify(normalizeHoursExceptions(a)) === JSON.stringify(normalizeHoursExceptions(b))
  );
}

/** True when every exception has its own valid date and well-formed, non-overlapping periods. */
export function validHoursExceptions(exceptions: HoursException[] | undefined): boolean {
  const normalized = normalizeHoursExceptions(exceptions);
  const dates = new Set(normalized.map((exception) => exception.date));
  return (
    dates.size === normalized.length &&
    normalized.every(
      ({ date, intervals }) =>
        isoDate.test(date) &&
        !Number.isNaN(Date.parse(date)) &&
        intervals.every(
          (interval, index) =>
            clockTime.test(interval.opens) &&
            clockTime.test(interval.closes) &&
            interval.opens < interval.closes &&
            (index === 0 || (intervals[index - 1]?.closes ?? '') <= interval.opens),
        ),
    )
  );
}

/** The first day after the last exception (or today), so that adding rows never repeats a date. */
export function nextFreeDate(
  exceptions: readonly HoursException[],
  today = todayInShanghai(),
): string {
  const last = [...exceptions]
    .map((exception) => exception.date)
    .sort()
    .at(-1);
  return !last || last < today ? today : addDays(last, 1);
}
