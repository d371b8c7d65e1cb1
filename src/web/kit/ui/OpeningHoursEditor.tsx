import { CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Switch } from 'antd';
import type { OpeningHours, OpeningInterval, Weekday } from '../../../contracts/organizations.js';
import { weekdays } from '../../../contracts/values.js';
import { useI18n } from '../i18n/I18nProvider.js';

const maxIntervals = 2;
const defaultInterval: OpeningInterval = { opens: '09:00', closes: '17:00' };
const workdays: readonly Weekday[] = ['tue', 'wed', 'thu', 'fri'];

/** A week of opening hours: each day closed, or open in one or two periods of HH:MM–HH:MM. */
export function OpeningHoursEditor({
  value,
  onChange,
  id,
}: {
  value?: OpeningHours;
  onChange?: (hours: OpeningHours) => void;
  id?: string;
}) {
  const { t } = useI18n();
  const hours = value ?? {};
  const setDay = (day: Weekday, intervals: OpeningInterval[] | undefined) => {
    const next: OpeningHours = { ...hours };
    if (intervals && intervals.length > 0) next[day] = intervals;
    else delete next[day];
    onChange?.(next);
  };
  const setInterval = (day: Weekday, index: number, change: Partial<OpeningInterval>) => {
    const intervals = [...(hours[day] ?? [])];
    const current = intervals[index];
    if (!current) return;
    intervals[index] = { ...current, ...change };
    setDay(day, intervals);
  };
  const monday = hours.mon;

  return (
    <div className="hours-editor" id={id}>
      {weekdays.map((day) => {
        const intervals = hours[day] ?? [];
        const open = intervals.length > 0;
        const dayName = t(`weekday.${day}`);
        return (
          <div className="hours-editor-day" key={day}>
            <span className="hours-editor-name">{dayName}</span>
            <Switch
              size="small"
              checked={open}
              aria-label={t('console.hours.open', { day: dayName })}
              onChange={(checked) => setDay(day, checked ? [{ ...defaultInterval }] : undefined)}
            />
            {!open && <span className="muted">{t('console.hours.closed')}</span>}
            {intervals.map((interval, index) => {
              const n = index + 1;
              return (
                <span className="hours-editor-interval" key={index}>
                  <Input
                    size="small"
                    className="hours-editor-time"
                    maxLength={5}
                    placeholder="09:00"
                    aria-label={t('console.hours.opens', { day: dayName, n })}
                    value={interval.opens}
                    onChange={(event) => setInterval(day, index, { opens: event.target.value })}
                  />
                  <span>–</span>
                  <Input
                    size="small"
                    className="hours-editor-time"
                    maxLength={5}
                    placeholder="17:00"
                    aria-label={t('console.hours.closes', { day: dayName, n })}
                    value={interval.closes}
                    onChange={(event) => setInterval(day, index, { closes: event.target.value })}
                  />
                  {intervals.length > 1 && (
                    <Button
                      type="text"
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={t('console.hours.removeInterval', { day: dayName, n })}
                      onClick={() =>
                        setDay(
                          day,
                          intervals.filter((_, other) => other !== index),
                        )
                      }
                    />
                  )}
                </span>
              );
            })}
            {open && intervals.length < maxIntervals && (
              <Button
                type="link"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => {
                  const last = intervals.at(-1);
                  const opens = last && last.closes < '23:00' ? last.closes : '13:30';
                  setDay(day, [
                    ...intervals,
                    { opens, closes: opens < '17:30' ? '17:30' : '23:59' },
                  ]);
                }}
              >
                {t('console.hours.addInterval')}
              </Button>
            )}
          </div>
        );
      })}
      <Button
        size="small"
        icon={<CopyOutlined />}
        disabled={!monday || monday.length === 0}
        onClick={() => {
          if (!monday) return;
          const next: OpeningHours = { ...hours };
          for (const day of workdays) next[day] = monday.map((interval) => ({ ...interval }));
          onChange?.(next);
        }}
      >
        {t('console.hours.copyMonday')}
      </Button>
    </div>
  );
}
