import type { OpeningHours, OpeningInterval, Weekday } from '../../contracts/organizations.js';
import { weekdays } from '../../contracts/values.js';
import type { Translate } from './i18n/I18nProvider.js';

export interface OpeningHoursLine {
  days: string;
  times: string;
}

function intervalsText(intervals: readonly OpeningInterval[]): string {
  return [...intervals]
    .sort((a, b) => a.opens.localeCompare(b.opens))
    .map((interval) => `${interval.opens}–${interval.closes}`)
    .join(', ');
}

/**
 * Groups consecutive weekdays with the same hours into lines such as
 * "周一至周四 08:30–12:00, 13:30–17:30"; days missing from the pattern are closed and left out.
 */
export function openingHoursLines(hours: OpeningHours, t: Translate): OpeningHoursLine[] {
  const groups: Array<{ first: Weekday; last: Weekday; times: string }> = [];
  let previousDayOpen = false;
  for (const day of weekdays) {
    const intervals = hours[day];
    if (!intervals || intervals.length === 0) {
      previousDayOpen = false;
      continue;
    }
    const times = intervalsText(intervals);
    const current = groups.at(-1);
    if (previousDayOpen && current && current.times === times) current.last = day;
    else groups.push({ first: day, last: day, times });
    previousDayOpen = true;
  }
  return groups.map(({ first, last, times }) => ({
    days:
      first === last
        ? t(`weekday.${first}`)
        : t('hours.dayRange', { from: t(`weekday.${first}`), to: t(`weekday.${last}`) }),
    times,
  }));
}

/** One line of text for lists; the detail page shows every line. */
export function openingHoursText(hours: OpeningHours, t: Translate): string {
  const lines = openingHoursLines(hours, t);
  if (lines.length === 0) return t('hours.none');
  return lines.map((line) => `${line.days} ${line.times}`).join(t('hours.separator'));
}
