import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { OpenState } from '../../../../contracts/opening-hours.js';
import { shanghaiLocalTime } from '../../../../contracts/opening-hours.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { openingDayText } from '../../../kit/opening-hours.js';

/** The current time, refreshed every `intervalMs`, so open-now labels follow the clock. */
export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * "营业中，17:30 关门" or "已休息，明天 08:30 开门", with today's exception note when there is one
 * (a holiday, a closure). Times are Asia/Shanghai local time, as the places keep them.
 */
export function OpenStateTag({ state, now }: { state: OpenState; now: Date }) {
  const { t, locale } = useI18n();
  const next = state.opensNext;
  const label = state.open
    ? state.closesAt
      ? t('openState.openUntil', { time: state.closesAt })
      : t('openState.open')
    : next
      ? t('openState.closedUntil', {
          day: openingDayText(next, shanghaiLocalTime(now).date, t, locale),
          time: next.time,
        })
      : t('openState.closed');
  return (
    <span className="open-state">
      <Tag color={state.open ? 'green' : undefined} variant="filled">
        {label}
      </Tag>
      {state.note && (
        <span className="open-state-note">{t('openState.note', { note: state.note })}</span>
      )}
    </span>
  );
}
