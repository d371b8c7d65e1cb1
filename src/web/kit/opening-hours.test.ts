import { describe, expect, it } from 'vitest';
import { assembleCatalogue } from './i18n/catalogue.js';
import type { Translate } from './i18n/I18nProvider.js';
import {
  calendarDateText,
  dayHoursText,
  openingDayText,
  todayInShanghai,
} from './opening-hours.js';

/** The shared catalogue alone: opening hours use no module's labels. */
const zhCN = assembleCatalogue([])['zh-CN'];

const t: Translate = (key, params) =>
  zhCN[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));

describe('opening hours text of the web apps', () => {
  it('should name today, tomorrow, a weekday this week, or else the date', () => {
    const today = '2026-11-24';
    expect(openingDayText({ date: '2026-11-24', day: 'tue' }, today, t, 'zh-CN')).toBe('今天');
    expect(openingDayText({ date: '2026-11-25', day: 'wed' }, today, t, 'zh-CN')).toBe('明天');
    expect(openingDayText({ date: '2026-11-30', day: 'mon' }, today, t, 'zh-CN')).toBe('周一');
    expect(openingDayText({ date: '2026-12-04', day: 'fri' }, today, t, 'zh-CN')).toBe(
      calendarDateText('2026-12-04', 'zh-CN'),
    );
  });

  it('should keep the calendar date whatever the browser zone when formatting', () => {
    expect(calendarDateText('2026-12-04', 'zh-CN')).toContain('12月4日');
    expect(calendarDateText('2026-12-04', 'en-US')).toContain('Dec 4');
  });

  it('should say closed for a day without periods and list the periods otherwise', () => {
    expect(dayHoursText([], t)).toBe('休息');
    expect(
      dayHoursText(
        [
          { opens: '13:30', closes: '17:00' },
          { opens: '09:00', closes: '12:00' },
        ],
        t,
      ),
    ).toBe('09:00–12:00, 13:30–17:00');
  });

  it('should read today in Shanghai when the UTC date is still the day before', () => {
    expect(todayInShanghai(new Date('2026-11-23T16:30:00Z'))).toBe('2026-11-24');
  });
});
