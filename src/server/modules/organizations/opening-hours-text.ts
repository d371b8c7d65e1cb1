import type { OpeningHours, OpeningInterval, Weekday } from '../../../contracts/organizations.js';
import { weekdays } from '../../../contracts/values.js';

/**
 * Weekly opening hours as one line of text, the way office notices write them:
 * `周一至周五 08:30-12:00,13:30-17:30；周六 09:00-12:00`. {@link formatOpeningHours} groups
 * consecutive days with the same intervals; {@link parseOpeningHours} reads that form and the
 * usual variants (星期一, 周一到周五, 周一-周五, 周一、周三, 工作日, 每天, 周末, full-width
 * punctuation, 8:30, 8点30, 休息) and gives back the same hours.
 */

const dayNames: Record<Weekday, string> = {
  mon: '周一',
  tue: '周二',
  wed: '周三',
  thu: '周四',
  fri: '周五',
  sat: '周六',
  sun: '周日',
};

const GROUP_SEPARATOR = '；';
const INTERVAL_SEPARATOR = ',';

function sortedIntervals(intervals: readonly OpeningInterval[]): OpeningInterval[] {
  return [...intervals].sort((a, b) => a.opens.localeCompare(b.opens));
}

function intervalsText(intervals: readonly OpeningInterval[]): string {
  return sortedIntervals(intervals)
    .map((interval) => `${interval.opens}-${interval.closes}`)
    .join(INTERVAL_SEPARATOR);
}

/** The hours as one line; '' when no day is open. */
export function formatOpeningHours(hours: OpeningHours): string {
  const groups: Array<{ first: Weekday; last: Weekday; times: string }> = [];
  let previousOpen = false;
  for (const day of weekdays) {
    const intervals = hours[day];
    if (!intervals || intervals.length === 0) {
      previousOpen = false;
      continue;
    }
    const times = intervalsText(intervals);
    const current = groups.at(-1);
    if (previousOpen && current && current.times === times) current.last = day;
    else groups.push({ first: day, last: day, times });
    previousOpen = true;
  }
  return groups
    .map(({ first, last, times }) => {
      const days = first === last ? dayNames[first] : `${dayNames[first]}至${dayNames[last]}`;
      return `${days} ${times}`;
    })
    .join(GROUP_SEPARATOR);
}

export type OpeningHoursParse =
  | { ok: true; hours: OpeningHours }
  | { ok: false; message: string; params: Record<string, string> };

const dayByChar: Record<string, number> = {
  一: 0,
  二: 1,
  三: 2,
  四: 3,
  五: 4,
  六: 5,
  日: 6,
  天: 6,
  七: 6,
};

const englishDays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

// A day: 周一, 星期一, 礼拜一, or mon…sun. After a range or list word the prefix may be left out
// (周一至五).
const DAY = '(?:(?:周|星期|礼拜)[一二三四五六日天七]|mon|tue|wed|thu|fri|sat|sun)';
const BARE_DAY = '(?:[一二三四五六日天七])';
const RANGE = '\\s*(?:至|到|~|-)\\s*';
const LIST = '\\s*[、,/]\\s*';
const DAY_ITEM = `${DAY}(?:${RANGE}(?:${DAY}|${BARE_DAY}))?`;
const NAMED = '(?:每天|每日|全周|天天|工作日|周末|双休日)';
const DAY_SPEC = new RegExp(`(?:${NAMED}|${DAY_ITEM}(?:${LIST}${DAY_ITEM})*)`, 'gi');
const DAY_TOKEN = new RegExp(`${DAY}|${BARE_DAY}`, 'gi');
const TIME = '(\\d{1,2})\\s*(?::|点|时|\\.)\\s*(\\d{2})?\\s*分?';
const INTERVAL = new RegExp(`${TIME}\\s*(?:-|~|至|到)\\s*${TIME}`, 'g');
const CLOSED_WORDS = /^(休息|不办公|闭馆|关闭|休|closed)$/i;
const FILLER = /[\s,;、/和及]+/g;

