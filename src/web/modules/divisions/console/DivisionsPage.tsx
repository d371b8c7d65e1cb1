import {
  Breadcrumb,
  Card,
  Col,
  Descriptions,
  Empty,
  Row,
  Skeleton,
  Table,
  Tag,
  Timeline,
} from 'antd';
import type { DescriptionsProps, TableProps } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Division, DivisionChange, DivisionDetail } from '../../../../contracts/divisions.js';
import { ErrorState } from '../../../kit/ui/ErrorState.js';
import { NotFound } from '../../../kit/ui/NotFound.js';
import { isDivisionCode } from '../../../../contracts/values.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import type { Translate } from '../../../kit/i18n/I18nProvider.js';
import {
  useDivision,
  useDivisionChanges,
  useDivisions,
  useOrganizationCount,
} from '../../../kit/queries.js';
import { useDocumentTitle } from '../../../kit/use-document-title.js';
import { organizationsPath } from '../../organizations/api.js';
import { divisionsPath } from '../api.js';

const defaultPageSize = 50;

function DivisionBreadcrumb({ division }: { division: DivisionDetail | undefined }) {
  const { t } = useI18n();
  const path = division?.path ?? [];
  return (
    <Breadcrumb
      items={[
        {
          key: 'root',
          title: division ? (
            <Link to={divisionsPath()}>{t('console.divisions.root')}</Link>
          ) : (
            t('console.divisions.root')
          ),
        },
        ...path.map((step, index) => ({
          key: step.code,
          title:
            index === path.length - 1 ? (
              step.name
            ) : (
              <Link to={divisionsPath(step.code)}>{step.name}</Link>
            ),
        })),
      ]}
    />
  );
}

function DivisionFacts({ division }: { division: DivisionDetail }) {
  const { t, formatNumber } = useI18n();
  const organizations = useOrganizationCount({ division: division.code });
  const parent = division.path.at(-2);
  const items: DescriptionsProps['items'] = [
    { key: 'code', label: t('console.divisions.code'), children: division.code },
    {
      key: 'level',
      label: t('console.divisions.level'),
      children: t(`divisionLevel.${division.level}`),
    },
    {
      key: 'kind',
      label: t('console.divisions.kind'),
      children: <Tag>{t(`divisionKind.${division.kind}`)}</Tag>,
    },
    {
      key: 'parent',
      label: t('console.divisions.parent'),
      children: parent ? <Link to={divisionsPath(parent.code)}>{parent.name}</Link> : '—',
    },
    { key: 'validFrom', label: t('console.divisions.validFrom'), children: division.validFrom },
    {
      key: 'validTo',
      label: t('console.divisions.validTo'),
      children: division.validTo ?? <Tag color="green">{t('console.divisions.stillValid')}</Tag>,
    },
    ...(division.successorCode
      ? [
          {
            key: 'successor',
            label: t('console.divisions.successor'),
            children: (
              <Link to={divisionsPath(division.successorCode)}>{division.successorCode}</Link>
            ),
          },
        ]
      : []),
    {
      key: 'childCount',
      label: t('console.divisions.childCount'),
      children: formatNumber(division.childCount),
    },
    {
      key: 'organizations',
      label: t('console.nav.organizations'),
      children: (
        <Link to={organizationsPath({ division: division.code })}>
          {organizations.data === undefined ? '…' : formatNumber(organizations.data)}
        </Link>
      ),
    },
  ];
  return (
    <Card title={<h2 className="card-heading">{division.name}</h2>}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small" items={items} />
    </Card>
  );
}

function changeSummary(change: DivisionChange, t: Translate): string {
  const parts = [
    change.previousName && t('console.divisions.renamedFrom', { name: change.previousName }),
    change.newName && t('console.divisions.renamedTo', { name: change.newName }),
    change.successorCode && t('console.divisions.mergedInto', { code: change.successorCode }),
    change.note,
  ];
  return parts.filter(Boolean).join('；');
}

