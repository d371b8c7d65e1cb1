import type { OpeningHours, OpeningInterval, Weekday } from '../../contracts/organizations.js';
import { shanghaiLocalTime } from '../../contracts/opening-hours.js';
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

/**
 * A calendar date (YYYY-MM-DD) for people: "11月24日周二" / "Tue, Nov 24". Read as a date, not an
 * instant, so the browser's time zone cannot move it to the day before.
 */
export function calendarDateText(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** The day of a next opening as people say it: today, tomorrow, a weekday this week, or a date. */
export function openingDayText(
  next: { date: string; day: Weekday },
  today: string,
  t: Translate,
  locale: string,
): string {
  const daysAhead = Math.round(
    (Date.parse(`${next.date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
  if (daysAhead === 0) return t('openState.today');
  if (daysAhead === 1) return t('openState.tomorrow');
  if (daysAhead > 1 && daysAhead < 7) return t(`weekday.${next.day}`);
  return calendarDateText(next.date, locale);
}

/** The periods of a day as text, or "closed" when there are none. */
export function dayHoursText(intervals: readonly OpeningInterval[], t: Translate): string {
  return intervals.length === 0 ? t('portal.org.closedDay') : intervalsText(intervals);
}

/** Today's date where the bureau works (Asia/Shanghai), whatever the browser's zone. */
export function todayInShanghai(now: Date = new Date()): string {
  return shanghaiLocalTime(now).date;
}
