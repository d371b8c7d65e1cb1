import {
  AimOutlined,
  AppstoreOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { ConfigProvider, Spin } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration } from 'react-router-dom';
import { BrandMark } from '../kit/ui/BrandMark.js';
import { LanguageSwitch } from '../kit/ui/LanguageSwitch.js';
import { legalHotline } from '../kit/config.js';
import { useI18n } from '../kit/i18n/I18nProvider.js';
import type { MessageKey } from '../kit/i18n/catalogue.js';
import { nearestPath } from '../kit/public-paths.js';
import { mePath } from './paths.js';

const navItems: Array<{ to: string; label: MessageKey; icon: ReactNode; end: boolean }> = [
  { to: '/', label: 'portal.nav.home', icon: <HomeOutlined />, end: true },
  { to: '/services', label: 'portal.nav.directory', icon: <AppstoreOutlined />, end: false },
  { to: nearestPath, label: 'portal.nav.nearest', icon: <AimOutlined />, end: false },
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

const largeTextKey = 'farun.portal.largeText';
/** The root font size and antd's base size in large-text mode (from 16px and 14px). */
const largeTextTheme = { token: { fontSize: 18 } };

function readLargeText(): boolean {
  try {
    return localStorage.getItem(largeTextKey) === '1';
  } catch {
    return false;
  }
}

/**
 * Large text for elderly readers: a class on the root element scales every rem-based size of the
 * portal, and antd's base font size grows with it. The choice is remembered on this device.
 */
function useLargeText(): [boolean, () => void] {
  const [largeText, setLargeText] = useState(readLargeText);
  useEffect(() => {
    document.documentElement.classList.toggle('large-text', largeText);
    try {
      if (largeText) localStorage.setItem(largeTextKey, '1');
      else localStorage.removeItem(largeTextKey);
    } catch {
      // Private browsing may forbid storage; the choice then lasts for this visit.
    }
  }, [largeText]);
  return [largeText, () => setLargeText((current) => !current)];
}

function LargeTextToggle({ pressed, onToggle }: { pressed: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="large-text-toggle"
      aria-pressed={pressed}
      title={t('portal.largeText.title')}
      onClick={onToggle}
    >
      {t('portal.largeText')}
    </button>
  );
}

export function PortalLayout() {
  const [largeText, toggleLargeText] = useLargeText();
  // Always the same element tree, so switching the size keeps the page and its state.
  return (
    <ConfigProvider theme={largeText ? largeTextTheme : undefined}>
      <PortalFrame largeText={largeText} onToggleLargeText={toggleLargeText} />
    </ConfigProvider>
  );
}

function PortalFrame({
  largeText,
  onToggleLargeText,
}: {
  largeText: boolean;
  onToggleLargeText: () => void;
}) {
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
          <LargeTextToggle pressed={largeText} onToggle={onToggleLargeText} />
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
