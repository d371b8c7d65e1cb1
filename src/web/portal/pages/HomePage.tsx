import { AimOutlined, EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../kit/i18n/I18nProvider.js';
import { useDocumentTitle } from '../../kit/use-document-title.js';
import { HotlineCard } from '../components/HotlineCard.js';
import { SearchBox } from '../../kit/ui/SearchBox.js';
import { ServiceEntries } from '../components/ServiceEntries.js';
import { areaPath, directoryPath, nearestPath } from '../../kit/public-paths.js';

export function HomePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  useDocumentTitle(t('app.name'), t('app.portalTitle'));

  return (
    <div className="home">
      <section className="hero">
        <h1>{t('portal.home.heading')}</h1>
        <p>{t('portal.home.lead')}</p>
        <SearchBox onSearch={(q) => void navigate(directoryPath({ q }))} />
      </section>

      <div className="page-body">
        <HotlineCard />

        <section className="panel">
          <div className="panel-heading">
            <h2>{t('portal.home.services')}</h2>
            <Link to={directoryPath()} className="panel-more">
              {t('portal.home.allServices')} <RightOutlined />
            </Link>
          </div>
          <ServiceEntries />
        </section>

        <Link to={nearestPath} className="link-card link-card-primary">
          <span className="link-card-icon" aria-hidden="true">
            <AimOutlined />
          </span>
          <span className="link-card-text">
            <strong>{t('portal.home.nearest')}</strong>
            <small>{t('portal.home.nearestHint')}</small>
          </span>
          <RightOutlined className="link-card-chevron" />
        </Link>

        <Link to={areaPath()} className="link-card">
          <span className="link-card-icon" aria-hidden="true">
            <EnvironmentOutlined />
          </span>
          <span className="link-card-text">
            <strong>{t('portal.home.byArea')}</strong>
            <small>{t('portal.home.byAreaHint')}</small>
          </span>
          <RightOutlined className="link-card-chevron" />
        </Link>
      </div>
    </div>
  );
}
