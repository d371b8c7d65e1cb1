import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../../contracts/organizations.js';
import { openNow, shanghaiLocalTime } from './opening-hours.js';

/** An instant given as Asia/Shanghai wall-clock time (UTC+8, no daylight saving). */
const shanghai = (local: string) => new Date(`${local}:00+08:00`);

// 2026-11-23 is a Monday.
const weekdayHours: OpeningHours = {
  mon: [
    { opens: '13:30', closes: '17:30' },
    { opens: '08:30', closes: '12:00' },
  ],
  tue: [{ opens: '08:30', closes: '17:30' }],
  wed: [{ opens: '08:30', closes: '17:30' }],
  thu: [{ opens: '08:30', closes: '17:30' }],
  fri: [
    { opens: '08:30', closes: '12:00' },
    { opens: '13:30', closes: '17:00' },
  ],
};

describe('shanghaiLocalTime', () => {
  it('should read the Shanghai weekday and time when the UTC date is still the day before', () => {
    expect(shanghaiLocalTime(new Date('2026-11-22T16:30:00Z'))).toEqual({
      dayIndex: 0,
      time: '00:30',
    });
  });
});

describe('openNow', () => {
  it('should be open until the closing time when at the opening minute', () => {
    expect(openNow(weekdayHours, shanghai('2026-11-23T08:30'))).toEqual({
      open: true,
      closesAt: '12:00',
    });
  });

  it('should be closed and name the next opening when one minute before opening', () => {
    expect(openNow(weekdayHours, shanghai('2026-11-23T08:29'))).toEqual({
      open: false,
      opensNext: { day: 'mon', time: '08:30' },
    });
  });

  it('should be open when at the last minute before closing', () => {
    expect(openNow(weekdayHours, shanghai('2026-11-24T17:29'))).toEqual({
      open: true,
      closesAt: '17:30',
    });
  });

  it('should be closed and open next morning when at the closing minute', () => {
    expect(openNow(weekdayHours, shanghai('2026-11-24T17:30'))).toEqual({
      open: false,
      opensNext: { day: 'wed', time: '08:30' },
    });
  });

  it('should be closed until the afternoon when in the lunch break', () => {
    expect(openNow(weekdayHours, shanghai('2026-11-23T12:00'))).toEqual({
      open: false,
      opensNext: { day: 'mon', time: '13:30' },
    });
    expect(openNow(weekdayHours, shanghai('2026-11-23T13:30'))).toEqual({
      open: true,
      closesAt: '17:30',
    });
  });

  it('should not carry the evening over midnight when an interval ends at 23:59', () => {
    const lateHours: OpeningHours = { mon: [{ opens: '18:00', closes: '23:59' }] };
    expect(openNow(lateHours, shanghai('2026-11-23T23:58')).open).toBe(true);
    expect(openNow(lateHours, shanghai('2026-11-23T23:59'))).toEqual({
      open: false,
      opensNext: { day: 'mon', time: '18:00' },
    });
    expect(openNow(lateHours, shanghai('2026-11-24T00:30'))).toEqual({
      open: false,
      opensNext: { day: 'mon', time: '18:00' },
    });
  });

  it('should open next on Monday when asked on a Friday evening or at the weekend', () => {
    const monday = { open: false, opensNext: { day: 'mon', time: '08:30' } };
    expect(openNow(weekdayHours, shanghai('2026-11-27T17:00'))).toEqual(monday);
    expect(openNow(weekdayHours, shanghai('2026-11-28T10:00'))).toEqual(monday);
    expect(openNow(weekdayHours, shanghai('2026-11-29T23:59'))).toEqual(monday);
  });

  it('should be closed on a day without hours when that day is missing', () => {
    expect(
      openNow({ sat: [{ opens: '09:00', closes: '12:00' }] }, shanghai('2026-11-25T10:00')),
    ).toEqual({ open: false, opensNext: { day: 'sat', time: '09:00' } });
  });

  it('should reopen the same weekday next week when only today has hours and they are over', () => {
    expect(
      openNow({ mon: [{ opens: '09:00', closes: '12:00' }] }, shanghai('2026-11-23T15:00')),
    ).toEqual({ open: false, opensNext: { day: 'mon', time: '09:00' } });
  });

  it('should be closed with no next opening when the hours are empty', () => {
    expect(openNow({}, shanghai('2026-11-23T10:00'))).toEqual({ open: false });
  });
});
