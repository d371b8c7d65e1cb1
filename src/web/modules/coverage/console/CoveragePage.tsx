import { Alert, Card, Col, InputNumber, Row, Space, Statistic } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { coverageWithinKmBounds, type Coverage } from '../../../../contracts/coverage.js';
import { isDivisionCode } from '../../../../contracts/values.js';
import { ApiError } from '../../../kit/api.js';
import { hasPermission, useMe } from '../../../kit/auth/session.js';
import { ErrorState } from '../../../kit/ui/ErrorState.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { useDocumentTitle } from '../../../kit/use-document-title.js';
import { DivisionCascader } from '../../../kit/ui/DivisionCascader.js';
import { useCoverage } from '../api.js';
import { useDistance } from './use-distance.js';
import { CentreDialog } from './CentreDialog.js';
import type { CentreTarget } from './CentreDialog.js';
import { TownshipTable } from './CoverageTables.js';
import { MapCard, StationsCard } from './CoverageCards.js';
import './coverage.css';

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
