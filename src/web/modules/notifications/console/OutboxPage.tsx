import { Alert, Badge, Card, Select, Skeleton, Table, Tag, Tooltip } from 'antd';
import type { TableProps } from 'antd';
import type {
  Delivery,
  DeliveryOutcome,
  NotificationChannel,
  NotificationStatus,
  NotificationTemplateName,
  OutboxEntry,
} from '../../../../contracts/notifications.js';
import { ErrorState } from '../../../kit/ui/ErrorState.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { useDocumentTitle } from '../../../kit/use-document-title.js';
import { useDeliveries, useOutbox } from '../api.js';
import { oneOf, useListState } from '../../../kit/ui/list-state.js';

type BadgeStatus = 'success' | 'processing' | 'error' | 'warning' | 'default';

const statusBadges: Record<NotificationStatus, BadgeStatus> = {
  pending: 'processing',
  delivered: 'success',
  failed: 'error',
  held: 'warning',
};
const outcomeBadges: Record<DeliveryOutcome, BadgeStatus> = {
  delivered: 'success',
  failed: 'error',
  held: 'warning',
};
// Records over every value of the contract's enums: a new value fails the type check here.
const channelSet: Record<NotificationChannel, true> = { in_app: true, sms: true, wecom: true };
const templateSet: Record<NotificationTemplateName, true> = {
  'citizen.one_time_code': true,
  'staff.account_created': true,
  'staff.password_changed': true,
  'staff.account_locked': true,
  'broadcast.risk_alert': true,
};
const statuses = Object.keys(statusBadges) as NotificationStatus[];
const channels = Object.keys(channelSet) as NotificationChannel[];
const templates = Object.keys(templateSet) as NotificationTemplateName[];

const filterNames = ['status', 'channel', 'template'] as const;

function Deliveries({ entry }: { entry: OutboxEntry }) {
  const { t, formatDateTime } = useI18n();
  const deliveries = useDeliveries(entry.id);
  if (deliveries.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (deliveries.isError) {
    return <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  }
  return (
    <div className="deliveries">
      {entry.status === 'held' && (
        <Alert
          type="warning"
          showIcon
          title={t('console.outbox.heldRow', { channel: t(`channel.${entry.channel}`) })}
        />
      )}
      <Table<Delivery>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={deliveries.data}
        locale={{ emptyText: t('console.outbox.noAttempts') }}
        columns={[
          {
            key: 'attemptedAt',
            title: t('console.outbox.attemptedAt'),
            dataIndex: 'attemptedAt',
            width: 170,
            render: (value: string) => formatDateTime(value),
          },
          {
            key: 'outcome',
            title: t('console.outbox.outcome'),
            dataIndex: 'outcome',
            width: 120,
            render: (outcome: DeliveryOutcome) => (
              <Badge status={outcomeBadges[outcome]} text={t(`deliveryOutcome.${outcome}`)} />
            ),
          },
          {
            key: 'detail',
            title: t('console.outbox.detail'),
            dataIndex: 'detail',
            render: (detail: string | null) => detail ?? <span className="muted">—</span>,
          },
        ]}
      />
    </div>
  );
}

export default function OutboxPage() {
  const { t, formatDateTime } = useI18n();
  const list = useListState(filterNames);
  useDocumentTitle(t('console.nav.outbox'), t('app.consoleTitle'), t('app.name'));
  const status = oneOf(statuses, list.filters.status);
  const channel = oneOf(channels, list.filters.channel);
  const template = oneOf(templates, list.filters.template);
  const outbox = useOutbox({ status, channel, template, limit: list.limit, offset: list.offset });

  const templateLabel = (name: string) => {
    const known = oneOf(templates, name);
    return known ? t(`template.${known}`) : name;
  };

  const columns: TableProps<OutboxEntry>['columns'] = [
    {
      key: 'createdAt',
      title: t('console.outbox.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (value: string) => formatDateTime(value),
    },
    {
      key: 'channel',
      title: t('console.outbox.channel'),
      dataIndex: 'channel',
      width: 110,
      render: (value: NotificationChannel) => <Tag>{t(`channel.${value}`)}</Tag>,
    },
    {
      key: 'recipient',
      title: t('console.outbox.recipient'),
      dataIndex: 'recipientLabel',
      width: 170,
      ellipsis: true,
      render: (value: string) => <span className="mono">{value}</span>,
    },
    {
      key: 'template',
      title: t('console.outbox.template'),
      dataIndex: 'template',
      render: (value: string, entry) => (
        <Tooltip title={`${value} · ${entry.locale}`}>
          <span>{templateLabel(value)}</span>
        </Tooltip>
      ),
    },
    {
      key: 'status',
      title: t('console.outbox.status'),
      dataIndex: 'status',
      width: 120,
      render: (value: NotificationStatus) => (
        <Tooltip title={t(`outboxStatus.${value}.hint`)}>
          <Badge status={statusBadges[value]} text={t(`outboxStatus.${value}`)} />
        </Tooltip>
      ),
    },
    {
      key: 'attempts',
      title: t('console.outbox.attempts'),
      dataIndex: 'attempts',
      width: 90,
      align: 'right',
    },
    {
      key: 'next',
      title: t('console.outbox.nextOrDelivered'),
      width: 160,
      render: (_, entry) =>
        entry.deliveredAt ? (
          formatDateTime(entry.deliveredAt)
        ) : entry.status === 'pending' ? (
          <span className="muted">
            {t('console.outbox.nextAt', { time: formatDateTime(entry.nextAttemptAt) })}
          </span>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      key: 'lastError',
      title: t('console.outbox.lastError'),
      dataIndex: 'lastError',
      ellipsis: true,
      render: (value: string | null) =>
        value ? <Tooltip title={value}>{value}</Tooltip> : <span className="muted">—</span>,
    },
  ];

  return (
    <div className="console-page">
      <h1 className="console-page-title">{t('console.nav.outbox')}</h1>
      <Alert
        type="info"
        showIcon
        title={t('console.outbox.about')}
        description={t('console.outbox.heldExplained')}
      />
      <Card>
        <div className="filter-bar">
          <Select
            allowClear
            style={{ width: 150 }}
            aria-label={t('console.outbox.status')}
            placeholder={t('console.outbox.allStatuses')}
            value={status}
            onChange={(value?: string) => list.setFilters({ status: value })}
            options={statuses.map((value) => ({ value, label: t(`outboxStatus.${value}`) }))}
          />
          <Select
            allowClear
            style={{ width: 150 }}
            aria-label={t('console.outbox.channel')}
            placeholder={t('console.outbox.allChannels')}
            value={channel}
            onChange={(value?: string) => list.setFilters({ channel: value })}
            options={channels.map((value) => ({ value, label: t(`channel.${value}`) }))}
          />
          <Select
            allowClear
            style={{ width: 220 }}
            aria-label={t('console.outbox.template')}
            placeholder={t('console.outbox.allTemplates')}
            value={template}
            onChange={(value?: string) => list.setFilters({ template: value })}
            options={templates.map((value) => ({ value, label: t(`template.${value}`) }))}
          />
        </div>
      </Card>
      <Card>
        {outbox.isError ? (
          <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} />
        ) : (
          <Table<OutboxEntry>
            rowKey="id"
            columns={columns}
            dataSource={outbox.data?.items}
            loading={outbox.isFetching}
            locale={{ emptyText: t('console.outbox.empty') }}
            pagination={list.pagination(outbox.data?.total)}
            expandable={{ expandedRowRender: (entry) => <Deliveries entry={entry} /> }}
            scroll={{ x: 1100 }}
          />
        )}
      </Card>
    </div>
  );
}
