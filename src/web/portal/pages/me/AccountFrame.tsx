import { LeftOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { mePath } from '../../paths.js';

/** The frame of the sign-in and sign-up screens: a back link, a title and a white panel. */
export function AccountFrame({
  title,
  lead,
  children,
}: {
  title: string;
  lead?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="page-body account-page">
      <Link to={mePath} className="back-link">
        <LeftOutlined /> {t('portal.nav.me')}
      </Link>
      <section className="panel account-panel">
        <h1 className="page-title">{title}</h1>
        {lead && <p className="muted account-lead">{lead}</p>}
        {children}
      </section>
    </div>
  );
}
