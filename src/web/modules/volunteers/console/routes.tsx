import { HeartOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleRoute } from '../../../kit/console-routes.js';

export const volunteersRoutes: ConsoleRoute[] = [
  {
    path: 'volunteers',
    page: lazy(() => import('./VolunteersPage.js')),
    permission: 'volunteers.read',
    nav: { label: 'console.nav.volunteers', icon: <HeartOutlined />, group: 'main' },
  },
];
