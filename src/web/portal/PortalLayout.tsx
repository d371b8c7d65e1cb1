import {
  AppstoreOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Spin } from 'antd';
import { Suspense } from 'react';
import type { ReactNode } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration } from 'react-router-dom';
import { BrandMark } from '../common/components/BrandMark.js';
import { LanguageSwitch } from '../common/components/LanguageSwitch.js';
import { legalHotline } from '../common/config.js';
import { useI18n } from '../common/i18n/I18nProvider.js';
import type { MessageKey } from '../common/i18n/messages.js';
import { mePath } from './paths.js';

const navItems: Array<{ to: string; label: MessageKey; icon: ReactNode; end: boolean }> = [
  { to: '/', label: 'portal.nav.home', icon: <HomeOutlined />, end: true },
  { to: '/services', label: 'portal.nav.directory', icon: <AppstoreOutlined />, end: false },
  { to: '/areas', label: 'portal.nav.areas', icon: <EnvironmentOutlined />, end: false },
  { to: mePath, label: 'portal.nav.me', icon: <UserOutlined />, end: false },
];

function NavItems({ className }: { className: string }) {
  const { t } = useI18n();
  return (
    <>
      {navItems.map((item) => (
        <NavLink key={item.to} to={item.to} end={item.end} className={className}>
          <span className="nav-icon" aria-hidden="true">
            {item.icon}
          </span>
          <span>{t(item.label)}</span>
        </NavLink>
      ))}
    </>
  );
}

function PageLoading() {
  const { t } = useI18n();
  return (
    <div className="page-loading">
      <Spin description={t('common.loading')} />
    </div>
  );
}

export function PortalLayout() {
  const { t } = useI18n();
  return (
    <div className="portal">
      <header className="portal-header">
        <div className="portal-header-inner">
          <Link to="/" className="brand">
            <BrandMark size={36} inverse />
            <span className="brand-text">
              <strong>{t('app.name')}</strong>
              <small>{t('app.portalTitle')}</small>
            </span>
          </Link>
          <nav className="top-nav" aria-label={t('portal.nav.label')}>
            <NavItems className="top-nav-link" />
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main className="portal-main">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="portal-footer">
        <p>{t('portal.footer.title')}</p>
        <p>
          {t('portal.footer.owner')} ·{' '}
          <a href={`tel:${legalHotline}`}>{t('portal.hotline.title', { number: legalHotline })}</a>
        </p>
      </footer>
      <nav className="tab-bar" aria-label={t('portal.nav.label')}>
        <NavItems className="tab-bar-link" />
      </nav>
      <ScrollRestoration />
    </div>
  );
}
