import {
  ApartmentOutlined,
  AuditOutlined,
  AimOutlined,
  BankOutlined,
  DashboardOutlined,
  DesktopOutlined,
  IdcardOutlined,
  GlobalOutlined,
  HeartOutlined,
  SendOutlined,
  ShakeOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Spin } from 'antd';
import type { MenuProps } from 'antd';
import { Suspense } from 'react';
import type { ReactNode } from 'react';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router-dom';
import type { Permission } from '../../contracts/permissions.js';
import { hasPermission, useMe } from '../kit/auth/session.js';
import { BrandMark } from '../kit/ui/BrandMark.js';
import { LanguageSwitch } from '../kit/ui/LanguageSwitch.js';
import { useI18n } from '../kit/i18n/I18nProvider.js';
import type { MessageKey } from '../kit/i18n/catalogue.js';
import { InboxBell } from '../modules/notifications/console/InboxBell.js';
import { UserMenu } from './UserMenu.js';
import { coveragePath } from '../modules/coverage/api.js';
import { practitionersPath } from '../modules/practitioners/api.js';
import { partnersPath } from '../modules/partners/api.js';
import { volunteersPath } from '../modules/volunteers/api.js';
import { auditPath } from '../modules/audit/api.js';
import { divisionsPath } from '../modules/divisions/api.js';
import { rolesPath, sessionsPath, usersPath } from '../modules/identity/api.js';
import { outboxPath } from '../modules/notifications/api.js';
import { organizationsPath } from '../modules/organizations/api.js';

interface AdminEntry {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission: Permission;
}

/** Administration pages, each shown only to holders of the permission it needs. */
const adminEntries: AdminEntry[] = [
  {
    path: usersPath,
    label: 'console.nav.users',
    icon: <UserOutlined />,
    permission: 'accounts.read',
  },
  {
    path: rolesPath,
    label: 'console.nav.roles',
    icon: <TeamOutlined />,
    permission: 'roles.manage',
  },
  {
    path: sessionsPath(),
    label: 'console.nav.sessions',
    icon: <DesktopOutlined />,
    permission: 'sessions.read',
  },
  {
    path: auditPath,
    label: 'console.nav.audit',
    icon: <AuditOutlined />,
    permission: 'audit.read',
  },
  {
    path: outboxPath,
    label: 'console.nav.outbox',
    icon: <SendOutlined />,
    permission: 'outbox.read',
  },
];

function useMenuItems(): NonNullable<MenuProps['items']> {
  const { t } = useI18n();
  const me = useMe();
  const admin = adminEntries.filter((entry) => hasPermission(me.data, entry.permission));
  const items: NonNullable<MenuProps['items']> = [
    {
      key: '/',
      icon: <DashboardOutlined />,
      label: <Link to="/">{t('console.nav.overview')}</Link>,
    },
    {
      key: organizationsPath(),
      icon: <BankOutlined />,
      label: <Link to={organizationsPath()}>{t('console.nav.organizations')}</Link>,
    },
    {
      key: divisionsPath(),
      icon: <ApartmentOutlined />,
      label: <Link to={divisionsPath()}>{t('console.nav.divisions')}</Link>,
    },
  ];
  if (hasPermission(me.data, 'coverage.read')) {
    items.push({
      key: coveragePath,
      icon: <AimOutlined />,
      label: <Link to={coveragePath}>{t('console.nav.coverage')}</Link>,
    });
  }
  if (hasPermission(me.data, 'practitioners.read')) {
    items.push({
      key: practitionersPath,
      icon: <IdcardOutlined />,
      label: <Link to={practitionersPath}>{t('console.nav.practitioners')}</Link>,
    });
  }
  if (hasPermission(me.data, 'volunteers.read')) {
    items.push(
      {
        key: volunteersPath,
        icon: <HeartOutlined />,
        label: <Link to={volunteersPath}>{t('console.nav.volunteers')}</Link>,
      },
      {
        key: partnersPath,
        icon: <ShakeOutlined />,
        label: <Link to={partnersPath}>{t('console.nav.partners')}</Link>,
      },
    );
  }
  if (admin.length > 0) {
    items.push({
      key: 'admin',
      type: 'group',
      label: t('console.nav.administration'),
      children: admin.map((entry) => ({
        key: entry.path,
        icon: entry.icon,
        label: <Link to={entry.path}>{t(entry.label)}</Link>,
      })),
    });
  }
  return items;
}

/** The menu entry a path belongs to: its first segment. */
function menuKey(pathname: string): string {
  const first = pathname.split('/').filter(Boolean)[0];
  return first ? `/${first}` : '/';
}

export function ConsoleLayout() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const items = useMenuItems();
  return (
    <Layout className="console">
      <Layout.Sider width={216} breakpoint="lg" collapsedWidth={64} className="console-sider">
        <Link to="/" className="console-brand">
          <BrandMark size={32} inverse />
          <span className="console-brand-text">
            {t('app.name')} <small>{t('app.consoleTitle')}</small>
          </span>
        </Link>
        <Menu theme="dark" mode="inline" selectedKeys={[menuKey(pathname)]} items={items} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="console-header">
          <a href="/" className="console-header-link">
            <GlobalOutlined /> {t('console.portalLink')}
          </a>
          <LanguageSwitch tone="dark" />
          <InboxBell />
          <UserMenu />
        </Layout.Header>
        <Layout.Content className="console-content">
          <Suspense
            fallback={
              <div className="console-loading">
                <Spin description={t('common.loading')} />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <ScrollRestoration />
    </Layout>
  );
}
