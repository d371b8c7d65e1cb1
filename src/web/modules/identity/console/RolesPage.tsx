import { LockOutlined, PlusOutlined, SafetyOutlined } from '@ant-design/icons';
import { FormAlerts } from '../../../kit/ui/FormAlerts.js';
import { useVersionedEditor } from '../../../kit/ui/use-versioned-editor.js';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
} from 'antd';
import { RecordDrawer } from '../../../kit/ui/RecordDrawer.js';
import type { TableProps } from 'antd';
import { useState } from 'react';
import type { Role } from '../../../../contracts/identity.js';
import { permissions } from '../../../../contracts/permissions.js';
import type { Permission } from '../../../../contracts/permissions.js';
import { ErrorState } from '../../../kit/ui/ErrorState.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import type { MessageKey } from '../../../kit/i18n/catalogue.js';
import { useDocumentTitle } from '../../../kit/use-document-title.js';
import { identityApi, identityKeys, useRoles } from '../api.js';
import type { NewRole, RoleChange } from '../api.js';

/** Permissions in the order an administrator thinks of them: the business, then the system. */
const permissionGroups: Array<{ label: MessageKey; permissions: Permission[] }> = [
  {
    label: 'console.roles.group.business',
    permissions: ['organizations.manage', 'divisions.manage'],
  },
  {
    label: 'console.roles.group.accounts',
    permissions: [
      'accounts.read',
      'accounts.manage',
      'roles.manage',
      'sessions.read',
      'sessions.manage',
    ],
  },
  {
    label: 'console.roles.group.oversight',
    permissions: ['audit.read', 'audit.export', 'outbox.read', 'personal_data.unmask'],
  },
];

// Every permission of the contract belongs to a group; a new one shows up in the last group.
const grouped = new Set(permissionGroups.flatMap((group) => group.permissions));
permissionGroups[permissionGroups.length - 1]?.permissions.push(
  ...permissions.filter((permission) => !grouped.has(permission)),
);

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

interface RoleForm {
  code: string;
  name: string;
  description: string;
  permissions: Permission[];
  requiresTotp: boolean;
}

const roleFields = ['code', 'name', 'description', 'permissions', 'requiresTotp'] as const;

function PermissionChecklist({
  value,
  onChange,
  disabled,
}: {
  value?: Permission[];
  onChange?: (value: Permission[]) => void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const chosen = new Set(value ?? []);
  const toggle = (permission: Permission, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(permission);
    else next.delete(permission);
    onChange?.(permissions.filter((candidate) => next.has(candidate)));
  };
  return (
    <div className="permission-groups">
      {permissionGroups.map((group) => (
        <fieldset key={group.label} className="permission-group">
          <legend>{t(group.label)}</legend>
          {group.permissions.map((permission) => (
            <Checkbox
              key={permission}
              checked={chosen.has(permission)}
              disabled={disabled}
              onChange={(event) => toggle(permission, event.target.checked)}
            >
              <span className="permission-label">
                <span>{t(`permission.${permission}`)}</span>
                <small className="mono">{permission}</small>
              </span>
            </Checkbox>
          ))}
        </fieldset>
      ))}
    </div>
  );
}

function roleFormValues(role: Role | undefined): Partial<RoleForm> {
  return {
    code: role?.code ?? '',
    name: role?.name ?? '',
    description: role?.description ?? '',
    permissions: role?.permissions ?? [],
    requiresTotp: role?.requiresTotp ?? false,
  };
}

function newRoleOf(values: RoleForm): NewRole {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    description: values.description.trim(),
    permissions: values.permissions,
    requiresTotp: values.requiresTotp,
  };
}

/** What changed; a change of permissions ends the sessions of the role's holders. */
function roleChanges(role: Role, values: RoleForm): RoleChange & { version: number } {
  // The three administrators' roles are separated by law (MLPS level 3): their permissions
  // are fixed; built-in roles keep their names.
  const permissionsLocked = role.adminKind != null;
  const name = values.name.trim();
  const description = values.description.trim();
  return {
    name: role.builtin || name === role.name ? undefined : name,
    description: description === role.description ? undefined : description,
    permissions:
      permissionsLocked || sameMembers(values.permissions, role.permissions)
        ? undefined
        : values.permissions,
    requiresTotp: values.requiresTotp === role.requiresTotp ? undefined : values.requiresTotp,
    version: role.version,
  };
}

