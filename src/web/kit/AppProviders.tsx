import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import type { ThemeConfig } from 'antd';
import antdEnUS from 'antd/locale/en_US';
import antdZhCN from 'antd/locale/zh_CN';
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { ApiError } from './api.js';
import type { Catalogue } from './i18n/catalogue.js';
import { I18nProvider, useI18n } from './i18n/I18nProvider.js';
import { SettingsProvider } from './settings.js';

export const fontFamily = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"WenQuanYi Micro Hei"',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

/** Government-service blue with the red of official seals as the warning accent. */
export const farunTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4e96',
    colorLink: '#1f4e96',
    colorError: '#c8161d',
    borderRadius: 6,
    fontFamily,
  },
};

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx answer will be the same next time; only transient failures are worth retrying.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.isPermanent) && failureCount < 2,
      },
    },
  });
}

/** Failed queries carry messages in the old language; ask again in the new one. */
function RefetchErrorsOnLocaleChange() {
  const { locale } = useI18n();
  const queryClient = useQueryClient();
  const previous = useRef(locale);
  useEffect(() => {
    if (previous.current === locale) return;
    previous.current = locale;
    void queryClient.refetchQueries({ predicate: (query) => query.state.status === 'error' });
  }, [locale, queryClient]);
  return null;
}

function LocalizedAntd({ theme, children }: { theme: ThemeConfig; children: ReactNode }) {
  const { locale } = useI18n();
  return (
    // No space pushed between two Chinese characters of a button: "登录" must stay findable and
    // read as one word by screen readers, not "登 录".
    <ConfigProvider
      locale={locale === 'en-US' ? antdEnUS : antdZhCN}
      theme={theme}
      button={{ autoInsertSpace: false }}
    >
      {children}
    </ConfigProvider>
  );
}

/** The providers of either shell; each passes the catalogue assembled from its modules. */
export function AppProviders({
  catalogue,
  theme = farunTheme,
  children,
}: {
  catalogue: Catalogue;
  theme?: ThemeConfig;
  children: ReactNode;
}) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider catalogue={catalogue}>
        <RefetchErrorsOnLocaleChange />
        <LocalizedAntd theme={theme}>
          <SettingsProvider>{children}</SettingsProvider>
        </LocalizedAntd>
      </I18nProvider>
    </QueryClientProvider>
  );
}
