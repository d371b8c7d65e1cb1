/** Today's date in Asia/Shanghai, where the bureau works, as YYYY-MM-DD. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/** The calendar day before an ISO date. */
export function dayBefore(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** The first instant of a calendar day in Asia/Shanghai (UTC+8, no daylight saving). */
export function startOfShanghaiDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+08:00`);
}
