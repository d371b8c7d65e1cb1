import { PhoneFilled } from '@ant-design/icons';
import { legalHotline } from '../../kit/config.js';
import { useI18n } from '../../kit/i18n/I18nProvider.js';

export function HotlineCard() {
  const { t } = useI18n();
  return (
    <a className="hotline-card" href={`tel:${legalHotline}`}>
      <span className="hotline-icon" aria-hidden="true">
        <PhoneFilled />
      </span>
      <span className="hotline-text">
        <strong>{t('portal.hotline.title', { number: legalHotline })}</strong>
        <small>{t('portal.hotline.hint')}</small>
      </span>
      <span className="hotline-action">{t('portal.hotline.call')}</span>
    </a>
  );
}
