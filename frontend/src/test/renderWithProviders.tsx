import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { StyleProvider } from '@ant-design/cssinjs';
import { AppProviders } from '../AppProviders';
import { ApiClient } from '../api/client';
import type { AppUser } from '../auth/user';
import { ZFW_DEPARTMENT } from './departments';

/**
 * antd's CSS-in-JS goes into this detached element instead of document.head. A DOM emulation matches every
 * stylesheet rule (and copies antd's hundreds of CSS variables) on each getComputedStyle call, which
 * getByRole and user-event's pointer-events check make for every element and its ancestors: with the
 * styles in the document one getByRole took 5 s on the narrative form in jsdom, without them 50 ms. The test
 * DOM does no layout, so the styles only cost time; the components still generate and register them.
 */
const styleSink = document.createElement('div');

export { ZFW_DEPARTMENT };

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
    <StyleProvider container={styleSink}>
      <AppProviders
        auth={{ user: options.user ?? departmentUser, logout: () => undefined }}
        client={client}
        queryClient={testQueryClient()}
      >
        <MemoryRouter initialEntries={[options.route ?? '/']}>{children}</MemoryRouter>
      </AppProviders>
    </StyleProvider>
  );
  return render(ui, { wrapper });
}
