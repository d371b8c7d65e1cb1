import { ShakeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleRoute } from '../../../kit/console-routes.js';

export const partnersRoutes: ConsoleRoute[] = [
  {
    path: 'partners',
    page: lazy(() => import('./PartnersPage.js')),
    // Partners recruit volunteers; whoever reads the volunteers reads their partners.
    permission: 'volunteers.read',
    nav: { label: 'console.nav.partners', icon: <ShakeOutlined />, group: 'main' },
  },
];
