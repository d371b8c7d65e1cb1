import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { PortalLayout } from './PortalLayout.js';
import { HomePage } from './pages/HomePage.js';

// The home page ships with the first load; the other pages load when first visited.
const DirectoryPage = lazy(() => import('../modules/organizations/portal/DirectoryPage.js'));
const OrganizationPage = lazy(() => import('../modules/organizations/portal/OrganizationPage.js'));
const AreasPage = lazy(() => import('../modules/divisions/portal/AreasPage.js'));
const NearestPage = lazy(() => import('../modules/organizations/portal/NearestPage.js'));
const MePage = lazy(() => import('./pages/me/MePage.js'));
const SignInPage = lazy(() => import('./pages/me/SignInPage.js'));
const SignUpPage = lazy(() => import('./pages/me/SignUpPage.js'));
const NotFound = lazy(() =>
  import('../kit/ui/NotFound.js').then((module) => ({ default: module.NotFound })),
);

export const router = createBrowserRouter([
  {
    element: <PortalLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'services', element: <DirectoryPage /> },
      { path: 'services/:id', element: <OrganizationPage /> },
      { path: 'areas', element: <AreasPage /> },
      { path: 'areas/:code', element: <AreasPage /> },
      { path: 'nearest', element: <NearestPage /> },
      { path: 'me', element: <MePage /> },
      { path: 'me/sign-in', element: <SignInPage /> },
      { path: 'me/sign-up', element: <SignUpPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
