import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  DownloadOutlined,
  ExclamationCircleOutlined,
  ReloadOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Table, Tag, Tooltip } from 'antd';
import type { TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { auditOutcomes } from '../../../../contracts/audit.js';
import type { AuditEntry, AuditFilter, AuditOutcome } from '../../../../contracts/audit.js';
import { hasPermission, useMe } from '../../../kit/auth/session.js';
import { ErrorState, errorMessage } from '../../../kit/ui/ErrorState.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { useDocumentTitle } from '../../../kit/use-document-title.js';
import { auditApi, useAudit, useAuditVerification } from '../api.js';
import { oneOf, useListState } from '../../../kit/ui/list-state.js';
import { auditActionLabel } from './audit-action-labels.js';
import { AuditFilters, filterNames } from './AuditFilters.js';
import type { FilterValues } from './AuditFilters.js';

const outcomeColors: Record<AuditOutcome, string> = {
  success: 'green',
  failure: 'orange',
  denied: 'red',
};

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The start of a calendar day in Beijing time, as the API's ISO 8601 bound. */
function dayStart(date: string | undefined, daysLater = 0): string | undefined {
  if (!date || !datePattern.test(date)) return undefined;
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return undefined;
  day.setUTCDate(day.getUTCDate() + daysLater);
  return `${day.toISOString().slice(0, 10)}T00:00:00+08:00`;
}

/** The API filter for the page's filters: the "to" day is included, so the bound is the day after. */
function toAuditFilter(filters: FilterValues): AuditFilter {
  return {
    q: filters.q,
    action: filters.action,
    objectType: filters.objectType,
    objectId: filters.objectId,
    outcome: oneOf(auditOutcomes, filters.outcome),
    actorId: filters.actorId,
    from: dayStart(filters.from),
    to: dayStart(filters.to, 1),
  };
}

function ChainBadge() {
  const { t, formatNumber } = useI18n();
  const verification = useAuditVerification();
  const recheck = (
    <Tooltip title={t('console.audit.chain.recheck')}>
      <Button
        type="text"
        size="small"
        icon={<ReloadOutlined />}
        aria-label={t('console.audit.chain.recheck')}
        onClick={() => void verification.refetch()}
        disabled={verification.isFetching}
      />
    </Tooltip>
  );
  if (verification.isPending || verification.isFetching) {
    return (
      <Tag icon={<SyncOutlined spin />} color="processing" className="chain-badge">
        {t('console.audit.chain.checking')}
      </Tag>
    );
  }
  if (verification.isError) {
    return (
      <span className="chain-badge-wrap">
        <Tooltip title={errorMessage(verification.error, t)}>
          <Tag icon={<ExclamationCircleOutlined />} className="chain-badge">
            {t('console.audit.chain.unknown')}
          </Tag>
        </Tooltip>
        {recheck}
      </span>
    );
  }
  const result = verification.data;
  return (
    <span className="chain-badge-wrap" role="status">
      {result.valid ? (
        <Tag icon={<CheckCircleOutlined />} color="success" className="chain-badge">
          {t('console.audit.chain.valid', { rows: formatNumber(result.rows) })}
        </Tag>
      ) : (
        <Tooltip title={t(`console.audit.chain.${result.reason}`)}>
          <Tag icon={<CloseCircleOutlined />} color="error" className="chain-badge">
            {t('console.audit.chain.broken', { id: result.firstBadId })}
          </Tag>
        </Tooltip>
      )}
      {recheck}
    </span>
  );
}

export default function AuditPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const list = useListState(filterNames);
  const [exporting, setExporting] = useState(false);
  const canExport = hasPermission(me.data, 'audit.export');
  useDocumentTitle(t('console.nav.audit'), t('app.consoleTitle'), t('app.name'));

  const filter = toAuditFilter(list.filters);
  const entries = useAudit({ ...filter, limit: list.limit, offset: list.offset });

  const formatTime = useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    return (iso: string) => format.format(new Date(iso));
  }, [locale]);

  const download = async () => {
    setExporting(true);
    try {
      const stamp = new Date().toISOString().slice(0, 10);
      await auditApi.exportAudit(filter, `audit-${stamp}.csv`);
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      key: 'occurredAt',
      title: t('console.audit.occurredAt'),
      dataIndex: 'occurredAt',
      width: 190,
      render: (value: string) => <span className="mono nowrap">{formatTime(value)}</span>,
    },
    {
      key: 'actor',
      title: t('console.audit.actor'),
      width: 200,
      render: (_, entry) => (
        <div className="name-cell">
          <strong>
            {entry.actorName ?? (entry.actorId ? entry.actorId : t('console.audit.anonymous'))}
          </strong>
          {entry.actorRoles.length > 0 && (
            <span className="mono muted">{entry.actorRoles.join(', ')}</span>
          )}
        </div>
      ),
    },
    {
      key: 'action',
      title: t('console.audit.action'),
      dataIndex: 'action',
      width: 220,
      render: (action: string) => {
        const label = auditActionLabel(action, locale);
        return (
          <div className="name-cell">
            {label && <span>{label}</span>}
            <span className={label ? 'mono muted' : 'mono'}>{action}</span>
          </div>
        );
      },
    },
    {
      key: 'object',
      title: t('console.audit.object'),
      ellipsis: true,
      render: (_, entry) =>
        entry.objectType ? (
          <span className="mono">
            {entry.objectType}
            {entry.objectId ? ` · ${entry.objectId}` : ''}
          </span>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      key: 'outcome',
      title: t('console.audit.outcome'),
      dataIndex: 'outcome',
      width: 100,
      render: (outcome: AuditOutcome) => (
        <Tag color={outcomeColors[outcome]}>{t(`auditOutcome.${outcome}`)}</Tag>
      ),
    },
    {
      key: 'ip',
      title: t('console.audit.ip'),
      dataIndex: 'ip',
      width: 140,
      render: (ip: string | null) => <span className="mono">{ip ?? '—'}</span>,
    },
  ];

  return (
    <div className="console-page">
      <div className="page-heading">
        <h1 className="console-page-title">{t('console.nav.audit')}</h1>
        <ChainBadge />
        <span className="page-heading-spacer" />
        {canExport && (
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void download()}>
            {t('console.audit.export')}
          </Button>
        )}
      </div>
      <Card>
        <AuditFilters
          key={JSON.stringify(list.filters)}
          values={list.filters}
          onApply={(values) => list.setFilters(values)}
          onReset={list.clearFilters}
        />
        {list.filters.actorId && (
          <Tag
            closable
            className="filter-tag"
            onClose={() => list.setFilters({ actorId: undefined })}
          >
            {t('console.audit.ofActor', {
              name: entries.data?.items[0]?.actorName ?? list.filters.actorId,
            })}
          </Tag>
        )}
      </Card>
      <Card>
        {entries.isError ? (
          <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            columns={columns}
            dataSource={entries.data?.items}
            loading={entries.isFetching}
            locale={{ emptyText: t('console.audit.empty') }}
            pagination={list.pagination(entries.data?.total)}
            expandable={{
              rowExpandable: (entry) => Object.keys(entry.detail).length > 0,
              expandedRowRender: (entry) => (
                <pre className="audit-detail">{JSON.stringify(entry.detail, null, 2)}</pre>
              ),
            }}
            scroll={{ x: 1000 }}
          />
        )}
      </Card>
    </div>
  );
}
