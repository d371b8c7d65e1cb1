import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleRoute } from '../../../kit/console-routes.js';

export const auditRoutes: ConsoleRoute[] = [
  {
    path: 'audit',
    page: lazy(() => import('./AuditPage.js')),
    permission: 'audit.read',
    nav: { label: 'console.nav.audit', icon: <AuditOutlined />, group: 'admin' },
  },
];
