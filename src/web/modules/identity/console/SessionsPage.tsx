import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Table, Tag, Tooltip } from 'antd';
import type { TableProps } from 'antd';
import { hasPermission, useMe } from '../../../kit/auth/session.js';
import { ErrorState, errorMessage } from '../../../kit/ui/ErrorState.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import type { Translate } from '../../../kit/i18n/I18nProvider.js';
import { useDocumentTitle } from '../../../kit/use-document-title.js';
import { identityApi, useSessions } from '../api.js';
import type { Session } from '../api.js';
import { useListState } from '../../../kit/ui/list-state.js';

const filterNames = ['accountId'] as const;

const browsers: Array<[RegExp, string]> = [
  [/MicroMessenger\/(\d+)/, 'WeChat'],
  [/Edg\/(\d+)/, 'Edge'],
  [/(?:Chrome|Chromium)\/(\d+)/, 'Chrome'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/Version\/(\d+).*Safari/, 'Safari'],
];
const systems: Array<[RegExp, string]> = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Mac OS X/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** "Chrome 131 · Windows" from a user agent string; the whole string stays in the tooltip. */
function describeUserAgent(userAgent: string | null, t: Translate): string {
  if (!userAgent) return t('console.sessions.unknownAgent');
  let browser: string | undefined;
  for (const [pattern, name] of browsers) {
    const version = pattern.exec(userAgent)?.[1];
    if (version) {
      browser = `${name} ${version}`;
      break;
    }
  }
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  const parts = [browser, system].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : userAgent.slice(0, 40);
}

export default function SessionsPage() {
  const { t, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const queryClient = useQueryClient();
  const list = useListState(filterNames);
  const canManage = hasPermission(me.data, 'sessions.manage');
  useDocumentTitle(t('console.nav.sessions'), t('app.consoleTitle'), t('app.name'));

  const sessions = useSessions({
    accountId: list.filters.accountId,
    limit: list.limit,
    offset: list.offset,
  });
  const end = useMutation({
    mutationFn: (session: Session) => identityApi.endSession(session.id),
    onSuccess: (_, session) => {
      void message.success(t('console.sessions.ended', { name: session.accountName }));
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });

  const accountName = sessions.data?.items[0]?.accountName;

  const columns: TableProps<Session>['columns'] = [
    {
      key: 'account',
      title: t('console.sessions.account'),
      render: (_, session) => (
        <span className="status-cell">
          <strong>{session.accountName}</strong>
          {session.current && <Tag color="green">{t('console.sessions.current')}</Tag>}
        </span>
      ),
    },
    {
      key: 'createdAt',
      title: t('console.sessions.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (value: string) => formatDateTime(value),
    },
    {
      key: 'lastSeenAt',
      title: t('console.sessions.lastSeenAt'),
      dataIndex: 'lastSeenAt',
      width: 150,
      render: (value: string) => formatDateTime(value),
    },
    {
      key: 'expiresAt',
      title: t('console.sessions.expiresAt'),
      dataIndex: 'expiresAt',
      width: 150,
      render: (value: string) => formatDateTime(value),
    },
    {
      key: 'ip',
      title: t('console.sessions.ip'),
      dataIndex: 'ip',
      width: 140,
      render: (value: string | null) => <span className="mono">{value ?? '—'}</span>,
    },
    {
      key: 'userAgent',
      title: t('console.sessions.userAgent'),
      dataIndex: 'userAgent',
      render: (value: string | null) => (
        <Tooltip title={value}>
          <span>{describeUserAgent(value, t)}</span>
        </Tooltip>
      ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 110,
            render: (_: unknown, session: Session) =>
              session.current ? (
                <Tooltip title={t('console.sessions.currentHint')}>
                  <Button type="link" size="small" disabled>
                    {t('console.sessions.end')}
                  </Button>
                </Tooltip>
              ) : (
                <Popconfirm
                  title={t('console.sessions.endConfirm', { name: session.accountName })}
                  description={t('console.sessions.endConfirmHint')}
                  okText={t('console.sessions.end')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => end.mutateAsync(session).catch(() => undefined)}
                >
                  <Button type="link" size="small" danger>
                    {t('console.sessions.end')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  return (
    <div className="console-page">
      <div className="page-heading">
        <h1 className="console-page-title">{t('console.nav.sessions')}</h1>
      </div>
      {list.filters.accountId && (
        <div className="filter-bar">
          <Tag closable onClose={() => list.clearFilters()} className="filter-tag">
            {t('console.sessions.ofAccount', { name: accountName ?? list.filters.accountId })}
          </Tag>
        </div>
      )}
      <Card>
        {sessions.isError ? (
          <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : (
          <Table<Session>
            rowKey="id"
            columns={columns}
            dataSource={sessions.data?.items}
            loading={sessions.isFetching}
            locale={{ emptyText: t('console.sessions.empty') }}
            pagination={list.pagination(sessions.data?.total)}
            scroll={{ x: 1000 }}
          />
        )}
      </Card>
    </div>
  );
}
