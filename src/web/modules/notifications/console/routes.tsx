import { SendOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleRoute } from '../../../kit/console-routes.js';

export const notificationsRoutes: ConsoleRoute[] = [
  {
    path: 'outbox',
    page: lazy(() => import('./OutboxPage.js')),
    permission: 'outbox.read',
    nav: { label: 'console.nav.outbox', icon: <SendOutlined />, group: 'admin' },
  },
];
