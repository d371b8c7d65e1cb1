import { describe, expect, it } from 'vitest';
import {
  nextFreeDate,
  normalizeHoursExceptions,
  sameHoursExceptions,
  validHoursExceptions,
} from './hours-exceptions.js';

const closed = (date: string, note = '') => ({ date, intervals: [], note });

describe('hours exceptions of the console editor', () => {
  it('should sort by date and trim when normalizing', () => {
    expect(
      normalizeHoursExceptions([
        {
          date: '2026-12-02',
          intervals: [
            { opens: '13:30', closes: '17:00' },
            { opens: ' 09:00', closes: '11:00 ' },
          ],
          note: ' 调整 ',
        },
        closed('2026-12-01'),
      ]),
    ).toEqual([
      closed('2026-12-01'),
      {
        date: '2026-12-02',
        intervals: [
          { opens: '09:00', closes: '11:00' },
          { opens: '13:30', closes: '17:00' },
        ],
        note: '调整',
      },
    ]);
  });

  it('should see no change when only the order differs', () => {
    expect(
      sameHoursExceptions(
        [closed('2026-12-01'), closed('2026-12-02')],
        [closed('2026-12-02'), closed('2026-12-01')],
      ),
    ).toBe(true);
    expect(sameHoursExceptions([closed('2026-12-01')], [closed('2026-12-01', '元旦')])).toBe(false);
  });

  it('should refuse a repeated date, a missing date or a backwards period', () => {
    expect(validHoursExceptions([closed('2026-12-01'), closed('2026-12-02')])).toBe(true);
    expect(validHoursExceptions([closed('2026-12-01'), closed('2026-12-01')])).toBe(false);
    expect(validHoursExceptions([closed('')])).toBe(false);
    expect(
      validHoursExceptions([
        { date: '2026-12-01', intervals: [{ opens: '17:00', closes: '09:00' }], note: '' },
      ]),
    ).toBe(false);
    expect(
      validHoursExceptions([
        {
          date: '2026-12-01',
          intervals: [
            { opens: '09:00', closes: '12:00' },
            { opens: '11:00', closes: '15:00' },
          ],
          note: '',
        },
      ]),
    ).toBe(false);
  });

  it('should offer the day after the last exception, or today when all are past', () => {
    expect(nextFreeDate([], '2026-11-24')).toBe('2026-11-24');
    expect(nextFreeDate([closed('2026-12-31'), closed('2026-12-01')], '2026-11-24')).toBe(
      '2027-01-01',
    );
    expect(nextFreeDate([closed('2026-01-01')], '2026-11-24')).toBe('2026-11-24');
  });
});
