import { FormAlerts } from '../../../kit/ui/FormAlerts.js';
import { useVersionedEditor } from '../../../kit/ui/use-versioned-editor.js';
import { Button, Form, Input, Radio, Select, Space } from 'antd';
import type { SelectProps } from 'antd';
import type { Account } from '../../../../contracts/identity.js';
import { errorMessage } from '../../../kit/ui/ErrorState.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { identityApi, useRoles } from '../api.js';
import type { AccountChange } from '../api.js';

interface AccountForm {
  displayName: string;
  roleIds: string[];
  status: Account['status'];
}

const editFields = ['displayName', 'roleIds', 'status'] as const;

/** Picks any number of roles; Form.Item hands it the value and onChange. */
export function RoleSelect({
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

export const accountStatuses = ['active', 'disabled'] as const;

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}

function accountFormValues(account: Account | undefined): Partial<AccountForm> {
  return {
    displayName: account?.displayName ?? '',
    roleIds: account?.roles.map((role) => role.id) ?? [],
    status: account?.status ?? 'active',
  };
}

function accountChanges(account: Account, values: AccountForm): AccountChange {
  const displayName = values.displayName.trim();
  const roleIds = account.roles.map((role) => role.id);
  return {
    displayName: displayName === account.displayName ? undefined : displayName,
    roleIds: sameMembers(values.roleIds, roleIds) ? undefined : values.roleIds,
    status: values.status === account.status ? undefined : values.status,
    version: account.version,
  };
}

/** Edits a staff account's name, roles and status; only what changed is sent. */
export function AccountEditor({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useI18n();
  const roles = useRoles();
  const [form] = Form.useForm<AccountForm>();
  const editor = useVersionedEditor({
    record: account,
    form,
    fields: editFields,
    toValues: accountFormValues,
    // A change of roles or status ends the user's sessions, so unchanged fields stay unsent.
    changes: accountChanges,
    update: identityApi.updateAccount,
    load: (id) => identityApi.getAccount(id, false),
    invalidates: [['accounts']],
    notices: { noChanges: 'console.users.noChanges' },
    onClose,
  });
  const current = editor.current ?? account;

  return (
    <Form<AccountForm>
      name="editAccount"
      form={form}
      layout="vertical"
      initialValues={editor.initialValues}
      onFinish={editor.submit}
    >
      <FormAlerts stale={editor.stale} problem={editor.problem} />
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
        <Button type="primary" htmlType="submit" loading={editor.saving}>
          {t('common.save')}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
