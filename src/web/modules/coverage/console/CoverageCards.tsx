import { Card, Empty, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Suspense, lazy, useMemo } from 'react';
import { type Coverage, type CoverageWorkstation } from '../../../../contracts/coverage.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { useSettings } from '../../../kit/settings.js';
import type { CoverageMapLabels } from './CoverageMap.js';
import { reachColours, workstationColours } from './reach.js';
import { useDistance } from './use-distance.js';

// Leaflet loads only when the map is first drawn.
const CoverageMap = lazy(() => import('./CoverageMap.js'));

export function MapCard({ coverage }: { coverage: Coverage }) {
  const { t, formatNumber } = useI18n();
  const { mapTileUrl } = useSettings();
  const distance = useDistance();
  const labels = useMemo<CoverageMapLabels>(
    () => ({
      region: t('coverage.map.region'),
      village: (name, text) => t('coverage.map.village', { name, distance: text }),
      workstation: (name) => name,
    }),
    [t],
  );
  // The map frames the division's own points; without any there is nothing to draw.
  const located =
    coverage.workstations.some((station) => station.withinDivision && station.latitude !== null) ||
    coverage.townships.some((township) => township.villages.some((v) => v.latitude !== null));
  const half = formatNumber(coverage.withinKm / 2);
  const reach = formatNumber(coverage.withinKm);
  const legend: Array<{ key: string; colour: string; text: string; large?: boolean }> = [
    {
      key: 'own',
      colour: workstationColours.own,
      text: t('coverage.legend.workstation'),
      large: true,
    },
    {
      key: 'new',
      colour: workstationColours.openedThisYear,
      text: t('coverage.legend.newWorkstation'),
      large: true,
    },
    {
      key: 'neighbour',
      colour: workstationColours.neighbour,
      text: t('coverage.legend.neighbour'),
      large: true,
    },
    { key: 'near', colour: reachColours.near, text: t('coverage.legend.near', { km: half }) },
    {
      key: 'within',
      colour: reachColours.within,
      text: t('coverage.legend.within', { from: half, km: reach }),
    },
    {
      key: 'beyond',
      colour: reachColours.beyond,
      text: t('coverage.legend.beyond', { km: reach }),
    },
  ];
  return (
    <Card title={t('coverage.map.title')}>
      {located ? (
        <>
          <Suspense fallback={<div className="coverage-map coverage-map-plain" />}>
            <CoverageMap
              coverage={coverage}
              tileUrl={mapTileUrl}
              labels={labels}
              formatDistance={distance}
            />
          </Suspense>
          <ul className="coverage-legend">
            {legend.map((item) => (
              <li key={item.key}>
                <span
                  className={item.large ? 'coverage-dot coverage-dot-large' : 'coverage-dot'}
                  style={{ backgroundColor: item.colour }}
                  aria-hidden="true"
                />
                {item.text}
              </li>
            ))}
            <li>
              <span className="coverage-dot coverage-dot-hollow" aria-hidden="true" />
              {t('coverage.legend.approximate')}
            </li>
          </ul>
          {!mapTileUrl && <p className="muted coverage-map-note">{t('coverage.map.offline')}</p>}
        </>
      ) : (
        <Empty description={t('coverage.map.noPoints')} />
      )}
    </Card>
  );
}

export function StationsCard({ coverage }: { coverage: Coverage }) {
  const { t, formatNumber } = useI18n();
  const townshipNames = new Map(
    coverage.townships.map((township) => [township.code, township.name]),
  );
  const stations = coverage.workstations.filter((station) => station.withinDivision);
  const columns: TableColumnsType<CoverageWorkstation> = [
    {
      key: 'name',
      title: t('coverage.stations.col.name'),
      render: (_, station) => (
        <span>
          {station.name}{' '}
          {station.openedThisYear && <Tag color="cyan">{t('coverage.stations.new')}</Tag>}
          {station.homeVisits && <Tag>{t('coverage.stations.homeVisits')}</Tag>}
        </span>
      ),
    },
    {
      key: 'township',
      title: t('coverage.stations.col.township'),
      render: (_, station) =>
        (station.townshipCode && townshipNames.get(station.townshipCode)) ?? t('coverage.none'),
    },
    {
      key: 'host',
      title: t('coverage.stations.col.host'),
      render: (_, station) =>
        station.hostKind ? (
          <span>
            {station.hostName ?? t(`hostKind.${station.hostKind}`)}{' '}
            <span className="muted">{t(`hostKind.${station.hostKind}`)}</span>
          </span>
        ) : (
          t('coverage.none')
        ),
    },
    {
      key: 'established',
      title: t('coverage.stations.col.established'),
      sorter: (a, b) => (a.establishedOn ?? '').localeCompare(b.establishedOn ?? ''),
      render: (_, station) => station.establishedOn ?? t('coverage.none'),
    },
    {
      key: 'staff',
      title: t('coverage.stations.col.staff'),
      align: 'right',
      render: (_, station) =>
        station.staffCount === null ? t('coverage.none') : formatNumber(station.staffCount),
    },
    {
      key: 'standard',
      title: t('coverage.stations.col.standard'),
      render: (_, station) =>
        station.meetsStandard === null ? (
          <span className="muted">{t('coverage.stations.notAssessed')}</span>
        ) : station.meetsStandard ? (
          <Tag color="green">{t('coverage.stations.meets')}</Tag>
        ) : (
          <Tag color="orange">{t('coverage.stations.belowStandard')}</Tag>
        ),
    },
  ];
  return (
    <Card title={t('coverage.stations.title')}>
      <Table<CoverageWorkstation>
        className="coverage-stations"
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={stations}
        columns={columns}
      />
    </Card>
  );
}
