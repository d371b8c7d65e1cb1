import type { Locale } from '../../contracts/errors.js';

const storageKey = 'farun.locale';
const supported: readonly Locale[] = ['zh-CN', 'en-US'];
export const defaultLocale: Locale = 'zh-CN';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supported as readonly string[]).includes(value);
}

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLocale(stored) ? stored : defaultLocale;
  } catch {
    // Storage can be blocked (private mode, strict settings); the default language still works.
    return defaultLocale;
  }
}

let current: Locale = readStoredLocale();
const listeners = new Set<() => void>();

/** The UI language; the API client reads it for `Accept-Language`. */
export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Not persisted; the switch still applies to this visit.
  }
  listeners.forEach((listener) => listener());
}

export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
