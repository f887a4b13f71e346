import { useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
// The ES module builds: 'antd/locale/*' is CommonJS and would bundle a second copy of what antd already has.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from './api/client';
import { ApiContext } from './api/ApiContext';
import { isApiError } from './api/problem';
import { AuthContext, type AuthState } from './auth/AuthContext';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Client errors (4xx) will not get better by asking again.
        retry: (failureCount, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
        refetchOnWindowFocus: false,
        staleTime: 10_000,
      },
      mutations: { retry: false },
    },
  });
}

/** antd locale and dayjs locale follow the UI language. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n, t } = useTranslation();
  const english = i18n.language === 'en';
  useEffect(() => {
    dayjs.locale(english ? 'en' : 'zh-cn');
    document.title = `${t('app.title')} · ${t('app.subtitle')}`;
  }, [english, t]);
  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={{ token: { colorPrimary: '#b22c2c', colorLink: '#b22c2c' } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

interface AppProvidersProps {
  auth: AuthState;
  client: ApiClient;
  queryClient?: QueryClient;
  children: ReactNode;
}

export function AppProviders({ auth, client, queryClient, children }: AppProvidersProps) {
  const [ownQueryClient] = useState(() => queryClient ?? createQueryClient());
  return (
    <AuthContext.Provider value={auth}>
      <ApiContext.Provider value={client}>
        <QueryClientProvider client={ownQueryClient}>
          <LocaleProvider>{children}</LocaleProvider>
        </QueryClientProvider>
      </ApiContext.Provider>
    </AuthContext.Provider>
  );
}
