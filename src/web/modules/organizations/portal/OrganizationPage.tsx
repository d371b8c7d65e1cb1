import {
  AppstoreOutlined,
  ApartmentOutlined,
  ClockCircleOutlined,
  CompassOutlined,
  CustomerServiceOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  LeftOutlined,
  PhoneOutlined,
  RightOutlined,
} from '@ant-design/icons';
import { Button, Image, Skeleton, Tag } from 'antd';
import { Suspense, lazy, useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { openNow, upcomingExceptions } from '../../../../contracts/opening-hours.js';
import type { Organization } from '../../../../contracts/organizations.js';
import { ApiError } from '../../../kit/api.js';
import { ErrorState } from '../../../kit/ui/ErrorState.js';
import { legalHotline } from '../../../kit/config.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { calendarDateText, dayHoursText, openingHoursLines } from '../../../kit/opening-hours.js';
import { useDivision, useOrganization } from '../../../kit/queries.js';
import { useSettings } from '../../../kit/settings.js';
import { useDocumentTitle } from '../../../kit/use-document-title.js';
import { DivisionPath } from '../../../kit/ui/DivisionPath.js';
import { OpenStateTag, useNow } from './OpenStateTag.js';
import { publishesHours } from './OrganizationCard.js';
import type { MapPlace } from './PlacesMap.js';
import { directoryPath, organizationPath } from '../../../kit/public-paths.js';
import './organizations.css';

// Leaflet (about 40 KB gzipped) loads only when the map is first drawn.
const PlacesMap = lazy(() => import('./PlacesMap.js'));

const locationSectionId = 'org-location';

/** `tel:` keeps digits, `+` and the hyphens of area codes (RFC 3966 visual separators). */
function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+-]/g, '')}`;
}

/**
 * AMap's web URI opens the AMap app when installed, its web map otherwise; `coordinate=wgs84`
 * makes it convert our WGS-84 coordinates to its own datum.
 */
function amapHref(place: MapPlace): string {
  const params = new URLSearchParams({
    position: `${place.longitude},${place.latitude}`,
    name: place.name,
    coordinate: 'wgs84',
    callnative: '1',
  });
  return `https://uri.amap.com/marker?${params.toString()}`;
}

/** RFC 5870 `geo:` URI: phones offer their installed map apps for it. */
function geoHref(place: MapPlace): string {
  const point = `${place.latitude},${place.longitude}`;
  return `geo:${point}?q=${point}(${encodeURIComponent(place.name)})`;
}

