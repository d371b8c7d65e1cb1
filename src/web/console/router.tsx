import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { FullPageSpin, RequirePermission, SessionGuard } from './auth/SessionGuard.js';
import { ConsoleLayout } from './ConsoleLayout.js';

const LoginPage = lazy(() => import('./auth/LoginPage.js'));
const ChangePasswordPage = lazy(() => import('./auth/ChangePasswordPage.js'));
const TotpEnrolmentPage = lazy(() => import('./auth/TotpEnrolmentPage.js'));
const OverviewPage = lazy(() => import('./pages/OverviewPage.js'));
const OrganizationsPage = lazy(() => import('./pages/OrganizationsPage.js'));
const DivisionsPage = lazy(() => import('./pages/DivisionsPage.js'));
const UsersPage = lazy(() => import('./pages/UsersPage.js'));
const RolesPage = lazy(() => import('./pages/RolesPage.js'));
const SessionsPage = lazy(() => import('./pages/SessionsPage.js'));
const AuditPage = lazy(() => import('./pages/AuditPage.js'));
const OutboxPage = lazy(() => import('./pages/OutboxPage.js'));
const CoveragePage = lazy(() => import('./pages/CoveragePage.js'));
const PractitionersPage = lazy(() => import('./pages/PractitionersPage.js'));
const VolunteersPage = lazy(() => import('./pages/VolunteersPage.js'));
const PartnersPage = lazy(() => import('./pages/PartnersPage.js'));
const NotFound = lazy(() =>
  import('../common/components/NotFound.js').then((module) => ({ default: module.NotFound })),
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
