import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { AppProviders } from '../AppProviders';
import { ApiClient } from '../api/client';
import type { AppUser } from '../auth/user';

export const ZFW_DEPARTMENT = 'd0000000-0000-4000-8000-000000000001';

export const departmentUser: AppUser = {
  username: 'zfw',
  displayName: '政法委填报员',
  roles: ['department'],
  departmentId: ZFW_DEPARTMENT,
};

export interface RenderOptions {
  user?: AppUser;
  fetchImpl?: typeof fetch;
  route?: string;
}

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

export function renderWithProviders(ui: ReactElement, options: RenderOptions = {}) {
  const fetchImpl = options.fetchImpl ?? (async () => new Response(null, { status: 404 }));
  const onUnauthorized = () => undefined;
  const client = new ApiClient({
    baseUrl: '/api/v1',
    auth: { getValidToken: async () => 'test-token', onUnauthorized },
    language: () => 'zh-CN',
    fetchImpl,
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AppProviders
      auth={{ user: options.user ?? departmentUser, logout: () => undefined }}
      client={client}
      queryClient={testQueryClient()}
    >
      <MemoryRouter initialEntries={[options.route ?? '/']}>{children}</MemoryRouter>
    </AppProviders>
  );
  return render(ui, { wrapper });
}
