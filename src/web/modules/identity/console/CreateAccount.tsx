import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Account } from '../../../../contracts/identity.js';
import { placeFormError } from '../../../kit/form-errors.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { identityApi, useRoles } from '../api.js';
import type { NewStaffAccount } from '../api.js';
import { OrganizationSelect } from '../../../kit/ui/OrganizationSelect.js';
import { RoleSelect } from './AccountEditor.js';

interface NewAccountForm {
  username: string;
  displayName: string;
  phone?: string;
  organizationId: string;
  roleIds: string[];
}

const createFields = ['username', 'displayName', 'phone', 'organizationId', 'roleIds'] as const;

export function CreateAccount({
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
export function InitialPassword({
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
