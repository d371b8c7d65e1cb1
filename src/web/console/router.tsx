import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { FullPageSpin, RequirePermission, SessionGuard } from './auth/SessionGuard.js';
import { ConsoleLayout } from './ConsoleLayout.js';

const LoginPage = lazy(() => import('./auth/LoginPage.js'));
const ChangePasswordPage = lazy(() => import('./auth/ChangePasswordPage.js'));
const TotpEnrolmentPage = lazy(() => import('./auth/TotpEnrolmentPage.js'));
const OverviewPage = lazy(() => import('./OverviewPage.js'));
const OrganizationsPage = lazy(
  () => import('../modules/organizations/console/OrganizationsPage.js'),
);
const DivisionsPage = lazy(() => import('../modules/divisions/console/DivisionsPage.js'));
const UsersPage = lazy(() => import('../modules/identity/console/UsersPage.js'));
const RolesPage = lazy(() => import('../modules/identity/console/RolesPage.js'));
const SessionsPage = lazy(() => import('../modules/identity/console/SessionsPage.js'));
const AuditPage = lazy(() => import('../modules/audit/console/AuditPage.js'));
const OutboxPage = lazy(() => import('../modules/notifications/console/OutboxPage.js'));
const CoveragePage = lazy(() => import('../modules/coverage/console/CoveragePage.js'));
const PractitionersPage = lazy(
  () => import('../modules/practitioners/console/PractitionersPage.js'),
);
const VolunteersPage = lazy(() => import('../modules/volunteers/console/VolunteersPage.js'));
const PartnersPage = lazy(() => import('../modules/partners/console/PartnersPage.js'));
const NotFound = lazy(() =>
  import('../kit/ui/NotFound.js').then((module) => ({ default: module.NotFound })),
);

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
            { path: 'organizations', element: <OrganizationsPage /> },
            { path: 'divisions', element: <DivisionsPage /> },
            { path: 'divisions/:code', element: <DivisionsPage /> },
            {
              path: 'coverage',
              element: (
                <RequirePermission permission="coverage.read">
                  <CoveragePage />
                </RequirePermission>
              ),
            },
            { path: 'account/password', element: <ChangePasswordPage /> },
            { path: 'account/totp', element: <TotpEnrolmentPage /> },
            {
              path: 'users',
              element: (
                <RequirePermission permission="accounts.read">
                  <UsersPage />
                </RequirePermission>
              ),
            },
            {
              path: 'roles',
              element: (
                <RequirePermission permission="roles.manage">
                  <RolesPage />
                </RequirePermission>
              ),
            },
            {
              path: 'sessions',
              element: (
                <RequirePermission permission="sessions.read">
                  <SessionsPage />
                </RequirePermission>
              ),
            },
            {
              path: 'audit',
              element: (
                <RequirePermission permission="audit.read">
                  <AuditPage />
                </RequirePermission>
              ),
            },
            {
              path: 'outbox',
              element: (
                <RequirePermission permission="outbox.read">
                  <OutboxPage />
                </RequirePermission>
              ),
            },
            {
              path: 'volunteers',
              element: (
                <RequirePermission permission="volunteers.read">
                  <VolunteersPage />
                </RequirePermission>
              ),
            },
            {
              path: 'partners',
              element: (
                <RequirePermission permission="volunteers.read">
                  <PartnersPage />
                </RequirePermission>
              ),
            },
            {
              path: 'practitioners',
              element: (
                <RequirePermission permission="practitioners.read">
                  <PractitionersPage />
                </RequirePermission>
              ),
            },
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ],
  { basename: '/console' },
);
