import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import type { LoginResult } from '../../../contracts/identity.js';
import { authApi, startSession, useMe } from '../../kit/auth/session.js';
import { placeFormError } from '../../kit/form-errors.js';
import { useI18n } from '../../kit/i18n/I18nProvider.js';
import { useDocumentTitle } from '../../kit/use-document-title.js';
import { safeNext } from '../paths.js';
import { AuthShell } from './AuthShell.js';

interface Credentials {
  username: string;
  password: string;
}

const credentialFields = ['username', 'password'] as const;
const codeFields = ['code'] as const;

function PasswordStep({ onResult }: { onResult: (result: LoginResult) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Credentials>();
  const [problem, setProblem] = useState<string | null>(null);
  const login = useMutation({
    mutationFn: authApi.login,
    onSuccess: onResult,
    onError: (error) => {
      const { fields, message } = placeFormError(error, credentialFields, t);
      form.setFields(fields);
      setProblem(message);
      form.setFieldValue('password', '');
    },
  });
  return (
    <Form<Credentials>
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={(values) => {
        setProblem(null);
        login.mutate({ username: values.username.trim(), password: values.password });
      }}
    >
      {problem && <Alert className="form-alert" type="error" showIcon title={problem} />}
      <Form.Item
        name="username"
        label={t('auth.username')}
        rules={[{ required: true, whitespace: true, message: t('auth.username.required') }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={40} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.password')}
        rules={[{ required: true, message: t('auth.password.required') }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={128} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        {t('auth.signIn')}
      </Button>
    </Form>
  );
}

function TotpStep({
  onResult,
  onRestart,
}: {
  onResult: (result: LoginResult) => void;
  onRestart: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ code: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const verify = useMutation({
    mutationFn: authApi.totpLogin,
    onSuccess: onResult,
    onError: (error) => {
      const { fields, message } = placeFormError(error, codeFields, t);
      form.setFields(fields);
      setProblem(message);
      form.setFieldValue('code', '');
    },
  });
  return (
    <Form<{ code: string }>
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={({ code }) => {
        setProblem(null);
        verify.mutate({ code: code.trim() });
      }}
    >
      {problem && <Alert className="form-alert" type="error" showIcon title={problem} />}
      <Form.Item
        name="code"
        label={t('auth.totp.code')}
        extra={t('auth.totp.codeHint')}
        rules={[
          { required: true, message: t('auth.totp.code.required') },
          { pattern: /^\s*\d{6}\s*$/, message: t('auth.totp.code.format') },
        ]}
      >
        <Input
          prefix={<SafetyOutlined />}
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          maxLength={6}
          className="code-input"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={verify.isPending}>
        {t('auth.totp.verify')}
      </Button>
      <Button type="link" block onClick={onRestart} className="auth-secondary">
        {t('auth.totp.restart')}
      </Button>
    </Form>
  );
}

export default function LoginPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const me = useMe();
  const [params] = useSearchParams();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const next = safeNext(params.get('next'));
  useDocumentTitle(t('auth.signIn'), t('app.consoleTitle'), t('app.name'));

  if (me.data) return <Navigate to={next ?? '/'} replace />;

  const onResult = (result: LoginResult) => {
    if (result.status === 'totp_required') setStep('totp');
    else startSession(queryClient, result.me);
  };

  return (
    <AuthShell
      title={step === 'password' ? t('auth.login.title') : t('auth.totp.title')}
      lead={step === 'password' ? t('auth.login.lead') : t('auth.totp.lead')}
    >
      {step === 'password' ? (
        <PasswordStep onResult={onResult} />
      ) : (
        <TotpStep onResult={onResult} onRestart={() => setStep('password')} />
      )}
    </AuthShell>
  );
}
