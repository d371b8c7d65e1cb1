import { AimOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleRoute } from '../../../kit/console-routes.js';

export const coverageRoutes: ConsoleRoute[] = [
  {
    path: 'coverage',
    page: lazy(() => import('./CoveragePage.js')),
    permission: 'coverage.read',
    nav: { label: 'console.nav.coverage', icon: <AimOutlined />, group: 'main' },
  },
];
