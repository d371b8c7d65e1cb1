import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useSyncExternalStore,
} from 'react';
import type { ReactNode } from 'react';
import type { Locale } from '../../../contracts/errors.js';
import { getLocale, setLocale, subscribeLocale } from '../locale-store.js';
import type { Catalogue, MessageKey } from './catalogue.js';

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  formatNumber: (value: number) => string;
  /** Date and time as seen in Asia/Shanghai, whatever the browser's zone. */
  formatDateTime: (iso: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

function interpolate(template: string, params: MessageParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

export function I18nProvider({
  catalogue,
  children,
}: {
  catalogue: Catalogue;
  children: ReactNode;
}) {
  const locale = useSyncExternalStore(subscribeLocale, getLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const t = useCallback<Translate>(
    (key, params) => interpolate(catalogue[locale][key], params),
    [catalogue, locale],
  );

  const value = useMemo<I18n>(() => {
    const numberFormat = new Intl.NumberFormat(locale);
    const dateTimeFormat = new Intl.DateTimeFormat(locale, {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    return {
      locale,
      setLocale,
      t,
      formatNumber: (number) => numberFormat.format(number),
      formatDateTime: (iso) => dateTimeFormat.format(new Date(iso)),
    };
  }, [locale, t]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
