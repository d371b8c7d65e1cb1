import { IdcardOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleRoute } from '../../../kit/console-routes.js';

export const practitionersRoutes: ConsoleRoute[] = [
  {
    path: 'practitioners',
    page: lazy(() => import('./PractitionersPage.js')),
    permission: 'practitioners.read',
    nav: { label: 'console.nav.practitioners', icon: <IdcardOutlined />, group: 'main' },
  },
];
