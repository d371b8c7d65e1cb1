import { DesktopOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleRoute } from '../../../kit/console-routes.js';

export const identityRoutes: ConsoleRoute[] = [
  {
    path: 'users',
    page: lazy(() => import('./UsersPage.js')),
    permission: 'accounts.read',
    nav: { label: 'console.nav.users', icon: <UserOutlined />, group: 'admin' },
  },
  {
    path: 'roles',
    page: lazy(() => import('./RolesPage.js')),
    permission: 'roles.manage',
    nav: { label: 'console.nav.roles', icon: <TeamOutlined />, group: 'admin' },
  },
  {
    path: 'sessions',
    page: lazy(() => import('./SessionsPage.js')),
    permission: 'sessions.read',
    nav: { label: 'console.nav.sessions', icon: <DesktopOutlined />, group: 'admin' },
  },
];
