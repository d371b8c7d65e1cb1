import { EnvironmentOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  InputNumber,
  Modal,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { Suspense, lazy, useCallback, useMemo, useState } from 'react';
import type { MouseEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  coveragePointTypes,
  coverageWithinKmBounds,
  type Coverage,
  type CoverageWorkstation,
  type TownshipCoverage,
  type VillageCoverage,
} from '../../../../contracts/coverage.js';
import { isDivisionCode } from '../../../../contracts/values.js';
import { ApiError } from '../../../kit/api.js';
import { hasPermission, useMe } from '../../../kit/auth/session.js';
import { ErrorState } from '../../../kit/ui/ErrorState.js';
import { placeFormError } from '../../../kit/form-errors.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import type { Translate } from '../../../kit/i18n/I18nProvider.js';
import { useSettings } from '../../../kit/settings.js';
import { useDocumentTitle } from '../../../kit/use-document-title.js';
import type { CoverageMapLabels } from './CoverageMap.js';
import { reachBand, reachColours, workstationColours } from './CoverageMap.js';
import { DivisionCascader } from '../../../kit/ui/DivisionCascader.js';
import { coverageApi, coverageQueryKey, useCoverage } from '../api.js';
import './coverage.css';

// Leaflet loads only when the map is first drawn.
const CoverageMap = lazy(() => import('./CoverageMap.js'));

const TOWNSHIP_CODE_LENGTH = 9;

/** The area and the reach live in the address, so a view can be shared or reloaded. */
function readState(params: URLSearchParams): { division: string | undefined; withinKm: number } {
  const division = params.get('division');
  const withinKm = Number(params.get('withinKm'));
  const validReach =
    Number.isFinite(withinKm) &&
    withinKm >= coverageWithinKmBounds.min &&
    withinKm <= coverageWithinKmBounds.max;
  return {
    division: isDivisionCode(division) && [6, 9].includes(division.length) ? division : undefined,
    withinKm: validReach ? withinKm : coverageWithinKmBounds.default,
  };
}

/** A village chosen in the area picker stands for its township; provinces and cities for nothing. */
function areaOf(code: string | undefined): string | undefined | null {
  if (code === undefined) return undefined;
  if (code.length === 6 || code.length === TOWNSHIP_CODE_LENGTH) return code;
  if (code.length > TOWNSHIP_CODE_LENGTH) return code.slice(0, TOWNSHIP_CODE_LENGTH);
  return null;
}

/** The server's answer when the caller has no district of their own and chose none. */
function needsArea(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 400 &&
    error.fields.some((field) => field.field === 'querystring.division')
  );
}

function useDistance() {
  const { t, formatNumber } = useI18n();
  return useCallback(
    (km: number | null) =>
      km === null ? t('coverage.none') : t('coverage.distance', { value: formatNumber(km) }),
    [t, formatNumber],
  );
}

interface CentreTarget {
  code: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
}

export default function CoveragePage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const state = readState(params);
  const coverage = useCoverage(state);
  const me = useMe();
  const canPlace = hasPermission(me.data, 'divisions.manage');
  const [placing, setPlacing] = useState<CentreTarget | undefined>();
  useDocumentTitle(t('console.nav.coverage'), coverage.data?.division.name);

  const update = (change: Partial<typeof state>) => {
    const next = { ...state, ...change };
    const search = new URLSearchParams();
    if (next.division) search.set('division', next.division);
    if (next.withinKm !== coverageWithinKmBounds.default) {
      search.set('withinKm', String(next.withinKm));
    }
    setParams(search, { replace: true });
  };

  return (
    <div className="console-page">
      <div className="page-heading">
        <h1 className="console-page-title">{t('console.nav.coverage')}</h1>
        <span className="muted">{t('coverage.subtitle')}</span>
      </div>
      <Card>
        <div className="filter-bar">
          <Space>
            <span>{t('coverage.area')}</span>
            <DivisionCascader
              value={state.division ?? coverage.data?.division.code}
              placeholder={t('coverage.areaPlaceholder')}
              onChange={(code) => {
                const area = areaOf(code);
                if (area !== null) update({ division: area });
              }}
            />
          </Space>
          <Space>
            <label htmlFor="coverage-within-km">{t('coverage.withinKm')}</label>
            <InputNumber<number>
              id="coverage-within-km"
              min={coverageWithinKmBounds.min}
              max={coverageWithinKmBounds.max}
              step={0.5}
              precision={1}
              value={state.withinKm}
              suffix={t('coverage.kmUnit')}
              changeOnWheel={false}
              style={{ width: 130 }}
              onChange={(value) => {
                if (
                  typeof value === 'number' &&
                  value >= coverageWithinKmBounds.min &&
                  value <= coverageWithinKmBounds.max
                ) {
                  update({ withinKm: value });
                }
              }}
            />
          </Space>
        </div>
      </Card>
      {coverage.isError && !coverage.data ? (
        needsArea(coverage.error) ? (
          <Alert type="info" showIcon title={t('coverage.chooseArea')} />
        ) : (
          <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} />
        )
      ) : !coverage.data ? (
        <Card loading />
      ) : (
        <CoverageReport
          coverage={coverage.data}
          refreshing={coverage.isFetching}
          onPlace={canPlace ? setPlacing : undefined}
        />
      )}
      {placing && <CentreDialog target={placing} onClose={() => setPlacing(undefined)} />}
    </div>
  );
}

