import { ApartmentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleRoute } from '../../../kit/console-routes.js';

const DivisionsPage = lazy(() => import('./DivisionsPage.js'));

export const divisionsRoutes: ConsoleRoute[] = [
  {
    path: 'divisions',
    page: DivisionsPage,
    nav: { label: 'console.nav.divisions', icon: <ApartmentOutlined />, group: 'main' },
  },
  { path: 'divisions/:code', page: DivisionsPage },
];
