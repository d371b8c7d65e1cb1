import { AimOutlined, EnvironmentOutlined, PhoneOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Select, Tag } from 'antd';
import { Suspense, lazy, useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { NearestOrganization } from '../../../../contracts/nearest.js';
import type { OrganizationType } from '../../../../contracts/organizations.js';
import { isDivisionCode, isOrganizationType } from '../../../../contracts/values.js';
import { ApiError } from '../../../kit/api.js';
import { ErrorState } from '../../../kit/ui/ErrorState.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import type { Translate } from '../../../kit/i18n/I18nProvider.js';
import { useDivision, useNearestOrganizations } from '../../../kit/queries.js';
import { useSettings } from '../../../kit/settings.js';
import { useDocumentTitle } from '../../../kit/use-document-title.js';
import { DivisionFilter } from '../../../kit/ui/DivisionFilter.js';
import { ListSkeleton } from '../../../kit/ui/ListSkeleton.js';
import { OpenStateTag, useNow } from './OpenStateTag.js';
import type { MapPlace, MapPoint } from './PlacesMap.js';
import { organizationPath } from '../../../kit/public-paths.js';

// Leaflet (about 40 KB gzipped) loads only when a map is first drawn.
const PlacesMap = lazy(() => import('./PlacesMap.js'));

/** The kinds of service point a citizen walks into, in the order of the home page's entries. */
const nearestTypes: OrganizationType[] = [
  'legal_aid_station',
  'service_station',
  'law_firm',
  'grassroots_office',
  'legal_aid_centre',
  'service_centre',
  'mediation_committee',
  'enterprise_service_centre',
];

const resultLimit = 10;

type LocationState =
  | { status: 'idle' }
  | { status: 'locating' }
  | { status: 'located'; point: MapPoint; accuracy: number }
  | { status: 'denied' | 'unavailable' | 'unsupported' };

/** "350 米" under a kilometre (to 10 m), "1.2 公里" above. */
function distanceText(metres: number, t: Translate, locale: string): string {
  if (metres < 1000) {
    return t('portal.nearest.metres', { value: Math.round(metres / 10) * 10 });
  }
  const kilometres = new Intl.NumberFormat(locale, {
    maximumFractionDigits: metres < 100_000 ? 1 : 0,
  }).format(metres / 1000);
  return t('portal.nearest.kilometres', { value: kilometres });
}

/** `tel:` keeps digits, `+` and the hyphens of area codes (RFC 3966 visual separators). */
function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+-]/g, '')}`;
}

function NearestCard({
  organization,
  highlighted,
}: {
  organization: NearestOrganization;
  highlighted: boolean;
}) {
  const { t, locale } = useI18n();
  const now = useNow();
  return (
    <article
      id={`nearest-${organization.id}`}
      className={highlighted ? 'nearest-card highlighted' : 'nearest-card'}
    >
      <div className="nearest-card-head">
        <h2 className="org-card-title">
          <Link to={organizationPath(organization.id)}>{organization.name}</Link>
        </h2>
        <span className="nearest-distance" title={t('portal.nearest.distance')}>
          {distanceText(organization.distanceMetres, t, locale)}
        </span>
      </div>
      <span className="org-card-tags">
        <Tag color="blue" variant="filled">
          {t(`orgType.${organization.type}`)}
        </Tag>
        <OpenStateTag state={{ ...organization, open: organization.openNow }} now={now} />
      </span>
      <span className="org-card-line">
        <EnvironmentOutlined aria-label={t('org.address')} />
        <span>{organization.address || t('common.notPublished')}</span>
      </span>
      <span className="org-card-line">
        <PhoneOutlined aria-label={t('org.phone')} />
        {organization.phone ? (
          <a href={telHref(organization.phone)}>{organization.phone}</a>
        ) : (
          <span>{t('org.noPhone')}</span>
        )}
      </span>
      <Link to={organizationPath(organization.id)} className="nearest-card-more">
        {t('portal.nearest.details')}
        <RightOutlined aria-hidden="true" />
      </Link>
    </article>
  );
}

function isUnlocatedDivision(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 400 &&
    error.fields.some((field) => field.field === 'querystring.division')
  );
}

export default function NearestPage() {
  const { t } = useI18n();
  const { mapTileUrl } = useSettings();
  const [params, setParams] = useSearchParams();
  const [location, setLocation] = useState<LocationState>({ status: 'idle' });
  const [highlighted, setHighlighted] = useState<string>();
  useDocumentTitle(t('portal.nearest.title'), t('app.name'));

  // The area and type live in the address so a result can be shared; a position never does.
  const divisionParam = params.get('division');
  const typeParam = params.get('type');
  const division = isDivisionCode(divisionParam) ? divisionParam : undefined;
  const type = isOrganizationType(typeParam) ? typeParam : undefined;
  const point = location.status === 'located' ? location.point : undefined;

  const chosenDivision = useDivision(point ? undefined : division);
  const nearest = useNearestOrganizations(
    point
      ? { lat: point.lat, lng: point.lng, type, limit: resultLimit }
      : division
        ? { division, type, limit: resultLimit }
        : undefined,
  );

  const update = (change: { division?: string | undefined; type?: OrganizationType }) => {
    const next = new URLSearchParams();
    const nextDivision = 'division' in change ? change.division : division;
    const nextType = 'type' in change ? change.type : type;
    if (nextDivision) next.set('division', nextDivision);
    if (nextType) next.set('type', nextType);
    setParams(next, { replace: true });
  };

  const chooseDivision = (code: string | undefined) => {
    setLocation({ status: 'idle' });
    update({ division: code });
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocation({ status: 'unsupported' });
      return;
    }
    setLocation({ status: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocation({
          status: 'located',
          point: { lat: position.coords.latitude, lng: position.coords.longitude },
          accuracy: Math.round(position.coords.accuracy),
        });
        update({ division: undefined });
      },
      (error) =>
        setLocation({
          status: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable',
        }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const selectOnMap = useCallback((place: MapPlace) => {
    setHighlighted(place.id);
    document
      .getElementById(`nearest-${place.id}`)
      ?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }, []);

  // A village without a recorded centre is searched from its township's, so it is drawn there.
  const divisionData = chosenDivision.data;
  const located = (value: typeof divisionData) =>
    value && value.latitude !== null && value.longitude !== null
      ? { lat: value.latitude, lng: value.longitude }
      : undefined;
  const parentDivision = useDivision(
    divisionData && !located(divisionData) ? (divisionData.parentCode ?? undefined) : undefined,
  );
  const divisionPoint = located(divisionData) ?? located(parentDivision.data);
  const origin = point ?? divisionPoint;
  const originLabel = point ? t('portal.nearest.myLocation') : (divisionData?.name ?? '');

  const locationMessage =
    location.status === 'denied'
      ? t('portal.nearest.locationDenied')
      : location.status === 'unavailable'
        ? t('portal.nearest.locationUnavailable')
        : location.status === 'unsupported'
          ? t('portal.nearest.locationUnsupported')
          : undefined;

  return (
    <div className="page-body">
      <h1 className="page-title">{t('portal.nearest.title')}</h1>

      <section className="panel filters" aria-label={t('portal.nearest.where')}>
        <Button
          type={point ? 'primary' : 'default'}
          size="large"
          block
          icon={<AimOutlined />}
          loading={location.status === 'locating'}
          onClick={locate}
        >
          {location.status === 'locating'
            ? t('portal.nearest.locating')
            : t('portal.nearest.useLocation')}
        </Button>
        {location.status === 'located' && (
          <p className="muted nearest-located" role="status">
            {t('portal.nearest.locationUsed', { accuracy: location.accuracy })}
          </p>
        )}
        {locationMessage && <Alert type="warning" showIcon role="alert" title={locationMessage} />}
        <span className="division-filter-caption">{t('portal.nearest.orChoose')}</span>
        <DivisionFilter
          value={point ? undefined : division}
          onChange={chooseDivision}
          townshipPlaceholder={t('portal.nearest.chooseTownship')}
          villagePlaceholder={t('portal.nearest.chooseVillage')}
        />
        <Select<OrganizationType>
          size="large"
          allowClear
          aria-label={t('org.type')}
          placeholder={t('portal.nearest.allTypes')}
          value={type}
          onChange={(next?: OrganizationType) => update({ type: next })}
          options={nearestTypes.map((value) => ({ value, label: t(`orgType.${value}`) }))}
        />
      </section>

      {!point && !division ? (
        <Empty
          className="panel empty-state"
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('portal.nearest.prompt')}
        />
      ) : nearest.isPending ? (
        <ListSkeleton />
      ) : nearest.isError ? (
        isUnlocatedDivision(nearest.error) ? (
          <Alert type="info" showIcon title={t('portal.nearest.noLocation')} />
        ) : (
          <ErrorState error={nearest.error} onRetry={() => void nearest.refetch()} />
        )
      ) : nearest.data.length === 0 ? (
        <Empty
          className="panel empty-state"
          description={
            <>
              <strong>{t('portal.nearest.empty')}</strong>
              <br />
              {t('portal.nearest.emptyHint')}
            </>
          }
        />
      ) : (
        <>
          <section className="panel nearest-map-panel">
            <Suspense fallback={<div className="nearest-map nearest-map-plain" />}>
              <PlacesMap
                origin={origin}
                originLabel={originLabel}
                places={nearest.data}
                emphasized={highlighted ?? nearest.data[0]?.id}
                tileUrl={mapTileUrl}
                label={t('portal.nearest.map')}
                onSelect={selectOnMap}
              />
            </Suspense>
            {!mapTileUrl && (
              <p className="muted nearest-map-note">{t('portal.nearest.mapOffline')}</p>
            )}
          </section>
          <p className="result-count" aria-live="polite">
            {t('portal.nearest.count', { total: nearest.data.length, origin: originLabel })}
          </p>
          <ol className="org-list nearest-list" aria-busy={nearest.isFetching}>
            {nearest.data.map((organization) => (
              <li key={organization.id}>
                <NearestCard
                  organization={organization}
                  highlighted={organization.id === highlighted}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
