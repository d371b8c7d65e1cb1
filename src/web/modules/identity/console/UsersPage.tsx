import {
  EyeInvisibleOutlined,
  EyeOutlined,
  LockOutlined,
  PlusOutlined,
  SafetyOutlined,
} from '@ant-design/icons';
import { FormAlerts } from '../../../kit/ui/FormAlerts.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { SelectProps, TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Account } from '../../../../contracts/identity.js';
import { accountKinds } from '../../../../contracts/permissions.js';
import { ApiError } from '../../../kit/api.js';
import { hasPermission, useMe } from '../../../kit/auth/session.js';
import { ErrorState, errorMessage } from '../../../kit/ui/ErrorState.js';
import { placeFormError } from '../../../kit/form-errors.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { useDocumentTitle } from '../../../kit/use-document-title.js';
import { identityApi, identityKeys, useAccounts, useRoles, sessionsPath } from '../api.js';
import type { NewStaffAccount } from '../api.js';
import { OrganizationSelect } from '../../../kit/ui/OrganizationSelect.js';
import { oneOf, useListState } from '../../../kit/ui/list-state.js';
import { auditPath } from '../../audit/api.js';

const accountStatuses = ['active', 'disabled'] as const;

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
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

interface AccountForm {
  displayName: string;
  roleIds: string[];
  status: Account['status'];
}

const editFields = ['displayName', 'roleIds', 'status'] as const;

/** Picks any number of roles; Form.Item hands it the value and onChange. */
function RoleSelect({
  roles,
  ...props
}: { roles: ReturnType<typeof useRoles> } & SelectProps<string[]>) {
  const { t } = useI18n();
  return (
    <Select<string[]>
      {...props}
      mode="multiple"
      loading={roles.isPending}
      options={(roles.data ?? []).map((role) => ({ value: role.id, label: role.name }))}
      showSearch={{ optionFilterProp: 'label' }}
      notFoundContent={roles.isError ? errorMessage(roles.error, t) : undefined}
    />
  );
}

