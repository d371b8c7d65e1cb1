import { describe, expect, it } from 'vitest';
import { coverState, daysBetween, todayInShanghai } from './dates.js';

describe('volunteer dates', () => {
  it('should count today in Shanghai when UTC is still on the day before', () => {
    expect(todayInShanghai(new Date('2026-11-23T17:30:00Z'))).toBe('2026-11-24');
  });

  it('should count whole days across a month end', () => {
    expect(daysBetween('2026-11-24', '2026-12-10')).toBe(16);
    expect(daysBetween('2026-12-10', '2026-11-24')).toBe(-16);
  });

  it('should flag cover ending within 30 days and tell ended cover apart', () => {
    expect(coverState(null, '2026-11-24')).toEqual({ state: 'none' });
    expect(coverState('2026-11-23', '2026-11-24')).toEqual({ state: 'expired' });
    expect(coverState('2026-11-24', '2026-11-24')).toEqual({ state: 'expiring', days: 0 });
    expect(coverState('2026-12-24', '2026-11-24')).toEqual({ state: 'expiring', days: 30 });
    expect(coverState('2026-12-25', '2026-11-24')).toEqual({ state: 'valid' });
  });
});