function located(organization: Organization): MapPlace | undefined {
  const { id, name, latitude, longitude } = organization;
  return latitude === null || longitude === null ? undefined : { id, name, latitude, longitude };
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

/** A titled part of the page; its heading names it, so screen readers can jump between them. */
function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const headingId = useId();
  return (
    <section className="panel org-section" id={id} aria-labelledby={headingId}>
      <h2 className="org-section-title" id={headingId}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function OpeningHoursList({ organization, now }: { organization: Organization; now: Date }) {
  const { t, locale } = useI18n();
  const lines = openingHoursLines(organization.openingHours, t);
  const coming = upcomingExceptions(organization.hoursExceptions, now);
  return (
    <>
      {lines.length === 0 ? (
        <p className="muted">{t('hours.none')}</p>
      ) : (
        <dl className="hours-list">
          {lines.map((line) => (
            <div key={line.days}>
              <dt>{line.days}</dt>
              <dd>{line.times}</dd>
            </div>
          ))}
        </dl>
      )}
      {coming.length > 0 && (
        <div className="hours-exceptions">
          <h3>{t('portal.org.upcoming')}</h3>
          <dl className="hours-list">
            {coming.map((exception) => (
              <div key={exception.date}>
                <dt>{calendarDateText(exception.date, locale)}</dt>
                <dd>
                  <strong>{dayHoursText(exception.intervals, t)}</strong>
                  {exception.note && <span className="muted"> · {exception.note}</span>}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </>
  );
}

function LocationSection({ organization }: { organization: Organization }) {
  const { t } = useI18n();
  const { mapTileUrl } = useSettings();
  // Memoized so that the map is not redrawn (and re-centred) on every render.
  const place = useMemo(() => located(organization), [organization]);
  const places = useMemo(() => (place ? [place] : []), [place]);
  return (
    <Section title={t('portal.org.location')} id={locationSectionId}>
      <p className="org-address">
        <EnvironmentOutlined aria-hidden="true" />{' '}
        {organization.address || t('common.notPublished')}
      </p>
      {organization.directions && (
        <div className="org-directions">
          <h3>{t('portal.org.directions')}</h3>
          <p>{organization.directions}</p>
        </div>
      )}
      {place ? (
        <>
          <div className="org-map">
            <Suspense fallback={<div className="nearest-map nearest-map-plain" />}>
              <PlacesMap
                places={places}
                emphasized={place.id}
                tileUrl={mapTileUrl}
                label={t('portal.org.map')}
                zoom={16}
              />
            </Suspense>
            {!mapTileUrl && <p className="muted nearest-map-note">{t('portal.org.mapOffline')}</p>}
          </div>
          <div className="org-nav-links">
            <Button
              size="large"
              icon={<CompassOutlined />}
              href={amapHref(place)}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t('portal.org.openAmap')}
            </Button>
            <Button size="large" icon={<EnvironmentOutlined />} href={geoHref(place)}>
              {t('portal.org.openGeo')}
            </Button>
          </div>
        </>
      ) : (
        <p className="muted">{t('portal.org.noLocation')}</p>
      )}
    </Section>
  );
}

function AccessibilitySection({ organization }: { organization: Organization }) {
  const { t } = useI18n();
  const facts = [
    organization.stepFree && t('portal.org.stepFree'),
    organization.homeVisits && t('portal.org.homeVisits'),
  ].filter((fact): fact is string => Boolean(fact));
  return (
    <Section title={t('portal.org.accessibility')}>
      {facts.length === 0 && !organization.accessibilityNotes ? (
        <p className="muted">{t('portal.org.noAccessibility')}</p>
      ) : (
        <ul className="org-facts">
          {facts.map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
          {organization.accessibilityNotes && <li>{organization.accessibilityNotes}</li>}
        </ul>
      )}
    </Section>
  );
}

function PhotosSection({ organization }: { organization: Organization }) {
  const { t } = useI18n();
  if (organization.photos.length === 0) return null;
  return (
    <Section title={t('portal.org.photos')}>
      <Image.PreviewGroup>
        <ul className="org-photos">
          {organization.photos.map((photo, index) => (
            <li key={photo.id}>
              <figure>
                <Image
                  src={photo.url}
                  alt={
                    photo.caption ||
                    t('portal.org.photoAlt', { name: organization.name, n: index + 1 })
                  }
                  loading="lazy"
                />
                {photo.caption && <figcaption>{photo.caption}</figcaption>}
              </figure>
            </li>
          ))}
        </ul>
      </Image.PreviewGroup>
    </Section>
  );
}

/** Who supervises the place and, for a legal aid workstation, who hosts it and since when. */
function BackgroundSection({ organization }: { organization: Organization }) {
  const { t, locale } = useI18n();
  const parent = useOrganization(organization.parentId ?? undefined);
  const division = useDivision(organization.divisionCode);
  const host =
    organization.hostName ??
    (organization.hostKind ? t(`hostKind.${organization.hostKind}`) : null);
  return (
    <section className="panel">
      {organization.parentId && (
        <DetailRow icon={<ApartmentOutlined />} label={t('portal.org.supervisor')}>
          {parent.data ? (
            <Link to={organizationPath(parent.data.id)}>{parent.data.name}</Link>
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )}
        </DetailRow>
      )}
      {host && (
        <DetailRow icon={<HomeOutlined />} label={t('portal.org.host')}>
          <p>{host}</p>
          {organization.hostName && organization.hostKind && (
            <p className="muted">{t(`hostKind.${organization.hostKind}`)}</p>
          )}
        </DetailRow>
      )}
      {organization.establishedOn && (
        <DetailRow icon={<ClockCircleOutlined />} label={t('portal.org.establishedOn')}>
          <p>{calendarDateText(organization.establishedOn, locale)}</p>
        </DetailRow>
      )}
      <DetailRow icon={<EnvironmentOutlined />} label={t('org.division')}>
        {division.data ? (
          <DivisionPath path={division.data.path} />
        ) : (
          <p>{organization.divisionName}</p>
        )}
      </DetailRow>
    </section>
  );
}

function OrganizationDetail({ organization }: { organization: Organization }) {
  const { t, locale } = useI18n();
  const now = useNow();
  useDocumentTitle(organization.name, t('app.name'));
  const showOpenState = organization.status === 'active' && publishesHours(organization);
  const showLocation = () =>
    document.getElementById(locationSectionId)?.scrollIntoView({ behavior: 'smooth' });

  return (
    <article className="org-detail">
      <header className="panel org-detail-header">
        <h1>{organization.name}</h1>
        <div className="org-card-tags">
          <Tag color="blue" variant="filled">
            {t(`orgType.${organization.type}`)}
          </Tag>
          {organization.status !== 'active' && (
            <Tag color="red">
              {organization.statusSince
                ? t('portal.org.statusSince', {
                    status: t(`orgStatus.${organization.status}`),
                    date: calendarDateText(organization.statusSince, locale),
                  })
                : t(`orgStatus.${organization.status}`)}
            </Tag>
          )}
          {showOpenState && (
            <OpenStateTag
              state={openNow(organization.openingHours, now, organization.hoursExceptions)}
              now={now}
            />
          )}
        </div>
        <div className="org-actions">
          {organization.phone && (
            <Button
              type="primary"
              size="large"
              block
              icon={<PhoneOutlined />}
              href={telHref(organization.phone)}
            >
              {t('portal.org.callButton')}
            </Button>
          )}
          <Button size="large" block icon={<EnvironmentOutlined />} onClick={showLocation}>
            {t('portal.org.locate')}
          </Button>
          <Button
            size="large"
            block
            icon={<CustomerServiceOutlined />}
            href={`tel:${legalHotline}`}
          >
            {t('portal.org.hotline', { number: legalHotline })}
          </Button>
        </div>
      </header>

      <section className="panel">
        <DetailRow icon={<ClockCircleOutlined />} label={t('org.hours')}>
          <OpeningHoursList organization={organization} now={now} />
        </DetailRow>
        <DetailRow icon={<PhoneOutlined />} label={t('org.phone')}>
          {organization.phone ? (
            <a href={telHref(organization.phone)}>{organization.phone}</a>
          ) : (
            <p className="muted">{t('org.noPhone')}</p>
          )}
        </DetailRow>
      </section>

      <Section title={t('portal.org.services')}>
        {organization.services.length === 0 ? (
          <p className="muted">{t('portal.org.noServices')}</p>
        ) : (
          <ul className="org-services">
            {organization.services.map((service) => (
              <li key={service}>{t(`orgService.${service}`)}</li>
            ))}
          </ul>
        )}
      </Section>

      {organization.description && (
        <Section title={t('portal.org.about')}>
          <p className="org-description">{organization.description}</p>
        </Section>
      )}

      <LocationSection organization={organization} />
      <AccessibilitySection organization={organization} />
      <PhotosSection organization={organization} />
      <BackgroundSection organization={organization} />

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
