import { EnvironmentOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import type { MouseEvent } from 'react';
import {
  coveragePointTypes,
  type Coverage,
  type TownshipCoverage,
  type VillageCoverage,
} from '../../../../contracts/coverage.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import type { Translate } from '../../../kit/i18n/I18nProvider.js';
import { reachBand, reachColours } from './reach.js';
import { useDistance } from './use-distance.js';
import type { CentreTarget } from './CentreDialog.js';

function townshipTags(township: TownshipCoverage, t: Translate) {
  return (
    <>
      {township.workstationCount === 0 && <Tag color="red">{t('coverage.tag.noWorkstation')}</Tag>}
      {township.villagesBeyond > 0 && <Tag color="orange">{t('coverage.tag.farVillages')}</Tag>}
    </>
  );
}

const byNumber =
  <T,>(value: (row: T) => number | null) =>
  (a: T, b: T) =>
    (value(a) ?? -1) - (value(b) ?? -1);

export function TownshipTable({
  coverage,
  loading,
  onPlace,
}: {
  coverage: Coverage;
  loading: boolean;
  onPlace: ((target: CentreTarget) => void) | undefined;
}) {
  const { t, formatNumber } = useI18n();
  const distance = useDistance();
  const columns: TableColumnsType<TownshipCoverage> = [
    {
      key: 'township',
      title: t('coverage.col.township'),
      sorter: (a, b) => a.code.localeCompare(b.code),
      render: (_, township) => (
        <div className="name-cell">
          <span>
            {township.name} {townshipTags(township, t)}
          </span>
          <span className="mono muted">{township.code}</span>
        </div>
      ),
    },
    {
      key: 'villages',
      title: t('coverage.col.villages'),
      align: 'right',
      sorter: byNumber((row) => row.villageCount),
      render: (_, township) => formatNumber(township.villageCount),
    },
    {
      key: 'workstations',
      title: t('coverage.col.workstations'),
      align: 'right',
      sorter: byNumber((row) => row.workstationCount),
      render: (_, township) => (
        <span>
          {formatNumber(township.workstationCount)}
          {township.workstationsOpenedThisYear > 0 && (
            <Tag color="cyan" className="coverage-new-tag">
              {t('coverage.tag.newThisYear', { count: township.workstationsOpenedThisYear })}
            </Tag>
          )}
        </span>
      ),
    },
    {
      key: 'servicePoints',
      title: t('coverage.col.servicePoints'),
      sorter: byNumber((row) =>
        coveragePointTypes.reduce((sum, type) => sum + row.servicePoints[type], 0),
      ),
      render: (_, township) => (
        <span className="tag-list">
          {coveragePointTypes
            .filter((type) => township.servicePoints[type] > 0)
            .map((type) => (
              <Tag key={type}>
                {t(`orgType.${type}`)} {formatNumber(township.servicePoints[type])}
              </Tag>
            ))}
        </span>
      ),
    },
    {
      key: 'services',
      title: t('coverage.col.services'),
      width: 240,
      // One line per township; the full list shows on hover.
      ellipsis: true,
      render: (_, township) =>
        township.services.map((service) => t(`orgService.${service}`)).join('、') ||
        t('coverage.none'),
    },
    {
      key: 'beyond',
      title: t('coverage.col.beyond'),
      align: 'right',
      sorter: byNumber((row) => row.villagesBeyond),
      render: (_, township) =>
        township.villagesBeyond > 0 ? (
          <strong className="coverage-beyond">{formatNumber(township.villagesBeyond)}</strong>
        ) : (
          formatNumber(0)
        ),
    },
    {
      key: 'max',
      title: t('coverage.col.max'),
      align: 'right',
      sorter: byNumber((row) => row.maxDistanceKm),
      render: (_, township) => distance(township.maxDistanceKm),
    },
    {
      key: 'median',
      title: t('coverage.col.median'),
      align: 'right',
      sorter: byNumber((row) => row.medianDistanceKm),
      render: (_, township) => distance(township.medianDistanceKm),
    },
  ];
  if (onPlace) {
    columns.push({
      key: 'actions',
      title: t('coverage.col.actions'),
      render: (_, township) => (
        <PlaceButton
          onClick={(event) => {
            event.stopPropagation();
            onPlace(township);
          }}
        />
      ),
    });
  }
  return (
    <Table<TownshipCoverage>
      rowKey="code"
      size="middle"
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={coverage.townships}
      columns={columns}
      rowClassName={(township) =>
        township.workstationCount === 0
          ? 'coverage-row-gap'
          : township.villagesBeyond > 0
            ? 'coverage-row-far'
            : ''
      }
      expandable={{
        expandRowByClick: true,
        rowExpandable: (township) => township.villageCount > 0,
        expandedRowRender: (township) => (
          <VillageTable township={township} withinKm={coverage.withinKm} onPlace={onPlace} />
        ),
      }}
    />
  );
}

function PlaceButton({ onClick }: { onClick: (event: MouseEvent) => void }) {
  const { t } = useI18n();
  return (
    <Button size="small" type="link" icon={<EnvironmentOutlined />} onClick={onClick}>
      {t('coverage.setCentre')}
    </Button>
  );
}

export function VillageTable({
  township,
  withinKm,
  onPlace,
}: {
  township: TownshipCoverage;
  withinKm: number;
  onPlace: ((target: CentreTarget) => void) | undefined;
}) {
  const { t } = useI18n();
  const distance = useDistance();
  const columns: TableColumnsType<VillageCoverage> = [
    {
      key: 'name',
      title: t('coverage.village.col.name'),
      render: (_, village) => (
        <span>
          {village.name}{' '}
          {village.approximate && (
            <Tooltip title={t('coverage.village.approximateHint')}>
              <Tag>{t('coverage.village.approximate')}</Tag>
            </Tooltip>
          )}
          {village.latitude === null && (
            <Tag color="default">{t('coverage.village.noLocation')}</Tag>
          )}
        </span>
      ),
    },
    {
      key: 'nearest',
      title: t('coverage.village.col.nearest'),
      render: (_, village) =>
        village.nearest ? (
          <span>
            {village.nearest.name}
            {village.nearest.townshipCode !== township.code && village.nearest.townshipName && (
              <span className="muted">
                {t('coverage.village.otherTownship', { township: village.nearest.townshipName })}
              </span>
            )}
          </span>
        ) : village.latitude === null ? (
          t('coverage.none')
        ) : (
          <span className="muted">{t('coverage.village.noWorkstation')}</span>
        ),
    },
    {
      key: 'distance',
      title: t('coverage.village.col.distance'),
      align: 'right',
      sorter: byNumber((row) => row.distanceKm),
      render: (_, village) => {
        const band = reachBand(village.distanceKm, village.beyond, withinKm);
        return (
          <span className="coverage-distance" style={{ color: reachColours[band] }}>
            {distance(village.distanceKm)}
            {village.beyond && (
              <Tag color="red" className="coverage-new-tag">
                {t('coverage.village.beyond')}
              </Tag>
            )}
          </span>
        );
      },
    },
  ];
  if (onPlace) {
    columns.push({
      key: 'actions',
      title: t('coverage.col.actions'),
      render: (_, village) => (
        <PlaceButton
          onClick={() =>
            onPlace(village.approximate ? { ...village, latitude: null, longitude: null } : village)
          }
        />
      ),
    });
  }
  return (
    <Table<VillageCoverage>
      className="coverage-villages"
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={township.villages}
      columns={columns}
      rowClassName={(village) => (village.beyond ? 'coverage-row-far' : '')}
    />
  );
}
