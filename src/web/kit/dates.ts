// Dates of volunteers' service and cover, counted in Asia/Shanghai whatever the browser's zone.

const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** Today as YYYY-MM-DD where the bureau works. */
export function todayInShanghai(now: Date = new Date()): string {
  return shanghaiDate.format(now);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** How far ahead an ending insurance cover is flagged, as on the server's summary. */
export const coverWarningDays = 30;

export type CoverState =
  | { state: 'none' }
  | { state: 'expired' }
  | { state: 'expiring'; days: number }
  | { state: 'valid' };

/** Whether cover ending on `validTo` has ended, ends soon, or holds. */
export function coverState(validTo: string | null, today: string = todayInShanghai()): CoverState {
  if (!validTo) return { state: 'none' };
  const days = daysBetween(today, validTo);
  if (days < 0) return { state: 'expired' };
  if (days <= coverWarningDays) return { state: 'expiring', days };
  return { state: 'valid' };
}
