import { Tag } from 'antd';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { coverState, todayInShanghai } from '../../../kit/dates.js';

/** The end of an insurance cover: ended in red, ending within 30 days in orange, none in grey. */
export function CoverTag({
  validTo,
  today = todayInShanghai(),
}: {
  validTo: string | null;
  today?: string;
}) {
  const { t } = useI18n();
  const cover = coverState(validTo, today);
  switch (cover.state) {
    case 'none':
      return <Tag>{t('console.volunteers.insurance.none')}</Tag>;
    case 'expired':
      return (
        <Tag color="red">
          {validTo} {t('console.volunteers.insurance.expired')}
        </Tag>
      );
    case 'expiring':
      return (
        <Tag color="orange">
          {validTo} {t('console.volunteers.insurance.expiring', { days: cover.days })}
        </Tag>
      );
    case 'valid':
      return <span>{validTo}</span>;
  }
}
