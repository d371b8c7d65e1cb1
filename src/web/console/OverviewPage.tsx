import { useQueries } from '@tanstack/react-query';
import { Card, Col, Row, Skeleton, Statistic, Table } from 'antd';
import { Link } from 'react-router-dom';
import type { Division } from '../../contracts/divisions.js';
import type { OrganizationStatus, OrganizationType } from '../../contracts/organizations.js';
import { ErrorState } from '../kit/ui/ErrorState.js';
import { useSettings } from '../kit/settings.js';
import { api } from '../kit/endpoints.js';
import { organizationStatuses, organizationTypes } from '../../contracts/values.js';
import { useI18n } from '../kit/i18n/I18nProvider.js';
import { queryKeys, useAllChildren, useDivision, useOrganizationCount } from '../kit/queries.js';
import { useDocumentTitle } from '../kit/use-document-title.js';
import { divisionsPath } from '../modules/divisions/api.js';
import { organizationsPath } from '../modules/organizations/api.js';

function countQuery(filter: { type?: OrganizationType; status?: OrganizationStatus }) {
  const page = { ...filter, limit: 1, offset: 0 };
  return {
    queryKey: queryKeys.organizations(page),
    queryFn: ({ signal }: { signal: AbortSignal }) => api.listOrganizations(page, signal),
  };
}

function OrganizationTotals() {
  const { t } = useI18n();
  const total = useOrganizationCount({});
  const byStatus = useQueries({
    queries: organizationStatuses.map((status) => countQuery({ status })),
  });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} sm={12} xl={6}>
        <Card>
          <Link to={organizationsPath()} className="stat-link">
            <Statistic
              title={t('console.overview.organizations')}
              value={total.data ?? '–'}
              loading={total.isPending}
            />
          </Link>
        </Card>
      </Col>
      {organizationStatuses.map((status, index) => (
        <Col xs={24} sm={12} xl={6} key={status}>
          <Card>
            <Link to={organizationsPath({ status })} className="stat-link">
              <Statistic
                title={t(`orgStatus.${status}`)}
                value={byStatus[index]?.data?.total ?? '–'}
                loading={byStatus[index]?.isPending}
              />
            </Link>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

interface TypeCount {
  type: OrganizationType;
  count: number | undefined;
}

function OrganizationsByType() {
  const { t, formatNumber } = useI18n();
  const results = useQueries({
    queries: organizationTypes.map((type) => countQuery({ type })),
  });
  const failed = results.find((result) => result.isError);
  const rows: TypeCount[] = organizationTypes.map((type, index) => ({
    type,
    count: results[index]?.data?.total,
  }));
  const largest = Math.max(1, ...rows.map((row) => row.count ?? 0));

  return (
    <Card title={t('console.overview.byType')}>
      {failed ? (
        <ErrorState error={failed.error} onRetry={() => results.forEach((r) => void r.refetch())} />
      ) : (
        <Table<TypeCount>
          rowKey="type"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            {
              key: 'type',
              title: t('org.type'),
              render: (_, row) => (
                <Link to={organizationsPath({ type: row.type })}>{t(`orgType.${row.type}`)}</Link>
              ),
            },
            {
              key: 'count',
              title: t('console.overview.count'),
              width: '50%',
              render: (_, row) =>
                row.count === undefined ? (
                  <Skeleton.Button active size="small" block />
                ) : (
                  <div className="type-bar">
                    <div className="type-bar-track" aria-hidden="true">
                      <div
                        className="type-bar-fill"
                        style={{ width: `${(row.count / largest) * 100}%` }}
                      />
                    </div>
                    <span className="type-bar-value">{formatNumber(row.count)}</span>
                  </div>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** Counts each township's villages from the `total` of a one-row page of its children. */
function useVillageCount(townships: Division[] | undefined) {
  return useQueries({
    queries: (townships ?? []).map((township) => {
      const page = { parent: township.code, limit: 1, offset: 0 };
      return {
        queryKey: queryKeys.divisions(page),
        queryFn: ({ signal }: { signal: AbortSignal }) => api.listDivisions(page, signal),
      };
    }),
    combine: (results) => ({
      total: results.reduce((sum, result) => sum + (result.data?.total ?? 0), 0),
      pending: results.some((result) => result.isPending),
      error: results.find((result) => result.isError)?.error,
    }),
  });
}

function HomeDivisions() {
  const { t, formatNumber } = useI18n();
  const { homeDivisionCode } = useSettings();
  const home = useDivision(homeDivisionCode);
  const townships = useAllChildren(homeDivisionCode);
  const villages = useVillageCount(townships.data);
  const error = home.error ?? townships.error ?? villages.error;

  const kindCounts = new Map<string, number>();
  for (const township of townships.data ?? []) {
    kindCounts.set(township.kind, (kindCounts.get(township.kind) ?? 0) + 1);
  }
  const kindSummary = [...kindCounts]
    .map(
      ([kind, count]) => `${t(`divisionKind.${kind as Division['kind']}`)} ${formatNumber(count)}`,
    )
    .join(' · ');

  return (
    <Card
      title={
        home.data
          ? t('console.overview.divisionsOf', { name: home.data.name })
          : t('console.nav.divisions')
      }
      extra={<Link to={divisionsPath(homeDivisionCode)}>{t('console.overview.viewAll')}</Link>}
    >
      {error ? (
        <ErrorState
          error={error}
          onRetry={() => {
            void home.refetch();
            void townships.refetch();
          }}
        />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} sm={12}>
            <Statistic
              title={t('divisionLevel.township')}
              value={townships.data?.length ?? '–'}
              loading={townships.isPending}
            />
            <div className="stat-note">{kindSummary}</div>
          </Col>
          <Col xs={24} sm={12}>
            <Statistic
              title={t('divisionLevel.village')}
              value={villages.total}
              loading={townships.isPending || villages.pending}
            />
            <div className="stat-note">
              {t('console.overview.villagesNote', { towns: townships.data?.length ?? 0 })}
            </div>
          </Col>
        </Row>
      )}
    </Card>
  );
}

export default function OverviewPage() {
  const { t } = useI18n();
  useDocumentTitle(t('console.nav.overview'), t('app.consoleTitle'), t('app.name'));
  return (
    <div className="console-page">
      <h1 className="console-page-title">{t('console.nav.overview')}</h1>
      <OrganizationTotals />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <OrganizationsByType />
        </Col>
        <Col xs={24} xl={10}>
          <HomeDivisions />
        </Col>
      </Row>
    </div>
  );
}
