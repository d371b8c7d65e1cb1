import { describe, expect, it } from 'vitest';
import type { HoursException, OpeningHours } from '../../../contracts/organizations.js';
import {
  addDays,
  openNow,
  shanghaiLocalTime,
  upcomingExceptions,
  weekdayIndexOf,
} from './opening-hours.js';

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
  it('should read the Shanghai date, weekday and time when the UTC date is still the day before', () => {
    expect(shanghaiLocalTime(new Date('2026-11-22T16:30:00Z'))).toEqual({
      date: '2026-11-23',
      dayIndex: 0,
      time: '00:30',
    });
  });
});

describe('calendar helpers', () => {
  it('should cross month and year ends when adding days', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('should count Monday as 0 and Sunday as 6 when reading a weekday', () => {
    expect(weekdayIndexOf('2026-11-23')).toBe(0);
    expect(weekdayIndexOf('2026-11-29')).toBe(6);
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
      opensNext: { date: '2026-11-23', day: 'mon', time: '08:30' },
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
      opensNext: { date: '2026-11-25', day: 'wed', time: '08:30' },
    });
  });

  it('should be closed until the afternoon when in the lunch break', () => {
    expect(openNow(weekdayHours, shanghai('2026-11-23T12:00'))).toEqual({
      open: false,
      opensNext: { date: '2026-11-23', day: 'mon', time: '13:30' },
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
      opensNext: { date: '2026-11-30', day: 'mon', time: '18:00' },
    });
    expect(openNow(lateHours, shanghai('2026-11-24T00:30'))).toEqual({
      open: false,
      opensNext: { date: '2026-11-30', day: 'mon', time: '18:00' },
    });
  });

  it('should open next on Monday when asked on a Friday evening or at the weekend', () => {
    const monday = { open: false, opensNext: { date: '2026-11-30', day: 'mon', time: '08:30' } };
    expect(openNow(weekdayHours, shanghai('2026-11-27T17:00'))).toEqual(monday);
    expect(openNow(weekdayHours, shanghai('2026-11-28T10:00'))).toEqual(monday);
    expect(openNow(weekdayHours, shanghai('2026-11-29T23:59'))).toEqual(monday);
  });

  it('should be closed on a day without hours when that day is missing', () => {
    expect(
      openNow({ sat: [{ opens: '09:00', closes: '12:00' }] }, shanghai('2026-11-25T10:00')),
    ).toEqual({ open: false, opensNext: { date: '2026-11-28', day: 'sat', time: '09:00' } });
  });

  it('should reopen the same weekday next week when only today has hours and they are over', () => {
    expect(
      openNow({ mon: [{ opens: '09:00', closes: '12:00' }] }, shanghai('2026-11-23T15:00')),
    ).toEqual({ open: false, opensNext: { date: '2026-11-30', day: 'mon', time: '09:00' } });
  });

  it('should be closed with no next opening when the hours are empty', () => {
    expect(openNow({}, shanghai('2026-11-23T10:00'))).toEqual({ open: false });
  });
});

describe('openNow with dated exceptions', () => {
  const holiday: HoursException = {
    date: '2026-11-24',
    intervals: [],
    note: '系统维护停止对外办公',
  };

  it('should be closed with the note when today has a closed-day exception', () => {
    expect(openNow(weekdayHours, shanghai('2026-11-24T10:00'), [holiday])).toEqual({
      open: false,
      opensNext: { date: '2026-11-25', day: 'wed', time: '08:30' },
      note: '系统维护停止对外办公',
    });
  });

  it('should skip a closed day when looking for the next opening', () => {
    expect(openNow(weekdayHours, shanghai('2026-11-23T18:00'), [holiday])).toEqual({
      open: false,
      opensNext: { date: '2026-11-25', day: 'wed', time: '08:30' },
    });
  });

  it('should use the exception’s intervals instead of the weekly ones when today has one', () => {
    const shortDay: HoursException = {
      date: '2026-11-23',
      intervals: [{ opens: '09:00', closes: '11:00' }],
      note: '下午集中学习',
    };
    expect(openNow(weekdayHours, shanghai('2026-11-23T10:00'), [shortDay])).toEqual({
      open: true,
      closesAt: '11:00',
      note: '下午集中学习',
    });
    expect(openNow(weekdayHours, shanghai('2026-11-23T14:00'), [shortDay])).toEqual({
      open: false,
      opensNext: { date: '2026-11-24', day: 'tue', time: '08:30' },
      note: '下午集中学习',
    });
  });

  it('should be open on a weekend day when an exception adds working hours (调休)', () => {
    const makeUpDay: HoursException = {
      date: '2026-11-29',
      intervals: [{ opens: '08:30', closes: '17:00' }],
      note: '',
    };
    expect(openNow(weekdayHours, shanghai('2026-11-29T09:00'), [makeUpDay])).toEqual({
      open: true,
      closesAt: '17:00',
    });
    expect(openNow(weekdayHours, shanghai('2026-11-28T09:00'), [makeUpDay]).opensNext).toEqual({
      date: '2026-11-29',
      day: 'sun',
      time: '08:30',
    });
  });

  it('should find the reopening beyond a week when a long closure covers the next days', () => {
    const closure = Array.from({ length: 10 }, (_, day) => ({
      date: addDays('2026-11-24', day),
      intervals: [],
      note: '装修',
    }));
    expect(openNow(weekdayHours, shanghai('2026-11-24T10:00'), closure)).toEqual({
      open: false,
      opensNext: { date: '2026-12-04', day: 'fri', time: '08:30' },
      note: '装修',
    });
  });

  it('should ignore an exception of another date when today follows the weekly pattern', () => {
    expect(openNow(weekdayHours, shanghai('2026-11-25T10:00'), [holiday])).toEqual({
      open: true,
      closesAt: '17:30',
    });
  });
});

describe('upcomingExceptions', () => {
  it('should keep today through the coming 30 days in date order when others are past or later', () => {
    const exceptions: HoursException[] = [
      { date: '2026-12-31', intervals: [], note: '' },
      { date: '2026-11-22', intervals: [], note: '' },
      { date: '2026-12-23', intervals: [], note: '' },
      { date: '2026-11-23', intervals: [], note: '' },
    ];
    expect(
      upcomingExceptions(exceptions, shanghai('2026-11-23T20:00')).map((entry) => entry.date),
    ).toEqual(['2026-11-23', '2026-12-23']);
  });
});
