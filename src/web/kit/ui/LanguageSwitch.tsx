import type { Locale } from '../../../contracts/errors.js';
import { useI18n } from '../i18n/I18nProvider.js';
import './language-switch.css';

// Each language is named in itself, so a reader of either can find their own.
const options: Array<{ value: Locale; label: string; title: string }> = [
  { value: 'zh-CN', label: '中文', title: '中文' },
  { value: 'en-US', label: 'EN', title: 'English' },
];

/**
 * Two plain toggle buttons rather than antd's Segmented, whose tooltip and form plumbing would
 * add about 18 KB gzipped to the portal's first load.
 */
export function LanguageSwitch({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <div role="group" aria-label={t('language.label')} className={`language-switch ${tone}`}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          lang={option.value}
          title={option.title}
          aria-pressed={locale === option.value}
          onClick={() => setLocale(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
