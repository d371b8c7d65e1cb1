// Opening hours as an edit form holds them, checked and normalized for the API; pure, so the
// domains' form mappings can use and test it without React.
import type { OpeningHours } from '../../contracts/organizations.js';
import { weekdays } from '../../contracts/values.js';

const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Days with no periods are closed and left out, as the API stores them. */
export function normalizeOpeningHours(hours: OpeningHours | undefined): OpeningHours {
  const normalized: OpeningHours = {};
  for (const day of weekdays) {
    const intervals = hours?.[day];
    if (!intervals || intervals.length === 0) continue;
    normalized[day] = intervals
      .map((interval) => ({ opens: interval.opens.trim(), closes: interval.closes.trim() }))
      .sort((a, b) => a.opens.localeCompare(b.opens));
  }
  return normalized;
}

export function sameOpeningHours(a: OpeningHours, b: OpeningHours): boolean {
  return JSON.stringify(normalizeOpeningHours(a)) === JSON.stringify(normalizeOpeningHours(b));
}

/** True when every period reads HH:MM, ends after it starts, and no two on a day overlap. */
export function validOpeningHours(hours: OpeningHours | undefined): boolean {
  const normalized = normalizeOpeningHours(hours);
  return weekdays.every((day) => {
    const intervals = normalized[day] ?? [];
    return intervals.every(
      (interval, index) =>
        clockTime.test(interval.opens) &&
        clockTime.test(interval.closes) &&
        interval.opens < interval.closes &&
        (index === 0 || (intervals[index - 1]?.closes ?? '') <= interval.opens),
    );
  });
}
