import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import PublicApp from '../public/PublicApp';
import { isPublicPath } from '../public/route';
import { AppRoutes } from '../App';
import type { Publication, PublicEntry } from '../api/publication';
import { FakeYear } from '../test/fakeYear';
import { renderWithProviders, ZFW_DEPARTMENT } from '../test/renderWithProviders';

const entry = (over: Partial<PublicEntry> = {}): PublicEntry => ({
  id: 5, fiscalYear: 2020, departmentName: '中共长沙市望城区委政法委员会', total: 86.5, grade: '良',
  publishedAt: '2021-06-01T02:00:00Z', url: '/api/v1/public/reports/5', pdfUrl: '/api/v1/public/reports/5/pdf', ...over,
});

describe('信息公开 public page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is served without a login: only /public and below', () => {
    expect(isPublicPath('/public')).toBe(true);
    expect(isPublicPath('/public/2020')).toBe(true);
    expect(isPublicPath('/publications')).toBe(false);
    expect(isPublicPath('/report/status')).toBe(false);
    expect(isPublicPath('/')).toBe(false);
  });

  it('lists the published reports with their PDF, filters by year and sends no token', async () => {
    const calls: { url: string; headers: Record<string, string> }[] = [];
    const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input);
      calls.push({ url, headers: (init.headers ?? {}) as Record<string, string> });
      const body = url.endsWith('?year=2019') ? [entry({ id: 7, fiscalYear: 2019, departmentName: '望城区教育局', grade: '优', total: 92 })]
        : url.endsWith('?year=2018') ? [] : [entry(), entry({ id: 7, fiscalYear: 2019, departmentName: '望城区教育局', grade: '优', total: 92 })];
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    render(<PublicApp fetchImpl={fetchImpl} />);

    const table = await screen.findByRole('table');
    expect(within(table).getByText('中共长沙市望城区委政法委员会')).toBeInTheDocument();
    expect(within(table).getByText('86.50')).toBeInTheDocument();
    expect(screen.getByTestId('public-pdf-5')).toHaveAttribute('href', '/api/v1/public/reports/5/pdf');
    expect(screen.getByTestId('public-login')).toHaveAttribute('href', '/');
    expect(calls[0]!.url).toBe('/api/v1/public/reports');
    expect(calls.every((c) => !('Authorization' in c.headers))).toBe(true);

    const select = screen.getByTestId('public-year');
    fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? within(select).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('2019'));
    await waitFor(() => expect(calls.some((c) => c.url === '/api/v1/public/reports?year=2019')).toBe(true));
    await waitFor(() => expect(screen.queryByText('中共长沙市望城区委政法委员会')).not.toBeInTheDocument());
    expect(screen.getByText('望城区教育局')).toBeInTheDocument();
  });

  it('says so when nothing is published, and shows the service\'s refusal (429)', async () => {
    let limited = false;
    const fetchImpl = (async () => (limited
      ? new Response(JSON.stringify({ title: '请求过多', status: 429, detail: '请求过于频繁，请 3 秒后再试。', code: 'publication.rate-limited' }),
        { status: 429, headers: { 'Content-Type': 'application/problem+json' } })
      : new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } }))) as typeof fetch;
    const { unmount } = render(<PublicApp fetchImpl={fetchImpl} />);
    expect(await screen.findByText('暂无公开的自评报告。')).toBeInTheDocument();
    unmount();
    limited = true;
    render(<PublicApp fetchImpl={fetchImpl} />);
    expect(await screen.findByText(/请求过于频繁/)).toBeInTheDocument();
  });
});

describe('信息公开 for reviewers', () => {
  const reviewer = { username: 'reviewer', displayName: '审核员', roles: ['finance-reviewer'] };
  const Q = `?dept=${ZFW_DEPARTMENT}&year=2020`;
  const published: Publication = {
    id: 5, departmentId: ZFW_DEPARTMENT, fiscalYear: 2020, filingVersion: 1, departmentName: '中共长沙市望城区委政法委员会',
    status: 'PUBLISHED', total: 86.5, grade: '良', publishedBy: 'reviewer', publishedAt: '2021-06-01T02:00:00Z',
    unpublishedBy: null, unpublishedAt: null, version: 0,
  };
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

  it('publishes an approved filing and unpublishes it, each on the version read', async () => {
    const api = new FakeYear();
    api.filing = { ...api.filing, status: 'APPROVED', latestVersion: 1 };
    api.next.push({ match: /^GET \/publications$/, response: () => json([]) });
    api.next.push({ match: /^POST \/publications\/.+\/2020\/publish$/, response: () => json(published) });
    api.next.push({ match: /^GET \/publications$/, response: () => json([published]) });
    api.next.push({ match: /^POST \/publications\/.+\/2020\/unpublish$/, response: () => json({ ...published, status: 'UNPUBLISHED', version: 1 }) });
    api.next.push({ match: /^GET \/publications$/, response: () => json([{ ...published, status: 'UNPUBLISHED', version: 1 }]) });
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: `/report/status${Q}`, user: reviewer });
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    expect(await screen.findByTestId('publication-status')).toHaveTextContent('未公开');
    await user.click(screen.getByTestId('publish-filing'));
    await user.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(screen.getByTestId('publication-status')).toHaveTextContent('已公开'));
    const publish = api.requests.find((r) => r.method === 'POST' && r.url.endsWith('/publish'))!;
    expect(publish.url).toBe(`/api/v1/publications/${ZFW_DEPARTMENT}/2020/publish`);
    expect(publish.body).toEqual({ version: null });

    await user.click(screen.getByTestId('unpublish-filing'));
    const confirms = await screen.findAllByRole('button', { name: /确\s*定|OK/ });
    await user.click(confirms[confirms.length - 1]!);
    await waitFor(() => expect(screen.getByTestId('publication-status')).toHaveTextContent('已撤回'));
    expect(api.requests.find((r) => r.method === 'POST' && r.url.endsWith('/unpublish'))!.body).toEqual({ version: 0 });
  });

  it('offers nothing to publish before approval, and nothing to a department user', async () => {
    const api = new FakeYear();
    api.filing = { ...api.filing, status: 'SUBMITTED', latestVersion: 1 };
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: `/report/status${Q}`, user: reviewer });
    expect(await screen.findByTestId('filing-status')).toHaveTextContent('已提交，待审核');
    expect(screen.queryByTestId('publication-control')).not.toBeInTheDocument();

    const own = new FakeYear();
    own.filing = { ...own.filing, status: 'APPROVED', latestVersion: 1 };
    renderWithProviders(<AppRoutes />, { fetchImpl: own.fetch, route: `/report/status${Q}` });
    expect((await screen.findAllByTestId('filing-status')).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('publish-filing')).not.toBeInTheDocument();
    expect(own.requests.some((r) => r.url.includes('/publications'))).toBe(false);
  });
});
