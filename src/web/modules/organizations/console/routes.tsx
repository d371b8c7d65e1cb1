import { BankOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleRoute } from '../../../kit/console-routes.js';

export const organizationsRoutes: ConsoleRoute[] = [
  {
    path: 'organizations',
    page: lazy(() => import('./OrganizationsPage.js')),
    nav: { label: 'console.nav.organizations', icon: <BankOutlined />, group: 'main' },
  },
];
