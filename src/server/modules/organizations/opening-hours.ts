import type { OpeningHours, OpeningInterval, Weekday } from '../../../contracts/organizations.js';
import { weekdays } from '../../../contracts/values.js';

/** A local clock time, `HH:MM` (24-hour). */
export type ClockTime = string;

export interface OpenState {
  open: boolean;
  /** When open: the end of the current interval. */
  closesAt?: ClockTime;
  /** When closed: the next opening within the coming week; absent when the hours are empty. */
  opensNext?: { day: Weekday; time: ClockTime };
}

// One formatter for the process: building an Intl.DateTimeFormat costs far more than using it.
const shanghaiClock = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const weekdayByShortName: Record<string, number> = {
  Mon: 0,
  Tue: 1,
  Wed: 2,
  Thu: 3,
  Fri: 4,
  Sat: 5,
  Sun: 6,
};

/** The weekday (index into `weekdays`) and `HH:MM` of an instant in Asia/Shanghai. */
export function shanghaiLocalTime(at: Date): { dayIndex: number; time: ClockTime } {
  let weekday = '';
  let hour = '00';
  let minute = '00';
  for (const part of shanghaiClock.formatToParts(at)) {
    if (part.type === 'weekday') weekday = part.value;
    else if (part.type === 'hour') hour = part.value;
    else if (part.type === 'minute') minute = part.value;
  }
  const dayIndex = weekdayByShortName[weekday];
  if (dayIndex === undefined) throw new Error(`unexpected weekday ${weekday}`);
  return { dayIndex, time: `${hour}:${minute}` };
}

function intervalsOf(hours: OpeningHours, dayIndex: number): OpeningInterval[] {
  const day = weekdays[dayIndex % 7] as Weekday;
  return [...(hours[day] ?? [])].sort((a, b) => a.opens.localeCompare(b.opens));
}

/**
 * Whether a place with these weekly hours is open at an instant, in Asia/Shanghai local time.
 * An interval includes its opening minute and excludes its closing minute. Intervals never cross
 * midnight (the contract requires `opens < closes`).
 */
export function openNow(hours: OpeningHours, at: Date): OpenState {
  const { dayIndex, time } = shanghaiLocalTime(at);
  const today = intervalsOf(hours, dayIndex);
  const current = today.find((interval) => interval.opens <= time && time < interval.closes);
  if (current) return { open: true, closesAt: current.closes };

  const laterToday = today.find((interval) => interval.opens > time);
  if (laterToday) {
    return {
      open: false,
      opensNext: { day: weekdays[dayIndex] as Weekday, time: laterToday.opens },
    };
  }
  // Tomorrow through the same weekday next week (whose first interval has started by then).
  for (let ahead = 1; ahead <= 7; ahead += 1) {
    const [first] = intervalsOf(hours, dayIndex + ahead);
    if (first) {
      return {
        open: false,
        opensNext: { day: weekdays[(dayIndex + ahead) % 7] as Weekday, time: first.opens },
      };
    }
  }
  return { open: false };
}