function dayIndex(token: string): number {
  const lower = token.toLowerCase();
  const english = englishDays.indexOf(lower);
  if (english >= 0) return english;
  const index = dayByChar[token.at(-1) ?? ''];
  return index ?? -1;
}

function namedDays(spec: string): number[] | null {
  switch (spec) {
    case '每天':
    case '每日':
    case '全周':
    case '天天':
      return [0, 1, 2, 3, 4, 5, 6];
    case '工作日':
      return [0, 1, 2, 3, 4];
    case '周末':
    case '双休日':
      return [5, 6];
    default:
      return null;
  }
}

/** The days of one spec such as 周一至周三、周五; a range may wrap the week (周六至周一). */
function daysOf(spec: string): number[] {
  const named = namedDays(spec.trim());
  if (named) return named;
  const days: number[] = [];
  for (const item of spec.split(new RegExp(LIST))) {
    const tokens = item.match(DAY_TOKEN) ?? [];
    const [from, to] = tokens.map(dayIndex);
    if (from === undefined || from < 0) continue;
    if (to === undefined || to < 0 || tokens.length < 2) {
      days.push(from);
      continue;
    }
    for (let day = from; ; day = (day + 1) % 7) {
      days.push(day);
      if (day === to) break;
    }
  }
  return days;
}

function clock(hour: string | undefined, minute: string | undefined): string | null {
  const h = Number(hour);
  const m = minute === undefined ? 0 : Number(minute);
  if (!Number.isInteger(h) || h > 23 || m > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function failure(message: string, params: Record<string, string>): OpeningHoursParse {
  return { ok: false, message, params };
}

/**
 * Reads hours written as {@link formatOpeningHours} writes them (and common variants). Blank =
 * no published hours ({}). Problems come back as message keys `spreadsheet.hours.*`.
 */
export function parseOpeningHours(text: string): OpeningHoursParse {
  const source = text
    .normalize('NFKC')
    .replace(/[—–－~～]/g, '-')
    .replace(/[：]/g, ':')
    .trim();
  if (source === '') return { ok: true, hours: {} };
  const specs = [...source.matchAll(DAY_SPEC)];
  const first = specs[0];
  if (!first || source.slice(0, first.index).replace(FILLER, '') !== '') {
    return failure('spreadsheet.hours.format', { text: source.slice(0, 40) });
  }
  const hours: OpeningHours = {};
  const seen = new Set<number>();
  for (const [position, spec] of specs.entries()) {
    const start = (spec.index ?? 0) + spec[0].length;
    const end = specs[position + 1]?.index ?? source.length;
    const times = source.slice(start, end);
    const intervals: OpeningInterval[] = [];
    for (const match of times.matchAll(INTERVAL)) {
      const opens = clock(match[1], match[2]);
      const closes = clock(match[3], match[4]);
      if (!opens || !closes || opens >= closes) {
        return failure('spreadsheet.hours.interval', { text: match[0].trim() });
      }
      intervals.push({ opens, closes });
    }
    const rest = times.replace(INTERVAL, ' ').replace(FILLER, '');
    if (rest !== '' && !(intervals.length === 0 && CLOSED_WORDS.test(rest))) {
      return failure('spreadsheet.hours.format', {
        text: `${spec[0]}${times}`.trim().slice(0, 40),
      });
    }
    if (intervals.length === 0 && rest === '') {
      return failure('spreadsheet.hours.format', { text: spec[0] });
    }
    const sorted = sortedIntervals(intervals);
    for (let index = 1; index < sorted.length; index += 1) {
      if (
        (sorted[index] as OpeningInterval).opens < (sorted[index - 1] as OpeningInterval).closes
      ) {
        return failure('spreadsheet.hours.overlap', { day: spec[0] });
      }
    }
    for (const day of daysOf(spec[0])) {
      const weekday = weekdays[day] as Weekday;
      if (seen.has(day)) return failure('spreadsheet.hours.repeated', { day: dayNames[weekday] });
      seen.add(day);
      if (sorted.length > 0) hours[weekday] = sorted.map((interval) => ({ ...interval }));
    }
  }
  return { ok: true, hours };
}
