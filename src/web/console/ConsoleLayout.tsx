import {
  ApartmentOutlined,
  BankOutlined,
  DashboardOutlined,
  GlobalOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Spin } from 'antd';
import type { MenuProps } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router-dom';
import { BrandMark } from '../common/components/BrandMark.js';
import { LanguageSwitch } from '../common/components/LanguageSwitch.js';
import { useI18n } from '../common/i18n/I18nProvider.js';
import { divisionsPath, organizationsPath } from './paths.js';

function useMenuItems(): NonNullable<MenuProps['items']> {
  const { t } = useI18n();
  return [
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
