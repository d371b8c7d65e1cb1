import {
  EyeInvisibleOutlined,
  EyeOutlined,
  LockOutlined,
  PlusOutlined,
  SafetyOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Space, Tag, Tooltip, Typography } from 'antd';
import { RecordDrawer } from '../../../kit/ui/RecordDrawer.js';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Account } from '../../../../contracts/identity.js';
import { accountKinds } from '../../../../contracts/permissions.js';
import { hasPermission, useMe } from '../../../kit/auth/session.js';
import { errorMessage } from '../../../kit/ui/ErrorState.js';
import { ClearFilters, EnumSelect, ListPage, ListSearch } from '../../../kit/ui/ListPage.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { useDocumentTitle } from '../../../kit/use-document-title.js';
import { identityApi, identityKeys, useAccounts, sessionsPath } from '../api.js';
import { OrganizationSelect } from '../../../kit/ui/OrganizationSelect.js';
import { oneOf, useListState } from '../../../kit/ui/list-state.js';
import { auditPath } from '../../audit/api.js';
import { AccountEditor, accountStatuses } from './AccountEditor.js';
import { CreateAccount, InitialPassword } from './CreateAccount.js';

const filterNames = ['q', 'kind', 'status', 'organizationId'] as const;

/** A masked phone, revealed on request for holders of personal_data.unmask (the server audits it). */
function PhoneCell({ account, canUnmask }: { account: Account; canUnmask: boolean }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const unmasked = useQuery({
    queryKey: identityKeys.account(account.id, true),
    queryFn: ({ signal }) => identityApi.getAccount(account.id, true, signal),
    enabled: shown,
    staleTime: 0,
    gcTime: 0,
  });
  if (!account.phone) return <span className="muted">—</span>;
  const phone = shown && unmasked.data ? unmasked.data.phone : account.phone;
  return (
    <span className="phone-cell">
      <span className="mono">{phone}</span>
      {canUnmask && (
        <Tooltip title={shown ? t('console.users.mask') : t('console.users.unmask')}>
          <Button
            type="text"
            size="small"
            aria-label={shown ? t('console.users.mask') : t('console.users.unmask')}
            icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
            loading={shown && unmasked.isFetching}
            onClick={() => setShown(!shown)}
          />
        </Tooltip>
      )}
      {shown && unmasked.isError && (
        <Typography.Text type="danger">{errorMessage(unmasked.error, t)}</Typography.Text>
      )}
    </span>
  );
}

