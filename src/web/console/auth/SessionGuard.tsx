import { Button, Result, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation, useSearchParams } from 'react-router-dom';
import type { Permission } from '../../../contracts/permissions.js';
import {
  hasPermission,
  sessionEndedByUser,
  useMe,
  useSessionWatcher,
} from '../../kit/auth/session.js';
import { ErrorState } from '../../kit/ui/ErrorState.js';
import { useI18n } from '../../kit/i18n/I18nProvider.js';
import { useDocumentTitle } from '../../kit/use-document-title.js';
import { loginPath, passwordPath, safeNext, totpPath, withNext } from '../paths.js';

const ChangePasswordPage = lazy(() => import('./ChangePasswordPage.js'));
const TotpEnrolmentPage = lazy(() => import('./TotpEnrolmentPage.js'));

export function FullPageSpin() {
  const { t } = useI18n();
  return (
    <div className="full-page-spin">
      <Spin size="large" description={t('common.loading')} />
    </div>
  );
}

/**
 * Lets only a signed-in user through. Signed out → the sign-in page, remembering where they
 * were going; a password to change or a second factor to set up → that step first, since the
 * server refuses everything else meanwhile.
 */
export function SessionGuard() {
  useSessionWatcher();
  const me = useMe();
  const location = useLocation();
  const [params] = useSearchParams();
  const here = `${location.pathname}${location.search}`;

  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (!me.data) {
    return <Navigate to={sessionEndedByUser() ? loginPath : withNext(loginPath, here)} replace />;
  }

  const forced = me.data.passwordChangeRequired
    ? passwordPath
    : me.data.totpRequired
      ? totpPath
      : null;
  if (forced) {
    if (location.pathname !== forced) {
      const next = safeNext(params.get('next')) ?? here;
      const unforced = next === passwordPath || next === totpPath ? undefined : next;
      return <Navigate to={withNext(forced, unforced)} replace />;
    }
    return (
      <Suspense fallback={<FullPageSpin />}>
        {forced === passwordPath ? <ChangePasswordPage forced /> : <TotpEnrolmentPage forced />}
      </Suspense>
    );
  }
  return <Outlet />;
}

function Forbidden() {
  const { t } = useI18n();
  useDocumentTitle(t('console.forbidden.title'), t('app.consoleTitle'), t('app.name'));
  return (
    <Result
      status="403"
      title={t('console.forbidden.title')}
      subTitle={t('console.forbidden.description')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** A page for holders of one permission; others learn they may not see it. */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const me = useMe();
  return hasPermission(me.data, permission) ? children : <Forbidden />;
}
