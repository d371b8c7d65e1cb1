import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import { createBrowserRouter } from 'react-router-dom';
import type { ConsoleRoute } from '../kit/console-routes.js';
import { consoleRoutes } from '../modules/console-modules.js';
import { FullPageSpin, RequirePermission, SessionGuard } from './auth/SessionGuard.js';
import { ConsoleLayout } from './ConsoleLayout.js';

const LoginPage = lazy(() => import('./auth/LoginPage.js'));
const ChangePasswordPage = lazy(() => import('./auth/ChangePasswordPage.js'));
const TotpEnrolmentPage = lazy(() => import('./auth/TotpEnrolmentPage.js'));
const OverviewPage = lazy(() => import('./OverviewPage.js'));
const NotFound = lazy(() =>
  import('../kit/ui/NotFound.js').then((module) => ({ default: module.NotFound })),
);

function moduleRoute({ path, page: Page, permission }: ConsoleRoute): RouteObject {
  return {
    path,
    element: permission ? (
      <RequirePermission permission={permission}>
        <Page />
      </RequirePermission>
    ) : (
      <Page />
    ),
  };
}

export const router = createBrowserRouter(
  [
    {
      path: 'login',
      element: (
        <Suspense fallback={<FullPageSpin />}>
          <LoginPage />
        </Suspense>
      ),
    },
    {
      element: <SessionGuard />,
      children: [
        {
          element: <ConsoleLayout />,
          children: [
            { index: true, element: <OverviewPage /> },
            { path: 'account/password', element: <ChangePasswordPage /> },
            { path: 'account/totp', element: <TotpEnrolmentPage /> },
            ...consoleRoutes.map(moduleRoute),
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ],
  { basename: '/console' },
);