function AccountEditor({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const roles = useRoles();
  const [form] = Form.useForm<AccountForm>();
  const [current, setCurrent] = useState(account);
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  const reload = async () => {
    const fresh = await identityApi.getAccount(account.id, false);
    setCurrent(fresh);
    form.setFieldsValue({
      displayName: fresh.displayName,
      roleIds: fresh.roles.map((role) => role.id),
      status: fresh.status,
    });
  };

  const save = useMutation({
    // Only what changed is sent: a change of roles or status ends the user's sessions.
    mutationFn: (values: AccountForm) => {
      const displayName = values.displayName.trim();
      const roleIds = current.roles.map((role) => role.id);
      return identityApi.updateAccount(account.id, {
        displayName: displayName === current.displayName ? undefined : displayName,
        roleIds: sameMembers(values.roleIds, roleIds) ? undefined : values.roleIds,
        status: values.status === current.status ? undefined : values.status,
        version: current.version,
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
      void message.success(t('common.saved'));
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'stale_version') {
        setProblem(null);
        setStale(true);
        void queryClient.invalidateQueries({ queryKey: ['accounts'] });
        reload().catch((reloadError: unknown) => setProblem(errorMessage(reloadError, t)));
        return;
      }
      const { fields, message: text } = placeFormError(error, editFields, t);
      form.setFields(fields);
      setProblem(text);
    },
  });

  return (
    <Form<AccountForm>
      name="editAccount"
      form={form}
      layout="vertical"
      initialValues={{
        displayName: current.displayName,
        roleIds: current.roles.map((role) => role.id),
        status: current.status,
      }}
      onFinish={(values) => {
        setProblem(null);
        setStale(false);
        save.mutate(values);
      }}
    >
      <FormAlerts stale={stale} problem={problem} />
      <Form.Item label={t('console.users.username')}>
        <span className="mono">{current.username ?? '—'}</span>
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('console.users.displayName')}
        rules={[
          { required: true, whitespace: true, message: t('console.users.displayName.required') },
        ]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="roleIds" label={t('console.users.roles')}>
        <RoleSelect roles={roles} />
      </Form.Item>
      <Form.Item name="status" label={t('console.users.status')}>
        <Radio.Group
          options={accountStatuses.map((status) => ({
            value: status,
            label: t(`accountStatus.${status}`),
          }))}
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

interface NewAccountForm {
  username: string;
  displayName: string;
  phone?: string;
  organizationId: string;
  roleIds: string[];
}

const createFields = ['username', 'displayName', 'phone', 'organizationId', 'roleIds'] as const;

function CreateAccount({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (created: { account: Account; initialPassword: string }) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const roles = useRoles(open);
  const [form] = Form.useForm<NewAccountForm>();
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: NewStaffAccount) => identityApi.createAccount(body),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
      form.resetFields();
      onCreated(created);
    },
    onError: (error) => {
      const { fields, message } = placeFormError(error, createFields, t);
      form.setFields(fields);
      setProblem(message);
    },
  });
  return (
    <Modal
      open={open}
      title={t('console.users.create')}
      onCancel={onClose}
      okText={t('console.users.create.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<NewAccountForm>
        name="createAccount"
        form={form}
        layout="vertical"
        initialValues={{ roleIds: [] }}
        onFinish={(values) => {
          setProblem(null);
          create.mutate({
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            phone: values.phone?.trim() || null,
            organizationId: values.organizationId,
            roleIds: values.roleIds,
          });
        }}
      >
        {problem && <Alert className="form-alert" type="error" showIcon title={problem} />}
        <Form.Item
          name="username"
          label={t('console.users.username')}
          extra={t('console.users.username.hint')}
          rules={[
            { required: true, whitespace: true, message: t('console.users.username.required') },
            {
              pattern: /^\s*[a-zA-Z0-9._-]{3,40}\s*$/,
              message: t('console.users.username.format'),
            },
          ]}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('console.users.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('console.users.displayName.required') },
          ]}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('console.users.phone')}
          extra={t('console.users.phone.hint')}
        >
          <Input maxLength={20} inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="organizationId"
          label={t('console.users.organization')}
          rules={[{ required: true, message: t('console.users.organization.required') }]}
        >
          <OrganizationSelect />
        </Form.Item>
        <Form.Item name="roleIds" label={t('console.users.roles')}>
          <RoleSelect roles={roles} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The one time the initial password is shown: the server keeps only its hash. */
function InitialPassword({
  created,
  onClose,
}: {
  created: { account: Account; initialPassword: string } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={created !== null}
      title={t('console.users.initialPassword.title')}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('console.users.initialPassword.done')}
        </Button>
      }
    >
      {created && (
        <div className="initial-password">
          <Alert type="warning" showIcon title={t('console.users.initialPassword.warning')} />
          <dl>
            <div>
              <dt>{t('console.users.username')}</dt>
              <dd className="mono">{created.account.username}</dd>
            </div>
            <div>
              <dt>{t('console.users.initialPassword')}</dt>
              <dd>
                <Typography.Text
                  code
                  copyable={{
                    text: created.initialPassword,
                    tooltips: [t('common.copy'), t('common.copied')],
                  }}
                  className="initial-password-value"
                >
                  {created.initialPassword}
                </Typography.Text>
              </dd>
            </div>
          </dl>
        </div>
      )}
    </Modal>
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
    <div className="console-page">
      <div className="page-heading">
        <h1 className="console-page-title">{t('console.nav.users')}</h1>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('console.users.create')}
          </Button>
        )}
      </div>
      <Card>
        <div className="filter-bar">
          <Input.Search
            key={list.filters.q ?? ''}
            defaultValue={list.filters.q}
            allowClear
            maxLength={40}
            style={{ width: 260 }}
            placeholder={t('console.users.search')}
            aria-label={t('console.users.search')}
            onSearch={(text) => list.setFilters({ q: text.trim() || undefined })}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            aria-label={t('console.users.kind')}
            placeholder={t('console.users.allKinds')}
            value={kind}
            onChange={(value?: string) => list.setFilters({ kind: value })}
            options={accountKinds.map((value) => ({ value, label: t(`accountKind.${value}`) }))}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            aria-label={t('console.users.status')}
            placeholder={t('console.orgs.allStatuses')}
            value={status}
            onChange={(value?: string) => list.setFilters({ status: value })}
            options={accountStatuses.map((value) => ({
              value,
              label: t(`accountStatus.${value}`),
            }))}
          />
          <OrganizationSelect
            allowClear
            width={280}
            value={list.filters.organizationId}
            placeholder={t('console.users.allOrganizations')}
            onChange={(organizationId) => list.setFilters({ organizationId })}
          />
          {list.hasFilters && (
            <Button type="link" onClick={list.clearFilters}>
              {t('common.clearFilters')}
            </Button>
          )}
        </div>
      </Card>
      <Card>
        {accounts.isError ? (
          <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />
        ) : (
          <Table<Account>
            rowKey="id"
            columns={columns}
            dataSource={accounts.data?.items}
            loading={accounts.isFetching}
            locale={{ emptyText: t('console.users.empty') }}
            pagination={list.pagination(accounts.data?.total)}
            scroll={{ x: 1100 }}
          />
        )}
      </Card>
      <Drawer
        title={editing ? t('console.users.edit', { name: editing.displayName }) : undefined}
        open={editing !== null}
        onClose={() => setEditing(null)}
        size={440}
        destroyOnHidden
      >
        {editing && <AccountEditor account={editing} onClose={() => setEditing(null)} />}
      </Drawer>
      <CreateAccount
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setCreated(result);
        }}
      />
      <InitialPassword created={created} onClose={() => setCreated(null)} />
    </div>
  );
}
