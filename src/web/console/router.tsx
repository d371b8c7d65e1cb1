import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { ConsoleLayout } from './ConsoleLayout.js';

const OverviewPage = lazy(() => import('./pages/OverviewPage.js'));
const OrganizationsPage = lazy(() => import('./pages/OrganizationsPage.js'));
const DivisionsPage = lazy(() => import('./pages/DivisionsPage.js'));
const NotFound = lazy(() =>
  import('../common/components/NotFound.js').then((module) => ({ default: module.NotFound })),
);

export const router = createBrowserRouter(
  [
    {
      element: <ConsoleLayout />,
      children: [
        { index: true, element: <OverviewPage /> },
        { path: 'organizations', element: <OrganizationsPage /> },
        { path: 'divisions', element: <DivisionsPage /> },
        { path: 'divisions/:code', element: <DivisionsPage /> },
        { path: '*', element: <NotFound /> },
      ],
    },
  ],
  { basename: '/console' },
);
