import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Switch } from 'antd';
import type { HoursException, OpeningInterval } from '../../../../contracts/organizations.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { nextFreeDate } from './hours-exceptions.js';

const maxIntervals = 4;
const defaultInterval: OpeningInterval = { opens: '09:00', closes: '12:00' };

/**
 * Dated exceptions to the weekly hours: a date, then closed all day or open in its own periods,
 * and a note the public sees ("国庆节休息"). On that date these replace the weekly hours.
 */
export function HoursExceptionsEditor({
  value,
  onChange,
  id,
}: {
  value?: HoursException[];
  onChange?: (exceptions: HoursException[]) => void;
  id?: string;
}) {
  const { t } = useI18n();
  const exceptions = value ?? [];
  const replace = (index: number, change: Partial<HoursException>) =>
    onChange?.(
      exceptions.map((exception, other) =>
        other === index ? { ...exception, ...change } : exception,
      ),
    );
  const setInterval = (index: number, at: number, change: Partial<OpeningInterval>) => {
    const exception = exceptions[index];
    if (!exception) return;
    replace(index, {
      intervals: exception.intervals.map((interval, other) =>
        other === at ? { ...interval, ...change } : interval,
      ),
    });
  };

  return (
    <div className="exceptions-editor" id={id}>
      <p className="muted exceptions-editor-hint">{t('console.hoursExceptions.hint')}</p>
      {exceptions.length === 0 && <p className="muted">{t('console.hoursExceptions.empty')}</p>}
      {exceptions.map((exception, index) => {
        const date = exception.date || `#${index + 1}`;
        const open = exception.intervals.length > 0;
        return (
          <div className="exceptions-editor-row" key={index}>
            <Input
              type="date"
              size="small"
              className="exceptions-editor-date"
              aria-label={t('console.hoursExceptions.date')}
              value={exception.date}
              onChange={(event) => replace(index, { date: event.target.value })}
            />
            <Switch
              size="small"
              checked={open}
              aria-label={t('console.hoursExceptions.open', { date })}
              onChange={(checked) =>
                replace(index, { intervals: checked ? [{ ...defaultInterval }] : [] })
              }
            />
            {!open && <span className="muted">{t('console.hoursExceptions.closedAllDay')}</span>}
            {exception.intervals.map((interval, at) => {
              const n = at + 1;
              return (
                <span className="hours-editor-interval" key={at}>
                  <Input
                    size="small"
                    className="hours-editor-time"
                    maxLength={5}
                    placeholder="09:00"
                    aria-label={t('console.hoursExceptions.opens', { date, n })}
                    value={interval.opens}
                    onChange={(event) => setInterval(index, at, { opens: event.target.value })}
                  />
                  <span>–</span>
                  <Input
                    size="small"
                    className="hours-editor-time"
                    maxLength={5}
                    placeholder="17:00"
                    aria-label={t('console.hoursExceptions.closes', { date, n })}
                    value={interval.closes}
                    onChange={(event) => setInterval(index, at, { closes: event.target.value })}
                  />
                  {exception.intervals.length > 1 && (
                    <Button
                      type="text"
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={t('console.hoursExceptions.removeInterval', { date, n })}
                      onClick={() =>
                        replace(index, {
                          intervals: exception.intervals.filter((_, other) => other !== at),
                        })
                      }
                    />
                  )}
                </span>
              );
            })}
            {open && exception.intervals.length < maxIntervals && (
              <Button
                type="link"
                size="small"
                icon={<PlusOutlined />}
                onClick={() =>
                  replace(index, {
                    intervals: [...exception.intervals, { opens: '13:30', closes: '17:00' }],
                  })
                }
              >
                {t('console.hoursExceptions.addInterval')}
              </Button>
            )}
            <Input
              size="small"
              className="exceptions-editor-note"
              maxLength={100}
              placeholder={t('console.hoursExceptions.note.placeholder')}
              aria-label={t('console.hoursExceptions.note', { date })}
              value={exception.note}
              onChange={(event) => replace(index, { note: event.target.value })}
            />
            <Button
              type="text"
              size="small"
              icon={<DeleteOutlined />}
              aria-label={t('console.hoursExceptions.remove', { date })}
              onClick={() => onChange?.(exceptions.filter((_, other) => other !== index))}
            />
          </div>
        );
      })}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() =>
          onChange?.([...exceptions, { date: nextFreeDate(exceptions), intervals: [], note: '' }])
        }
      >
        {t('console.hoursExceptions.add')}
      </Button>
    </div>
  );
}