function RoleEditor({ role, onClose }: { role: Role | null; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RoleForm>();
  const editor = useVersionedEditor({
    record: role ?? undefined,
    form,
    fields: roleFields,
    toValues: roleFormValues,
    create: (values: RoleForm) => identityApi.createRole(newRoleOf(values)),
    changes: roleChanges,
    update: identityApi.updateRole,
    // Roles are read as one list; the fresh role is the list's copy.
    load: async (id) => {
      const fresh = (
        await queryClient.fetchQuery({
          queryKey: identityKeys.roles,
          queryFn: ({ signal }) => identityApi.listRoles(signal),
          staleTime: 0,
        })
      ).find((candidate) => candidate.id === id);
      if (!fresh) throw new Error('The role is gone');
      return fresh;
    },
    invalidates: [identityKeys.roles],
    notices: { noChanges: 'console.roles.noChanges' },
    onClose,
  });
  const permissionsLocked = role?.adminKind != null;

  return (
    <Form<RoleForm>
      name="role"
      form={form}
      layout="vertical"
      initialValues={editor.initialValues}
      onFinish={editor.submit}
    >
      <FormAlerts stale={editor.stale} problem={editor.problem} />
      {role?.builtin && (
        <Alert
          className="form-alert"
          type="info"
          showIcon
          title={
            permissionsLocked ? t('console.roles.adminLocked') : t('console.roles.builtinHint')
          }
        />
      )}
      <Form.Item
        name="code"
        label={t('console.roles.code')}
        extra={role ? undefined : t('console.roles.code.hint')}
        rules={
          role
            ? []
            : [
                { required: true, message: t('console.roles.code.required') },
                {
                  pattern: /^\s*[a-z][a-z0-9_]{2,39}\s*$/,
                  message: t('console.roles.code.format'),
                },
              ]
        }
      >
        <Input maxLength={40} disabled={role !== null} className="mono" />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('console.roles.name')}
        rules={[
          { required: true, whitespace: true, message: t('console.roles.name.required') },
          { min: 2, max: 40, message: t('console.roles.name.length') },
        ]}
      >
        <Input maxLength={40} disabled={role?.builtin} />
      </Form.Item>
      <Form.Item name="description" label={t('console.roles.description')}>
        <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      <Form.Item name="permissions" label={t('console.roles.permissions')}>
        <PermissionChecklist disabled={permissionsLocked} />
      </Form.Item>
      <Form.Item
        name="requiresTotp"
        label={t('console.roles.requiresTotp')}
        extra={t('console.roles.requiresTotp.hint')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={editor.saving}>
          {role ? t('common.save') : t('console.roles.create.submit')}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

export default function RolesPage() {
  const { t } = useI18n();
  const roles = useRoles();
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  useDocumentTitle(t('console.nav.roles'), t('app.consoleTitle'), t('app.name'));

  const columns: TableProps<Role>['columns'] = [
    {
      key: 'name',
      title: t('console.roles.name'),
      render: (_, role) => (
        <div className="name-cell">
          <strong>
            {role.name}
            {role.builtin && (
              <Tooltip title={t('console.roles.builtinHint')}>
                <LockOutlined className="builtin-icon" aria-label={t('console.roles.builtin')} />
              </Tooltip>
            )}
          </strong>
          <span className="mono muted">{role.code}</span>
        </div>
      ),
    },
    {
      key: 'kind',
      title: t('console.roles.kind'),
      width: 150,
      render: (_, role) =>
        role.adminKind ? (
          <Tag color="volcano">{t(`adminKind.${role.adminKind}`)}</Tag>
        ) : role.builtin ? (
          <Tag color="blue">{t('console.roles.builtin')}</Tag>
        ) : (
          <Tag>{t('console.roles.custom')}</Tag>
        ),
    },
    {
      key: 'description',
      title: t('console.roles.description'),
      dataIndex: 'description',
      ellipsis: true,
      render: (text: string) => text || <span className="muted">—</span>,
    },
    {
      key: 'permissions',
      title: t('console.roles.permissions'),
      render: (_, role) =>
        role.permissions.length === 0 ? (
          <span className="muted">{t('console.roles.noPermissions')}</span>
        ) : (
          <span className="tag-list">
            {role.permissions.map((permission) => (
              <Tooltip key={permission} title={permission}>
                <Tag>{t(`permission.${permission}`)}</Tag>
              </Tooltip>
            ))}
          </span>
        ),
    },
    {
      key: 'requiresTotp',
      title: t('console.roles.totpColumn'),
      width: 110,
      render: (_, role) =>
        role.requiresTotp ? (
          <Tag icon={<SafetyOutlined />} color="green">
            {t('console.roles.totpRequired')}
          </Tag>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (_, role) => (
        <Button type="link" size="small" onClick={() => setEditing(role)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <div className="console-page">
      <div className="page-heading">
        <h1 className="console-page-title">{t('console.nav.roles')}</h1>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('console.roles.create')}
        </Button>
      </div>
      <Card>
        {roles.isError ? (
          <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />
        ) : (
          <Table<Role>
            rowKey="id"
            columns={columns}
            dataSource={roles.data}
            loading={roles.isFetching}
            pagination={false}
            locale={{ emptyText: t('console.roles.empty') }}
          />
        )}
      </Card>
      <RecordDrawer
        title={
          editing === 'new'
            ? t('console.roles.create')
            : editing
              ? t('console.roles.edit', { name: editing.name })
              : undefined
        }
        open={editing !== null}
        onClose={() => setEditing(null)}
        size={560}
      >
        {editing && (
          <RoleEditor role={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
        )}
      </RecordDrawer>
    </div>
  );
}
