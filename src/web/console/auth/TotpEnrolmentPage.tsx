import { CheckCircleFilled, SafetyOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { authApi, storeMe, useMe } from '../../kit/auth/session.js';
import { errorMessage } from '../../kit/ui/ErrorState.js';
import { placeFormError } from '../../kit/form-errors.js';
import { useI18n } from '../../kit/i18n/I18nProvider.js';
import { useDocumentTitle } from '../../kit/use-document-title.js';
import { safeNext } from '../paths.js';
import { AuthShell } from './AuthShell.js';

const codeFields = ['code'] as const;

/** `JBSWY3DPEHPK3PXP` → `JBSW Y3DP EHPK 3PXP`: easier to type from the screen. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

function Enrolment({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe();
  const [form] = Form.useForm<{ code: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const start = useMutation({ mutationFn: authApi.startTotpEnrolment });
  const confirm = useMutation({
    mutationFn: authApi.confirmTotpEnrolment,
    onSuccess: (updated) => {
      storeMe(queryClient, updated);
      start.reset();
      form.resetFields();
      void message.success(t('auth.enrol.done'));
      onDone();
    },
    onError: (error) => {
      const { fields, message: text } = placeFormError(error, codeFields, t);
      form.setFields(fields);
      setProblem(text);
    },
  });
  const enrolment = start.data;

  if (!enrolment) {
    const enabled = me.data?.totpEnabled ?? false;
    return (
      <div className="enrol-start">
        {enabled ? (
          <Alert
            type="success"
            showIcon
            icon={<CheckCircleFilled />}
            title={t('auth.enrol.enabled')}
            description={t('auth.enrol.enabledHint')}
          />
        ) : (
          <p className="enrol-intro">{t('auth.enrol.intro')}</p>
        )}
        {start.isError && (
          <Alert
            className="form-alert"
            type="error"
            showIcon
            title={errorMessage(start.error, t)}
          />
        )}
        <Button
          type={enabled ? 'default' : 'primary'}
          icon={<SafetyOutlined />}
          loading={start.isPending}
          onClick={() => start.mutate()}
        >
          {enabled ? t('auth.enrol.restart') : t('auth.enrol.start')}
        </Button>
      </div>
    );
  }

  return (
    <ol className="enrol-steps">
      <li>
        <h3>{t('auth.enrol.step1')}</h3>
        <p>{t('auth.enrol.step1Hint')}</p>
      </li>
      <li>
        <h3>{t('auth.enrol.step2')}</h3>
        <p>{t('auth.enrol.step2Hint')}</p>
        <div className="enrol-secret">
          <span className="enrol-label">{t('auth.enrol.secret')}</span>
          <Typography.Text
            code
            copyable={{ text: enrolment.secret }}
            className="totp-secret"
            aria-label={t('auth.enrol.secret')}
          >
            {groupSecret(enrolment.secret)}
          </Typography.Text>
        </div>
        <div className="enrol-secret">
          <span className="enrol-label">{t('auth.enrol.uri')}</span>
          <Typography.Text copyable className="totp-uri" aria-label={t('auth.enrol.uri')}>
            {enrolment.otpauthUri}
          </Typography.Text>
        </div>
      </li>
      <li>
        <h3>{t('auth.enrol.step3')}</h3>
        <Form<{ code: string }>
          form={form}
          layout="inline"
          colon={false}
          requiredMark={false}
          className="enrol-confirm"
          onFinish={({ code }) => {
            setProblem(null);
            confirm.mutate({ code: code.trim() });
          }}
        >
          <Form.Item
            name="code"
            label={t('auth.totp.code')}
            rules={[
              { required: true, message: t('auth.totp.code.required') },
              { pattern: /^\s*\d{6}\s*$/, message: t('auth.totp.code.format') },
            ]}
          >
            <Input
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              className="code-input"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={confirm.isPending}>
            {t('auth.enrol.confirm')}
          </Button>
        </Form>
        {problem && <Alert className="form-alert" type="error" showIcon title={problem} />}
      </li>
    </ol>
  );
}

/** Binding an authenticator app: forced when a role requires a second factor not yet set up. */
export default function TotpEnrolmentPage({ forced = false }: { forced?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  useDocumentTitle(t('auth.enrol.title'), t('app.consoleTitle'), t('app.name'));

  if (forced) {
    return (
      <AuthShell title={t('auth.enrol.title')} lead={t('auth.enrol.forcedLead')} wide>
        <Enrolment
          onDone={() => void navigate(safeNext(params.get('next')) ?? '/', { replace: true })}
        />
      </AuthShell>
    );
  }
  return (
    <div className="console-page">
      <h1 className="console-page-title">{t('auth.enrol.title')}</h1>
      <Card className="narrow-card">
        <Enrolment onDone={() => undefined} />
      </Card>
    </div>
  );
}