function CoverageReport({
  coverage,
  refreshing,
  onPlace,
}: {
  coverage: Coverage;
  refreshing: boolean;
  onPlace: ((target: CentreTarget) => void) | undefined;
}) {
  const { t } = useI18n();
  const { summary } = coverage;
  return (
    <>
      <SummaryCards coverage={coverage} />
      {summary.villagesApproximate > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('coverage.approximateNote', { count: summary.villagesApproximate })}
        />
      )}
      {summary.villagesWithoutLocation > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('coverage.noLocationNote', { count: summary.villagesWithoutLocation })}
        />
      )}
      <Card title={t('coverage.townships.title')}>
        <TownshipTable coverage={coverage} loading={refreshing} onPlace={onPlace} />
      </Card>
      <MapCard coverage={coverage} />
      <StationsCard coverage={coverage} />
    </>
  );
}

function SummaryCards({ coverage }: { coverage: Coverage }) {
  const { t, formatNumber } = useI18n();
  const distance = useDistance();
  const { summary } = coverage;
  const cards: Array<{ key: string; title: string; value: number; note?: string }> = [
    { key: 'townships', title: t('coverage.summary.townships'), value: summary.townships },
    { key: 'villages', title: t('coverage.summary.villages'), value: summary.villages },
    {
      key: 'workstations',
      title: t('coverage.summary.workstations'),
      value: summary.workstations,
    },
    {
      key: 'opened',
      title: t('coverage.summary.openedThisYear', { year: coverage.year }),
      value: summary.workstationsOpenedThisYear,
    },
    {
      key: 'beyond',
      title: t('coverage.summary.beyond', { km: formatNumber(coverage.withinKm) }),
      value: summary.villagesBeyond,
      note: t('coverage.summary.distances', {
        max: distance(summary.maxDistanceKm),
        median: distance(summary.medianDistanceKm),
      }),
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((card) => (
        <Col xs={24} sm={12} lg={8} xl={{ flex: '20%' }} key={card.key}>
          <Card className="coverage-stat" data-stat={card.key}>
            <Statistic title={card.title} value={card.value} />
            {card.note && <div className="stat-note">{card.note}</div>}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

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

function TownshipTable({
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

function VillageTable({
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

function MapCard({ coverage }: { coverage: Coverage }) {
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

function StationsCard({ coverage }: { coverage: Coverage }) {
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

interface CentreForm {
  latitude: number;
  longitude: number;
}

/** Records where a village or township is; coverage is then measured from there. */
function CentreDialog({ target, onClose }: { target: CentreTarget; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CentreForm>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const save = async (values: CentreForm) => {
    setSaving(true);
    setFormError(null);
    try {
      await coverageApi.setCentre(target.code, values);
      void message.success(t('coverage.setCentre.saved'));
      await queryClient.invalidateQueries({ queryKey: coverageQueryKey() });
      await queryClient.invalidateQueries({ queryKey: ['divisions'] });
      onClose();
    } catch (error) {
      const placed = placeFormError(error, ['latitude', 'longitude'] as const, t);
      form.setFields(placed.fields);
      setFormError(placed.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('coverage.setCentre.title', { name: target.name })}
      okText={t('coverage.setCentre.save')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p className="muted">{t('coverage.setCentre.hint')}</p>
      {formError && <Alert type="error" showIcon title={formError} className="form-alert" />}
      <Form<CentreForm>
        form={form}
        layout="vertical"
        initialValues={{
          latitude: target.latitude ?? undefined,
          longitude: target.longitude ?? undefined,
        }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="latitude"
          label={t('coverage.setCentre.latitude')}
          rules={[{ required: true, type: 'number', min: -90, max: 90 }]}
        >
          <InputNumber<number> style={{ width: '100%' }} step={0.0001} />
        </Form.Item>
        <Form.Item
          name="longitude"
          label={t('coverage.setCentre.longitude')}
          rules={[{ required: true, type: 'number', min: -180, max: 180 }]}
        >
          <InputNumber<number> style={{ width: '100%' }} step={0.0001} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