export default function UsersPage() {
  const { t, formatDateTime } = useI18n();
  const me = useMe();
  const list = useListState(filterNames);
  const [editing, setEditing] = useState<Account | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ account: Account; initialPassword: string } | null>(
    null,
  );
  useDocumentTitle(t('console.nav.users'), t('app.consoleTitle'), t('app.name'));

  const canManage = hasPermission(me.data, 'accounts.manage');
  const canUnmask = hasPermission(me.data, 'personal_data.unmask');
  const canSeeSessions = hasPermission(me.data, 'sessions.read');
  const canSeeAudit = hasPermission(me.data, 'audit.read');
  const kind = oneOf(accountKinds, list.filters.kind);
  const status = oneOf(accountStatuses, list.filters.status);

  const accounts = useAccounts({
    q: list.filters.q,
    kind,
    status,
    organizationId: list.filters.organizationId,
    limit: list.limit,
    offset: list.offset,
  });

  const columns: TableProps<Account>['columns'] = [
    {
      key: 'name',
      title: t('console.users.displayName'),
      width: 180,
      render: (_, account) => (
        <div className="name-cell">
          <strong>{account.displayName}</strong>
          {account.username && <span className="mono muted">{account.username}</span>}
        </div>
      ),
    },
    {
      key: 'kind',
      title: t('console.users.kind'),
      dataIndex: 'kind',
      width: 90,
      render: (value: Account['kind']) => (
        <Tag color={value === 'staff' ? 'blue' : 'default'}>{t(`accountKind.${value}`)}</Tag>
      ),
    },
    {
      key: 'phone',
      title: t('console.users.phone'),
      width: 150,
      render: (_, account) => <PhoneCell account={account} canUnmask={canUnmask} />,
    },
    {
      key: 'organization',
      title: t('console.users.organization'),
      dataIndex: 'organizationName',
      render: (name: string | null) => name ?? <span className="muted">—</span>,
    },
    {
      key: 'roles',
      title: t('console.users.roles'),
      render: (_, account) =>
        account.roles.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <span className="tag-list">
            {account.roles.map((role) => (
              <Tag key={role.id}>{role.name}</Tag>
            ))}
          </span>
        ),
    },
    {
      key: 'status',
      title: t('console.users.status'),
      width: 150,
      render: (_, account) => (
        <span className="status-cell">
          <Badge
            status={account.status === 'active' ? 'success' : 'default'}
            text={t(`accountStatus.${account.status}`)}
          />
          {account.locked && (
            <Tag icon={<LockOutlined />} color="red">
              {t('console.users.locked')}
            </Tag>
          )}
          {account.totpEnabled && (
            <Tooltip title={t('console.users.totp.on')}>
              <Tag icon={<SafetyOutlined />} color="green">
                {t('console.users.totp')}
              </Tag>
            </Tooltip>
          )}
        </span>
      ),
    },
    {
      key: 'lastLoginAt',
      title: t('console.users.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      width: 140,
      render: (value: string | null) =>
        value ? formatDateTime(value) : <span className="muted">{t('console.users.never')}</span>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      fixed: 'right',
      render: (_, account) => (
        <Space size={4} wrap>
          {canManage && (
            <Button type="link" size="small" onClick={() => setEditing(account)}>
              {t('common.edit')}
            </Button>
          )}
          {canSeeSessions && (
            <Link to={sessionsPath(account.id)}>{t('console.users.sessions')}</Link>
          )}
          {canSeeAudit && (
            <Link to={`${auditPath}?actorId=${encodeURIComponent(account.id)}`}>
              {t('console.users.audit')}
            </Link>
          )}
        </Space>
      ),
    },
  ];

  return (
    <ListPage<Account>
      title={t('console.nav.users')}
      actions={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('console.users.create')}
          </Button>
        )
      }
      filters={
        <>
          <ListSearch
            value={list.filters.q}
            label={t('console.users.search')}
            maxLength={40}
            width={260}
            onSearch={(q) => list.setFilters({ q })}
          />
          <EnumSelect
            values={accountKinds}
            value={kind}
            labelOf={(value) => t(`accountKind.${value}`)}
            label={t('console.users.kind')}
            placeholder={t('console.users.allKinds')}
            width={140}
            onChange={(value) => list.setFilters({ kind: value })}
          />
          <EnumSelect
            values={accountStatuses}
            value={status}
            labelOf={(value) => t(`accountStatus.${value}`)}
            label={t('console.users.status')}
            placeholder={t('console.orgs.allStatuses')}
            width={140}
            onChange={(value) => list.setFilters({ status: value })}
          />
          <OrganizationSelect
            allowClear
            width={280}
            value={list.filters.organizationId}
            placeholder={t('console.users.allOrganizations')}
            onChange={(organizationId) => list.setFilters({ organizationId })}
          />
          <ClearFilters shown={list.hasFilters} onClear={list.clearFilters} />
        </>
      }
      query={accounts}
      columns={columns}
      emptyText={t('console.users.empty')}
      pagination={list.pagination}
      table={{ scroll: { x: 1100 } }}
    >
      <RecordDrawer
        title={editing ? t('console.users.edit', { name: editing.displayName }) : undefined}
        open={editing !== null}
        onClose={() => setEditing(null)}
        size={440}
      >
        {editing && <AccountEditor account={editing} onClose={() => setEditing(null)} />}
      </RecordDrawer>
      <CreateAccount
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setCreated(result);
        }}
      />
      <InitialPassword created={created} onClose={() => setCreated(null)} />
    </ListPage>
  );
}
