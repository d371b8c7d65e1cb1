import { DashboardOutlined, GlobalOutlined } from '@ant-design/icons';
import { Layout, Menu, Spin } from 'antd';
import type { MenuProps } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router-dom';
import { hasPermission, useMe } from '../kit/auth/session.js';
import type { ConsoleNavEntry } from '../kit/console-routes.js';
import type { Translate } from '../kit/i18n/I18nProvider.js';
import { useI18n } from '../kit/i18n/I18nProvider.js';
import { BrandMark } from '../kit/ui/BrandMark.js';
import { LanguageSwitch } from '../kit/ui/LanguageSwitch.js';
import { consoleRoutes } from '../modules/console-modules.js';
import { InboxBell } from '../modules/notifications/console/InboxBell.js';
import { UserMenu } from './UserMenu.js';

type MenuItems = NonNullable<MenuProps['items']>;

function menuItem(path: string, nav: ConsoleNavEntry, t: Translate): MenuItems[number] {
  const to = `/${path}`;
  return { key: to, icon: nav.icon, label: <Link to={to}>{t(nav.label)}</Link> };
}

/** The modules' menu entries the user may open: the main ones, then the administration group. */
function useMenuItems(): MenuItems {
  const { t } = useI18n();
  const me = useMe();
  const visible = consoleRoutes.filter(
    (route) => route.nav && (!route.permission || hasPermission(me.data, route.permission)),
  );
  const inGroup = (group: ConsoleNavEntry['group']) =>
    visible.flatMap(({ path, nav }) => (nav?.group === group ? [menuItem(path, nav, t)] : []));
  const admin = inGroup('admin');
  return [
    {
      key: '/',
      icon: <DashboardOutlined />,
      label: <Link to="/">{t('console.nav.overview')}</Link>,
    },
    ...inGroup('main'),
    ...(admin.length > 0
      ? [
          {
            key: 'admin',
            type: 'group' as const,
            label: t('console.nav.administration'),
            children: admin,
          },
        ]
      : []),
  ];
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
