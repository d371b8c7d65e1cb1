import { AimOutlined } from '@ant-design/icons';
import { Button, Empty, Pagination, Select } from 'antd';
import { Suspense, lazy, useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type {
  Organization,
  OrganizationService,
  OrganizationType,
} from '../../../../contracts/organizations.js';
import { ErrorState } from '../../../kit/ui/ErrorState.js';
import {
  isDivisionCode,
  isOrganizationService,
  isOrganizationType,
  organizationServices,
  organizationTypes,
} from '../../../../contracts/values.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { useOrganizations } from '../../../kit/queries.js';
import { useSettings } from '../../../kit/settings.js';
import { useDocumentTitle } from '../../../kit/use-document-title.js';
import { DivisionFilter } from '../../../kit/ui/DivisionFilter.js';
import { ListSkeleton } from '../../../kit/ui/ListSkeleton.js';
import { OrganizationCard } from './OrganizationCard.js';
import { useNow } from './OpenStateTag.js';
import type { MapPlace } from './PlacesMap.js';
import { SearchBox } from '../../../kit/ui/SearchBox.js';
import { directorySearchParams, nearestPath } from '../../../kit/public-paths.js';
import type { DirectoryFilters } from '../../../kit/public-paths.js';
import './organizations.css';

// Leaflet (about 40 KB gzipped) loads only when a map is first drawn.
const PlacesMap = lazy(() => import('./PlacesMap.js'));

const pageSize = 10;

/** Filters live in the address so that results can be shared, bookmarked and gone back to. */
function readFilters(params: URLSearchParams): DirectoryFilters & { page: number } {
  const type = params.get('type');
  const service = params.get('service');
  const division = params.get('division');
  const page = Number(params.get('page'));
  return {
    q: params.get('q')?.trim() || undefined,
    type: isOrganizationType(type) ? type : undefined,
    service: isOrganizationService(service) ? service : undefined,
    division: isDivisionCode(division) ? division : undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The organizations of the page that have coordinates, as the map draws them. */
function locatedPlaces(organizations: readonly Organization[]): MapPlace[] {
  return organizations.flatMap(({ id, name, latitude, longitude }) =>
    latitude === null || longitude === null ? [] : [{ id, name, latitude, longitude }],
  );
}

function ResultsMap({
  organizations,
  highlighted,
  onSelect,
}: {
  organizations: readonly Organization[];
  highlighted: string | undefined;
  onSelect: (place: MapPlace) => void;
}) {
  const { t } = useI18n();
  const { mapTileUrl } = useSettings();
  const places = useMemo(() => locatedPlaces(organizations), [organizations]);
  if (places.length === 0) return null;
  const unlocated = organizations.length - places.length;
  return (
    <section className="panel nearest-map-panel directory-map">
      <Suspense fallback={<div className="nearest-map nearest-map-plain" />}>
        <PlacesMap
          places={places}
          emphasized={highlighted}
          tileUrl={mapTileUrl}
          label={t('portal.directory.map')}
          onSelect={onSelect}
        />
      </Suspense>
      {!mapTileUrl && <p className="muted nearest-map-note">{t('portal.nearest.mapOffline')}</p>}
      {unlocated > 0 && (
        <p className="muted nearest-map-note">
          {t('portal.directory.mapUnlocated', { count: unlocated })}
        </p>
      )}
    </section>
  );
}

export default function DirectoryPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const { page, ...criteria } = filters;
  const hasFilters = Boolean(criteria.q || criteria.type || criteria.service || criteria.division);
  const [highlighted, setHighlighted] = useState<string>();
  const now = useNow();
  useDocumentTitle(t('portal.directory.title'), t('app.name'));

  const organizations = useOrganizations({
    ...criteria,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });

  // Any new criterion starts again from the first page.
  const update = (change: Partial<DirectoryFilters>) =>
    setParams(directorySearchParams({ ...criteria, ...change, page: 1 }));
  const goToPage = (next: number) => {
    setParams(directorySearchParams({ ...criteria, page: next }));
    window.scrollTo({ top: 0 });
  };

  const selectOnMap = useCallback((place: MapPlace) => {
    setHighlighted(place.id);
    document
      .getElementById(`org-${place.id}`)
      ?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }, []);

  return (
    <div className="page-body">
      <h1 className="page-title">{t('portal.directory.title')}</h1>

      <section className="panel filters">
        <SearchBox
          key={criteria.q ?? ''}
          compact
          initialValue={criteria.q}
          onSearch={(q) => update({ q: q || undefined })}
        />
        <Select<OrganizationType>
          size="large"
          allowClear
          aria-label={t('org.type')}
          placeholder={t('portal.directory.allTypes')}
          value={criteria.type}
          onChange={(type?: OrganizationType) => update({ type })}
          options={organizationTypes.map((type) => ({
            value: type,
            label: t(`orgType.${type}`),
          }))}
        />
        <Select<OrganizationService>
          size="large"
          allowClear
          aria-label={t('portal.directory.service')}
          placeholder={t('portal.directory.allServices')}
          value={criteria.service}
          onChange={(service?: OrganizationService) => update({ service })}
          options={organizationServices.map((service) => ({
            value: service,
            label: t(`orgService.${service}`),
          }))}
        />
        <DivisionFilter value={criteria.division} onChange={(division) => update({ division })} />
        <Link to={nearestPath} className="directory-nearest-link">
          <AimOutlined aria-hidden="true" /> {t('portal.directory.nearest')}
        </Link>
      </section>

      {organizations.isPending ? (
        <ListSkeleton />
      ) : organizations.isError ? (
        <ErrorState error={organizations.error} onRetry={() => void organizations.refetch()} />
      ) : organizations.data.total === 0 ? (
        <Empty
          className="panel empty-state"
          description={
            <>
              <strong>{t('portal.directory.empty')}</strong>
              <br />
              {t('portal.directory.emptyHint')}
            </>
          }
        >
          {hasFilters && (
            <Button type="primary" onClick={() => setParams(new URLSearchParams())}>
              {t('common.clearFilters')}
            </Button>
          )}
        </Empty>
      ) : (
        <>
          <p className="result-count" aria-live="polite">
            {t('portal.directory.count', { total: organizations.data.total })}
          </p>
          <ResultsMap
            organizations={organizations.data.items}
            highlighted={highlighted}
            onSelect={selectOnMap}
          />
          <ul className="org-list" aria-busy={organizations.isFetching}>
            {organizations.data.items.map((organization) => (
              <li key={organization.id}>
                <OrganizationCard
                  organization={organization}
                  now={now}
                  highlighted={organization.id === highlighted}
                />
              </li>
            ))}
          </ul>
          {organizations.data.total > pageSize && (
            <Pagination
              className="pager"
              align="center"
              current={page}
              pageSize={pageSize}
              total={organizations.data.total}
              showSizeChanger={false}
              onChange={goToPage}
            />
          )}
        </>
      )}
    </div>
  );
}
