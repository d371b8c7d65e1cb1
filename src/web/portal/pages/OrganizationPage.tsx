import {
  AppstoreOutlined,
  ApartmentOutlined,
  ClockCircleOutlined,
  EnvironmentOutlined,
  LeftOutlined,
  PhoneOutlined,
  RightOutlined,
} from '@ant-design/icons';
import { Button, Skeleton, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { Organization } from '../../../contracts/organizations.js';
import { ApiError } from '../../common/api.js';
import { ErrorState } from '../../common/components/ErrorState.js';
import { useI18n } from '../../common/i18n/I18nProvider.js';
import { openingHoursLines } from '../../common/opening-hours.js';
import { useDivision, useOrganization } from '../../common/queries.js';
import { useDocumentTitle } from '../../common/use-document-title.js';
import { DivisionPath } from '../components/DivisionPath.js';
import { directoryPath } from '../paths.js';

/** `tel:` keeps digits, `+` and the hyphens of area codes (RFC 3966 visual separators). */
function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+-]/g, '')}`;
}

function DetailRow({
  icon,
  label,
  children,
}: {
  icon: ReactNode;
  label: string;
  children: ReactNode;
}) {
  return (
    <div className="detail-row">
      <span className="detail-row-icon" aria-hidden="true">
        {icon}
      </span>
      <div className="detail-row-content">
        <h2>{label}</h2>
        {children}
      </div>
    </div>
  );
}

function OpeningHoursList({ organization }: { organization: Organization }) {
  const { t } = useI18n();
  const lines = openingHoursLines(organization.openingHours, t);
  if (lines.length === 0) return <p className="muted">{t('hours.none')}</p>;
  return (
    <dl className="hours-list">
      {lines.map((line) => (
        <div key={line.days}>
          <dt>{line.days}</dt>
          <dd>{line.times}</dd>
        </div>
      ))}
    </dl>
  );
}

function OrganizationDetail({ organization }: { organization: Organization }) {
  const { t } = useI18n();
  const division = useDivision(organization.divisionCode);
  useDocumentTitle(organization.name, t('app.name'));

  return (
    <article className="org-detail">
      <header className="panel org-detail-header">
        <h1>{organization.name}</h1>
        <div className="org-card-tags">
          <Tag color="blue" variant="filled">
            {t(`orgType.${organization.type}`)}
          </Tag>
          {organization.status !== 'active' && (
            <Tag color="red">{t(`orgStatus.${organization.status}`)}</Tag>
          )}
        </div>
        {organization.phone && (
          <Button
            type="primary"
            size="large"
            block
            icon={<PhoneOutlined />}
            href={telHref(organization.phone)}
          >
            {t('org.call')} {organization.phone}
          </Button>
        )}
      </header>

      <section className="panel">
        <DetailRow icon={<EnvironmentOutlined />} label={t('org.address')}>
          <p>{organization.address || t('common.notPublished')}</p>
        </DetailRow>
        <DetailRow icon={<PhoneOutlined />} label={t('org.phone')}>
          {organization.phone ? (
            <a href={telHref(organization.phone)}>{organization.phone}</a>
          ) : (
            <p className="muted">{t('org.noPhone')}</p>
          )}
        </DetailRow>
        <DetailRow icon={<ClockCircleOutlined />} label={t('org.hours')}>
          <OpeningHoursList organization={organization} />
        </DetailRow>
        <DetailRow icon={<ApartmentOutlined />} label={t('org.division')}>
          {division.data ? (
            <DivisionPath path={division.data.path} />
          ) : (
            <p>{organization.divisionName}</p>
          )}
        </DetailRow>
      </section>

      <Link to={directoryPath({ division: organization.divisionCode })} className="link-card">
        <span className="link-card-icon" aria-hidden="true">
          <AppstoreOutlined />
        </span>
        <span className="link-card-text">
          <strong>{t('portal.org.moreInArea', { name: organization.divisionName })}</strong>
        </span>
        <RightOutlined className="link-card-chevron" />
      </Link>
    </article>
  );
}

/** A mistyped id is as missing as a removed organization, as far as a visitor is concerned. */
function isMissing(error: unknown): boolean {
  return (
    error instanceof ApiError && (error.code === 'not_found' || error.code === 'validation_failed')
  );
}

export default function OrganizationPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const organization = useOrganization(id);
  // Opened from a shared link there is no list behind this page to go back to.
  const goBack = () => void (location.key === 'default' ? navigate(directoryPath()) : navigate(-1));

  return (
    <div className="page-body">
      <button type="button" className="back-link" onClick={goBack}>
        <LeftOutlined /> {t('portal.org.backToList')}
      </button>
      {organization.isPending ? (
        <div className="panel">
          <Skeleton active paragraph={{ rows: 6 }} />
        </div>
      ) : organization.isError ? (
        <ErrorState
          error={organization.error}
          {...(isMissing(organization.error)
            ? { title: t('portal.org.notFound'), description: null }
            : {})}
          onRetry={() => void organization.refetch()}
          extra={<Link to={directoryPath()}>{t('portal.nav.directory')}</Link>}
        />
      ) : (
        <OrganizationDetail organization={organization.data} />
      )}
    </div>
  );
}
