import { useState, type ReactNode } from 'react';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ApiClient } from './api/client';
import { ApiContext } from './api/ApiContext';
import { isApiError } from './api/problem';
import { AuthContext, type AuthState } from './auth/AuthContext';
import { LocaleProvider } from './LocaleProvider';

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
          <LocaleProvider>
            <AntApp>{children}</AntApp>
          </LocaleProvider>
        </QueryClientProvider>
      </ApiContext.Provider>
    </AuthContext.Provider>
  );
}
