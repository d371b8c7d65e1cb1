import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { authApi, startSession, useMe } from '../../../kit/auth/session.js';
import { placeFormError } from '../../../kit/form-errors.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { safeNext, withNext } from '../../../kit/next-path.js';
import { useDocumentTitle } from '../../../kit/use-document-title.js';
import { mePath, signInPath } from '../../paths.js';
import { AccountFrame } from './AccountFrame.js';
import './me.css';

/** Seconds before another code may be asked for. */
const resendAfter = 60;

interface CodeSent {
  phone: string;
  sentTo: string;
  expiresInSeconds: number;
}

interface DetailsForm {
  code: string;
  displayName: string;
  password: string;
  confirmPassword: string;
}

const detailFields = ['code', 'displayName', 'password'] as const;

/** Counts down to zero once a second from each new start. */
function useCountdown(initial: number): [number, (seconds: number) => void] {
  const [left, setLeft] = useState(initial);
  useEffect(() => {
    if (left <= 0) return undefined;
    const timer = window.setTimeout(() => setLeft(left - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [left]);
  return [left, setLeft];
}

function PhoneStep({ onSent }: { onSent: (sent: CodeSent) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ phone: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const request = useMutation({
    mutationFn: authApi.requestCitizenCode,
    onSuccess: (answer, body) => onSent({ phone: body.phone, ...answer }),
    onError: (error) => {
      const placed = placeFormError(error, ['phone'] as const, t);
      form.setFields(placed.fields);
      setProblem(placed.message);
    },
  });
  return (
    <Form<{ phone: string }>
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      className="account-form"
      onFinish={({ phone }) => {
        setProblem(null);
        request.mutate({ phone: phone.trim(), purpose: 'sign_up' });
      }}
    >
      {problem && <Alert className="account-alert" type="error" showIcon title={problem} />}
      <Form.Item
        name="phone"
        label={t('portal.me.phone')}
        extra={t('portal.me.phoneHint')}
        rules={[{ required: true, whitespace: true, message: t('portal.me.phone.required') }]}
      >
        <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={20} autoFocus />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={request.isPending}>
        {t('portal.me.sendCode')}
      </Button>
    </Form>
  );
}

function DetailsStep({
  sent,
  onResent,
  onChangePhone,
  onDone,
}: {
  sent: CodeSent;
  onResent: (sent: CodeSent) => void;
  onChangePhone: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DetailsForm>();
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [wait, startWait] = useCountdown(resendAfter);

  const resend = useMutation({
    mutationFn: () => authApi.requestCitizenCode({ phone: sent.phone, purpose: 'sign_up' }),
    onSuccess: (answer) => {
      onResent({ phone: sent.phone, ...answer });
      setProblem(null);
      setNotice(t('portal.me.codeResent'));
      startWait(resendAfter);
    },
    onError: (error) => setProblem(placeFormError(error, [], t).message),
  });
  const signUp = useMutation({
    mutationFn: authApi.citizenSignUp,
    onSuccess: (result) => {
      if (result.status === 'signed_in') {
        startSession(queryClient, result.me);
        onDone();
      }
    },
    onError: (error) => {
      const placed = placeFormError(error, detailFields, t);
      form.setFields(placed.fields);
      setProblem(placed.message);
    },
  });

  return (
    <Form<DetailsForm>
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      className="account-form"
      onFinish={(values) => {
        setProblem(null);
        setNotice(null);
        signUp.mutate({
          phone: sent.phone,
          code: values.code.trim(),
          displayName: values.displayName.trim(),
          password: values.password,
        });
      }}
    >
      <div className="code-sent" role="status">
        <span>
          {t('portal.me.codeSent', {
            phone: sent.sentTo,
            minutes: Math.max(1, Math.round(sent.expiresInSeconds / 60)),
          })}
        </span>
        <button type="button" className="text-button" onClick={onChangePhone}>
          {t('portal.me.changePhone')}
        </button>
      </div>
      {notice && <Alert className="account-alert" type="success" showIcon title={notice} />}
      {problem && <Alert className="account-alert" type="error" showIcon title={problem} />}
      <Form.Item label={t('portal.me.code')} required className="code-row-item">
        <div className="code-row">
          <Form.Item
            name="code"
            noStyle
            rules={[
              { required: true, message: t('portal.me.code.required') },
              { pattern: /^\s*\d{6}\s*$/, message: t('portal.me.code.format') },
            ]}
          >
            <Input
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              autoFocus
              aria-label={t('portal.me.code')}
            />
          </Form.Item>
          <Button
            disabled={wait > 0}
            loading={resend.isPending}
            onClick={() => resend.mutate()}
            className="resend-button"
          >
            {wait > 0 ? t('portal.me.resendIn', { seconds: wait }) : t('portal.me.resend')}
          </Button>
        </div>
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('portal.me.displayName')}
        extra={t('portal.me.displayNameHint')}
        rules={[{ required: true, whitespace: true, message: t('portal.me.displayName.required') }]}
      >
        <Input autoComplete="name" maxLength={40} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('portal.me.newPassword')}
        extra={t('portal.me.passwordHint')}
        rules={[{ required: true, message: t('auth.password.new.required') }]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('auth.password.confirm')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('auth.password.confirm.required') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('password')
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={signUp.isPending}>
        {t('portal.me.createAccount')}
      </Button>
    </Form>
  );
}

export default function SignUpPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [done, setDone] = useState(false);
  useDocumentTitle(t('portal.me.signUp'), t('app.name'));

  if (me.data && !done) return <Navigate to={next ?? mePath} replace />;

  return (
    <AccountFrame
      title={t('portal.me.signUp')}
      lead={sent ? t('portal.me.signUpLead2') : t('portal.me.signUpLead1')}
    >
      <ol className="account-steps" aria-label={t('portal.me.steps')}>
        <li className={sent ? 'done' : 'current'}>{t('portal.me.step.phone')}</li>
        <li className={sent ? 'current' : ''}>{t('portal.me.step.details')}</li>
      </ol>
      {sent ? (
        <DetailsStep
          sent={sent}
          onResent={setSent}
          onChangePhone={() => setSent(null)}
          onDone={() => {
            setDone(true);
            void navigate(next ?? mePath, { replace: true });
          }}
        />
      ) : (
        <PhoneStep onSent={setSent} />
      )}
      <p className="account-switch">
        {t('portal.me.haveAccount')}{' '}
        <Link to={withNext(signInPath, next)}>{t('portal.me.signIn')}</Link>
      </p>
    </AccountFrame>
  );
}
