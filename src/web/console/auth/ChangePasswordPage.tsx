import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { authApi, storeMe } from '../../kit/auth/session.js';
import { placeFormError } from '../../kit/form-errors.js';
import { useI18n } from '../../kit/i18n/I18nProvider.js';
import { useDocumentTitle } from '../../kit/use-document-title.js';
import { safeNext } from '../paths.js';
import { AuthShell } from './AuthShell.js';

interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const passwordFields = ['currentPassword', 'newPassword'] as const;

function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PasswordChange>();
  const [problem, setProblem] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: authApi.changePassword,
    onSuccess: (me) => {
      storeMe(queryClient, me);
      form.resetFields();
      void message.success(t('auth.password.changed'));
      onDone();
    },
    onError: (error) => {
      const { fields, message: text } = placeFormError(error, passwordFields, t);
      form.setFields(fields);
      setProblem(text);
    },
  });
  return (
    <Form<PasswordChange>
      form={form}
      layout="vertical"
      requiredMark={false}
      className="password-form"
      onFinish={(values) => {
        setProblem(null);
        change.mutate({
          currentPassword: values.currentPassword,
          newPassword: values.newPassword,
        });
      }}
    >
      {problem && <Alert className="form-alert" type="error" showIcon title={problem} />}
      <Form.Item
        name="currentPassword"
        label={t('auth.password.current')}
        rules={[{ required: true, message: t('auth.password.required') }]}
      >
        <Input.Password autoComplete="current-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('auth.password.new')}
        extra={t('auth.password.rules')}
        rules={[
          { required: true, message: t('auth.password.new.required') },
          { min: 12, message: t('auth.password.tooShort') },
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('auth.password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('auth.password.confirm.required') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('auth.password.submit')}
      </Button>
    </Form>
  );
}

/** Changing one's own password: forced before anything else when the server asks for it. */
export default function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  useDocumentTitle(t('auth.password.title'), t('app.consoleTitle'), t('app.name'));

  if (forced) {
    return (
      <AuthShell title={t('auth.password.title')} lead={t('auth.password.forcedLead')}>
        <ChangePasswordForm
          onDone={() => void navigate(safeNext(params.get('next')) ?? '/', { replace: true })}
        />
      </AuthShell>
    );
  }
  return (
    <div className="console-page">
      <h1 className="console-page-title">{t('auth.password.title')}</h1>
      <Card className="narrow-card">
        <ChangePasswordForm onDone={() => undefined} />
      </Card>
    </div>
  );
}