function ChangeHistory({ code }: { code: string }) {
  const { t, formatDateTime } = useI18n();
  const changes = useDivisionChanges(code);
  return (
    <Card title={t('console.divisions.changes')}>
      {changes.isPending ? (
        <Skeleton active />
      ) : changes.isError ? (
        <ErrorState error={changes.error} onRetry={() => void changes.refetch()} />
      ) : changes.data.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('console.divisions.noChanges')}
        />
      ) : (
        <Timeline
          items={changes.data.map((change) => ({
            key: change.id,
            color: change.changeType === 'abolished' ? 'red' : 'blue',
            title: `${change.effectiveDate} ${t(`changeType.${change.changeType}`)}`,
            content: (
              <>
                <div>{changeSummary(change, t)}</div>
                <small className="stat-note">
                  {t('console.divisions.recordedAt', { time: formatDateTime(change.recordedAt) })}
                </small>
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}

function useChildColumns(): TableProps<Division>['columns'] {
  const { t } = useI18n();
  return [
    {
      key: 'name',
      title: t('console.divisions.name'),
      dataIndex: 'name',
      render: (name: string, division) => <Link to={divisionsPath(division.code)}>{name}</Link>,
    },
    { key: 'code', title: t('console.divisions.code'), dataIndex: 'code' },
    {
      key: 'level',
      title: t('console.divisions.level'),
      dataIndex: 'level',
      render: (level: Division['level']) => t(`divisionLevel.${level}`),
    },
    {
      key: 'kind',
      title: t('console.divisions.kind'),
      dataIndex: 'kind',
      render: (kind: Division['kind']) => <Tag>{t(`divisionKind.${kind}`)}</Tag>,
    },
    { key: 'validFrom', title: t('console.divisions.validFrom'), dataIndex: 'validFrom' },
    {
      key: 'organizations',
      title: t('console.nav.organizations'),
      render: (_, division) => (
        <Link
          to={organizationsPath({ division: division.code })}
          onClick={(event) => event.stopPropagation()}
        >
          {t('console.divisions.organizations')}
        </Link>
      ),
    },
  ];
}

function ChildDivisions({ parent }: { parent: string | undefined }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Number(params.get('pageSize')) || defaultPageSize;
  const children = useDivisions({ parent, limit: pageSize, offset: (page - 1) * pageSize });
  const columns = useChildColumns();

  return (
    <Card title={t('console.divisions.children')}>
      {children.isError ? (
        <ErrorState error={children.error} onRetry={() => void children.refetch()} />
      ) : (
        <Table<Division>
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={children.data?.items}
          loading={children.isFetching}
          locale={{ emptyText: t('console.divisions.noChildren') }}
          rowClassName="clickable-row"
          onRow={(division) => ({ onClick: () => void navigate(divisionsPath(division.code)) })}
          pagination={{
            current: page,
            pageSize,
            total: children.data?.total ?? 0,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.totalItems', { total }),
            onChange: (next, size) =>
              setParams({ page: String(size === pageSize ? next : 1), pageSize: String(size) }),
          }}
        />
      )}
    </Card>
  );
}

export default function DivisionsPage() {
  const { t } = useI18n();
  const { code } = useParams();
  const validCode = code === undefined || isDivisionCode(code);
  const division = useDivision(validCode ? code : undefined);
  useDocumentTitle(
    division.data?.name ?? t('console.nav.divisions'),
    t('app.consoleTitle'),
    t('app.name'),
  );

  if (!validCode) return <NotFound />;

  return (
    <div className="console-page">
      <h1 className="console-page-title">{t('console.nav.divisions')}</h1>
      <DivisionBreadcrumb division={division.data} />
      {code && division.isError ? (
        <ErrorState error={division.error} onRetry={() => void division.refetch()} />
      ) : code && division.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <>
          {division.data && code && (
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={14}>
                <DivisionFacts division={division.data} />
              </Col>
              <Col xs={24} xl={10}>
                <ChangeHistory code={code} />
              </Col>
            </Row>
          )}
          <ChildDivisions key={code ?? 'root'} parent={code} />
        </>
      )}
    </div>
  );
}
