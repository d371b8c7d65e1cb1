import { SearchOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

/**
 * A plain search form: phones get their search keyboard from `type="search"`, and the portal's
 * first load stays free of antd's Input machinery. Submitting an empty field clears the search.
 */
export function SearchBox({
  initialValue = '',
  onSearch,
  compact = false,
}: {
  initialValue?: string;
  onSearch: (text: string) => void;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initialValue);
  return (
    <form
      role="search"
      className={compact ? 'search-box search-box-compact' : 'search-box'}
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(draft.trim());
      }}
    >
      <SearchOutlined className="search-box-icon" aria-hidden="true" />
      <input
        type="search"
        enterKeyHint="search"
        maxLength={50}
        value={draft}
        placeholder={t('portal.search.placeholder')}
        aria-label={t('portal.search.placeholder')}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit">{t('common.search')}</button>
    </form>
  );
}
