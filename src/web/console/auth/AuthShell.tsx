import { LogoutOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import type { ReactNode } from 'react';
import { signOut, useMe } from '../../kit/auth/session.js';
import { BrandMark } from '../../kit/ui/BrandMark.js';
import { errorMessage } from '../../kit/ui/ErrorState.js';
import { LanguageSwitch } from '../../kit/ui/LanguageSwitch.js';
import { useI18n } from '../../kit/i18n/I18nProvider.js';

/** Signs out from a screen outside the console's frame (the forced first-login steps). */
function SignOutLink() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe();
  if (!me.data) return null;
  return (
    <div className="auth-signed-in">
      <span>
        {t('auth.signedInAs', { name: me.data.displayName })}
        {me.data.organizationName ? ` · ${me.data.organizationName}` : ''}
      </span>
      <Button
        type="link"
        icon={<LogoutOutlined />}
        onClick={() =>
          signOut(queryClient).catch((error: unknown) => void message.error(errorMessage(error, t)))
        }
      >
        {t('auth.signOut')}
      </Button>
    </div>
  );
}

/** The frame of the screens shown before the console opens: sign-in and the forced steps. */
export function AuthShell({
  title,
  lead,
  wide = false,
  children,
}: {
  title: string;
  lead?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="auth-shell">
      <aside className="auth-aside">
        <div className="auth-brand">
          <BrandMark size={44} inverse />
          <span>
            <strong>{t('app.name')}</strong>
            <small>{t('app.consoleTitle')}</small>
          </span>
        </div>
        <div className="auth-aside-text">
          <h2>{t('auth.aside.heading')}</h2>
          <p>{t('auth.aside.lead')}</p>
        </div>
        <p className="auth-aside-footer">{t('auth.aside.footer')}</p>
      </aside>
      <main className="auth-main">
        <div className="auth-topbar">
          <LanguageSwitch tone="dark" />
        </div>
        <section className={wide ? 'auth-card auth-card-wide' : 'auth-card'}>
          <h1 className="auth-title">{title}</h1>
          {lead && <div className="auth-lead">{lead}</div>}
          {children}
        </section>
        <SignOutLink />
      </main>
    </div>
  );
}
