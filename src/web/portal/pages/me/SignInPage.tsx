import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { authApi, startSession, useMe } from '../../../kit/auth/session.js';
import { placeFormError } from '../../../kit/form-errors.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { safeNext, withNext } from '../../../kit/next-path.js';
import { useDocumentTitle } from '../../../kit/use-document-title.js';
import { mePath, signUpPath } from '../../paths.js';
import { AccountFrame } from './AccountFrame.js';
import './me.css';

interface SignInForm {
  phone: string;
  password: string;
}

const fields = ['phone', 'password'] as const;

export default function SignInPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [form] = Form.useForm<SignInForm>();
  const [problem, setProblem] = useState<string | null>(null);
  useDocumentTitle(t('portal.me.signIn'), t('app.name'));

  const signIn = useMutation({
    mutationFn: authApi.citizenSignIn,
    onSuccess: (result) => {
      if (result.status === 'signed_in') {
        startSession(queryClient, result.me);
        void navigate(next ?? mePath, { replace: true });
      } else {
        setProblem(t('portal.me.staffAccount'));
      }
    },
    onError: (error) => {
      const placed = placeFormError(error, fields, t);
      form.setFields(placed.fields);
      form.setFieldValue('password', '');
      setProblem(placed.message);
    },
  });

  if (me.data && !signIn.isSuccess) return <Navigate to={next ?? mePath} replace />;

  return (
    <AccountFrame title={t('portal.me.signIn')} lead={t('portal.me.signInLead')}>
      <Form<SignInForm>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        className="account-form"
        onFinish={(values) => {
          setProblem(null);
          signIn.mutate({ phone: values.phone.trim(), password: values.password });
        }}
      >
        {problem && <Alert className="account-alert" type="error" showIcon title={problem} />}
        <Form.Item
          name="phone"
          label={t('portal.me.phone')}
          rules={[{ required: true, whitespace: true, message: t('portal.me.phone.required') }]}
        >
          <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={20} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[{ required: true, message: t('auth.password.required') }]}
        >
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
          {t('portal.me.signIn')}
        </Button>
      </Form>
      <p className="account-switch">
        {t('portal.me.noAccount')}{' '}
        <Link to={withNext(signUpPath, next)}>{t('portal.me.signUp')}</Link>
      </p>
    </AccountFrame>
  );
}
