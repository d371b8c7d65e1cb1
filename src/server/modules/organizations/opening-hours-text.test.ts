import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpeningHours, OpeningInterval } from '../../../contracts/organizations.js';
import { weekdays } from '../../../contracts/values.js';
import { formatOpeningHours, parseOpeningHours } from './opening-hours-text.js';

const office = [
  { opens: '08:30', closes: '12:00' },
  { opens: '13:30', closes: '17:30' },
];

function parsed(text: string): OpeningHours {
  const result = parseOpeningHours(text);
  if (!result.ok) throw new Error(`${text}: ${result.message} ${JSON.stringify(result.params)}`);
  return result.hours;
}

describe('formatOpeningHours', () => {
  it('should group consecutive days with the same intervals when formatting a week', () => {
    expect(
      formatOpeningHours({
        mon: office,
        tue: office,
        wed: office,
        thu: office,
        fri: office,
        sat: [{ opens: '09:00', closes: '12:00' }],
      }),
    ).toBe('周一至周五 08:30-12:00,13:30-17:30；周六 09:00-12:00');
  });

  it('should write separate groups when the same hours are not on consecutive days', () => {
    const hours = [{ opens: '09:00', closes: '11:00' }];
    expect(formatOpeningHours({ mon: hours, wed: hours })).toBe(
      '周一 09:00-11:00；周三 09:00-11:00',
    );
  });

  it('should write nothing when no day is open', () => {
    expect(formatOpeningHours({})).toBe('');
    expect(formatOpeningHours({ mon: [] })).toBe('');
  });
});

describe('parseOpeningHours', () => {
  it('should read the form the formatter writes', () => {
    expect(parsed('周一至周五 08:30-12:00,13:30-17:30；周六 09:00-12:00')).toEqual({
      mon: office,
      tue: office,
      wed: office,
      thu: office,
      fri: office,
      sat: [{ opens: '09:00', closes: '12:00' }],
    });
  });

  it('should read the usual variants when people write hours by hand', () => {
    const weekdaysOnly = { mon: office, tue: office, wed: office, thu: office, fri: office };
    expect(parsed('星期一到星期五 8:30—12:00、13:30～17:30')).toEqual(weekdaysOnly);
    expect(parsed('周一-五　０８：３０-１２：００，１３：３０-１７：３０')).toEqual(weekdaysOnly);
    expect(parsed('工作日 8点30-12点, 13点30-17点30；周末 休息')).toEqual(weekdaysOnly);
    expect(parsed('周一、周三 09:00-11:00\n周五 14:00-16:00')).toEqual({
      mon: [{ opens: '09:00', closes: '11:00' }],
      wed: [{ opens: '09:00', closes: '11:00' }],
      fri: [{ opens: '14:00', closes: '16:00' }],
    });
    expect(parsed('每天 09:00-17:00').sun).toEqual([{ opens: '09:00', closes: '17:00' }]);
    expect(parsed('周六至周一 10:00-12:00')).toEqual({
      sat: [{ opens: '10:00', closes: '12:00' }],
      sun: [{ opens: '10:00', closes: '12:00' }],
      mon: [{ opens: '10:00', closes: '12:00' }],
    });
    expect(parsed('  ')).toEqual({});
  });

  it('should say what is wrong when the text cannot be read', () => {
    expect(parseOpeningHours('全天开放')).toMatchObject({
      ok: false,
      message: 'spreadsheet.hours.format',
    });
    expect(parseOpeningHours('周一 上午')).toMatchObject({
      ok: false,
      message: 'spreadsheet.hours.format',
    });
    expect(parseOpeningHours('周一')).toMatchObject({
      ok: false,
      message: 'spreadsheet.hours.format',
    });
    expect(parseOpeningHours('周一 12:00-08:00')).toMatchObject({
      ok: false,
      message: 'spreadsheet.hours.interval',
      params: { text: '12:00-08:00' },
    });
    expect(parseOpeningHours('周一 25:00-26:00')).toMatchObject({
      message: 'spreadsheet.hours.interval',
    });
    expect(parseOpeningHours('周一 08:00-12:00,11:00-13:00')).toMatchObject({
      message: 'spreadsheet.hours.overlap',
    });
    expect(parseOpeningHours('周一至周五 08:00-12:00；周五 14:00-16:00')).toMatchObject({
      message: 'spreadsheet.hours.repeated',
      params: { day: '周五' },
    });
  });

  it('should give back any weekly hours when they are formatted and read again', () => {
    const minute = fc.integer({ min: 0, max: 23 * 60 + 59 });
    const clock = (value: number) =>
      `${String(Math.floor(value / 60)).padStart(2, '0')}:${String(value % 60).padStart(2, '0')}`;
    // Sorted, non-overlapping intervals from an even number of distinct minutes.
    const dayIntervals = fc.uniqueArray(minute, { minLength: 0, maxLength: 6 }).map((values) => {
      const sorted = [...values].sort((a, b) => a - b);
      const intervals: OpeningInterval[] = [];
      for (let index = 0; index + 1 < sorted.length; index += 2) {
        intervals.push({
          opens: clock(sorted[index] as number),
          closes: clock(sorted[index + 1] as number),
        });
      }
      return intervals;
    });
    const week = fc.tuple(...weekdays.map(() => dayIntervals)).map((days) => {
      const hours: OpeningHours = {};
      days.forEach((intervals, index) => {
        if (intervals.length > 0) hours[weekdays[index] as (typeof weekdays)[number]] = intervals;
      });
      return hours;
    });
    fc.assert(
      fc.property(week, (hours) => {
        expect(parsed(formatOpeningHours(hours))).toEqual(hours);
      }),
    );
  });
});
