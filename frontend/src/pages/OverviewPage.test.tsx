import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoutes } from '../App';
import { FakeApi } from '../test/fakeApi';
import { renderWithProviders } from '../test/renderWithProviders';
import { overviewRows } from '../test/sampleSheet';
import { OVERVIEW_PAGE_SIZE } from '../features/overview/overview';
import { typeText } from '../test/typeText';

const reviewer = { username: 'reviewer', displayName: '审核员', roles: ['finance-reviewer'] };

vi.mock('../features/overview/RateChart', () => ({
  default: ({ rows }: { rows: unknown[] }) => <div data-testid="rate-chart">{rows.length}</div>,
}));
vi.mock('../features/overview/DashboardCharts', () => ({
  default: ({ rows }: { rows: unknown[] }) => <div data-testid="dashboard-charts">{rows.length}</div>,
}));

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

/** 抽查复核 outcomes on the summary rows: d1 flagged (自评偏差较大), d4 close to its self score, d2 and d3 not re-reviewed. */
const reReviews: Record<string, unknown> = {
  d1: { roundId: 7, selfTotal: '72.50', reviewTotal: '58.00', deviation: '14.50', flagged: true },
  d4: { roundId: 7, selfTotal: '81.37', reviewTotal: '79.00', deviation: '2.37', flagged: false },
};

/** report-service's summary (two pages, to follow the cursor) and evaluation-service's ranking, in front of FakeApi. */
function withScores(api: FakeApi) {
  const summary = [
    { departmentId: 'd1', status: 'SUBMITTED', score: '72.50', grade: '中', fatal: 1, warnings: 2, mainFindings: ['年末实有在职在编 22 人，超过编制数 20 人。'] },
    { departmentId: 'd2', status: 'APPROVED', score: '91.00', grade: '优', fatal: 0, warnings: 0, mainFindings: [] },
    { departmentId: 'd3', status: 'DRAFT', score: null, grade: null, fatal: 0, warnings: 0, mainFindings: [] },
    { departmentId: 'd4', status: 'RETURNED', score: '81.37', grade: '良', fatal: 0, warnings: 1, mainFindings: [] },
  ].map((row) => ({ ...row, basicExecutionRate: '100.00', projectExecutionRate: null, executionRate: '100.00', reReview: reReviews[row.departmentId] ?? null }));
  const ranking = [
    { rank: 1, departmentId: 'd2', total: 91, grade: '优' },
    { rank: 2, departmentId: 'd4', total: 81.37, grade: '良' },
    { rank: 3, departmentId: 'd1', total: 72.5, grade: '中' },
  ];
  return async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    if (url.startsWith('/api/v1/reports/summary?')) {
      api.requests.push({ method: 'GET', url, headers: {} });
      const second = url.includes('cursor=p2');
      return json({ fiscalYear: 2020, items: second ? summary.slice(2) : summary.slice(0, 2), nextCursor: second ? null : 'p2' });
    }
    if (url.startsWith('/api/v1/evaluations/ranking?')) return json(ranking);
    if (url.startsWith('/api/v1/reports/summary/export.xlsx')) {
      api.requests.push({ method: 'GET', url, headers: (init.headers ?? {}) as Record<string, string> });
      return new Response('PK', { status: 200, headers: { 'Content-Disposition': 'attachment; filename="summary-2020.xlsx"' } });
    }
    return api.fetch(input, init);
  };
}

function rates(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${90 + index}.00`);
}

describe('全区概览 page', () => {
  it('loads more pages with the cursor until there is none', async () => {
    const api = new FakeApi();
    api.overviewRows = overviewRows(rates(OVERVIEW_PAGE_SIZE + 3));
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/overview?year=2020', user: reviewer });

    // The first render of a 50-row table (and the page's chunk) is slow on a busy machine.
    await waitFor(() => expect(screen.getAllByTestId('overview-row')).toHaveLength(OVERVIEW_PAGE_SIZE), { timeout: 20_000 });
    expect(screen.getByTestId('overview-count')).toHaveTextContent(`已加载 ${OVERVIEW_PAGE_SIZE} 个单位`);
    await userEvent.setup({ pointerEventsCheck: 0 }).click(screen.getByTestId('overview-load-more'));
    await waitFor(() => expect(screen.getAllByTestId('overview-row')).toHaveLength(OVERVIEW_PAGE_SIZE + 3));
    expect(screen.queryByTestId('overview-load-more')).not.toBeInTheDocument();
    expect(screen.getByTestId('overview-count')).toHaveTextContent(`已加载全部 ${OVERVIEW_PAGE_SIZE + 3} 个单位`);

    const calls = api.requests.filter((request) => request.url.startsWith('/api/v1/budgets?'));
    expect(calls[0]!.url).toBe(`/api/v1/budgets?fiscalYear=2020&limit=${OVERVIEW_PAGE_SIZE}`);
    expect(calls[1]!.url).toContain(`cursor=${OVERVIEW_PAGE_SIZE}`);
  });

  it('filters by filing status on the server and by name in the page', async () => {
    const api = new FakeApi();
    api.overviewRows = overviewRows(['100.00', '95.00', null, '120.00']);
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/overview?year=2020', user: reviewer });
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    await waitFor(() => expect(screen.getAllByTestId('overview-row')).toHaveLength(4));
    expect(screen.getAllByTestId('overview-rate').map((cell) => cell.textContent)).toEqual([
      '100.00%',
      '95.00%',
      '数据缺失',
      '120.00%',
    ]);

    await user.click(within(screen.getByTestId('overview-locked-filter')).getByText('已提交'));
    await waitFor(() => expect(screen.getAllByTestId('overview-row')).toHaveLength(2));
    expect(api.requests.some((request) => request.url.includes('locked=true'))).toBe(true);

    await user.click(within(screen.getByTestId('overview-locked-filter')).getByText('全部'));
    await waitFor(() => expect(screen.getAllByTestId('overview-row')).toHaveLength(4));
    await typeText(user, screen.getByLabelText('按单位名称搜索'), '单位4');
    await waitFor(() => expect(screen.getAllByTestId('overview-row')).toHaveLength(1));
    expect(screen.getByTestId('overview-count')).toHaveTextContent('其中 1 个符合筛选条件');
  });

  it('sorts by execution rate on a click of the column', async () => {
    const api = new FakeApi();
    api.overviewRows = overviewRows(['100.00', '95.00', null, '120.00']);
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/overview?year=2020', user: reviewer });
    await waitFor(() => expect(screen.getAllByTestId('overview-row')).toHaveLength(4));
    const header = screen.getByTestId('overview-table').querySelector('th.ant-table-column-has-sorters');
    await userEvent.setup({ pointerEventsCheck: 0 }).click(header!);
    await waitFor(() =>
      expect(screen.getAllByTestId('overview-rate').map((cell) => cell.textContent)).toEqual([
        '120.00%',
        '100.00%',
        '95.00%',
        '数据缺失',
      ]),
    );
  });

  it('downloads the CSV export with the token and saves it under the server’s file name', async () => {
    const api = new FakeApi();
    api.overviewRows = overviewRows(['100.00']);
    const created: string[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob.type);
      return 'blob:export';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/overview?year=2020', user: reviewer });
    await userEvent.setup({ pointerEventsCheck: 0 }).click(await screen.findByTestId('export-csv'));

    expect(await screen.findByText('已下载 budget-lines-2020.csv')).toBeInTheDocument();
    const request = api.requests.find((candidate) => candidate.url.includes('/budgets/export'))!;
    expect(request.url).toBe('/api/v1/budgets/export?fiscalYear=2020&format=csv');
    expect(request.headers.Authorization).toBe('Bearer test-token');
    expect(click).toHaveBeenCalledTimes(1);
    expect(created[0]).toContain('text/csv');
    click.mockRestore();
  });

  it('shows score, grade, rank and review status, filters by grade and charts what is shown', async () => {
    const api = new FakeApi();
    api.overviewRows = overviewRows(['107.74', '95.00', null, '120.00']);
    renderWithProviders(<AppRoutes />, { fetchImpl: withScores(api), route: '/overview?year=2020', user: reviewer });
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    await waitFor(() => expect(screen.getAllByTestId('dashboard-score').map((cell) => cell.textContent)).toEqual(['72.50', '91.00', '—', '81.37']));
    expect(screen.getAllByTestId('dashboard-grade').map((cell) => cell.textContent)).toEqual(['中', '优', '—', '良']);
    expect(screen.getAllByTestId('dashboard-rank').map((cell) => cell.textContent)).toEqual(['3', '1', '—', '2']);
    expect(screen.getAllByTestId('dashboard-status').map((cell) => cell.textContent)).toEqual(['已报送', '已通过', '填报中', '已退回']);
    expect(screen.getAllByTestId('dashboard-findings')[0]).toHaveTextContent('严重 1 · 提示 2');
    expect(api.requests.filter((request) => request.url.startsWith('/api/v1/reports/summary?')).map((request) => request.url)).toEqual([
      '/api/v1/reports/summary?fiscalYear=2020&limit=200',
      '/api/v1/reports/summary?fiscalYear=2020&limit=200&cursor=p2',
    ]);
    expect(await screen.findByTestId('dashboard-charts')).toHaveTextContent('4');
    expect(screen.queryByTestId('dashboard-scores-unavailable')).not.toBeInTheDocument();

    await user.click(within(screen.getByTestId('dashboard-grade-filter')).getByText('优'));
    await waitFor(() => expect(screen.getAllByTestId('overview-row')).toHaveLength(1));
    expect(screen.getByTestId('dashboard-score')).toHaveTextContent('91.00');
    expect(screen.getByTestId('dashboard-charts')).toHaveTextContent('1');
    expect(screen.getByTestId('overview-count')).toHaveTextContent('其中 1 个符合筛选条件');

    await user.click(within(screen.getByTestId('dashboard-grade-filter')).getByText('未评分'));
    await waitFor(() => expect(screen.getAllByTestId('overview-row')).toHaveLength(1));
    expect(screen.getByTestId('dashboard-score')).toHaveTextContent('—');
  });

  it('shows self versus re-review and the 自评偏差较大 flag where the bureau re-reviewed', async () => {
    const api = new FakeApi();
    api.overviewRows = overviewRows(['107.74', '95.00', null, '120.00']);
    renderWithProviders(<AppRoutes />, { fetchImpl: withScores(api), route: '/overview?year=2020', user: reviewer });

    await waitFor(() =>
      expect(screen.getAllByTestId('dashboard-rereview').map((cell) => cell.textContent)).toEqual([
        '72.50 / 58.00自评偏差较大',
        '—',
        '—',
        '81.37 / 79.00',
      ]),
    );
    const flags = screen.getAllByTestId('dashboard-rereview-flag');
    expect(flags).toHaveLength(1);
    expect(within(screen.getAllByTestId('overview-row')[0]!).getByTestId('dashboard-rereview-flag')).toBe(flags[0]);
    expect(screen.getAllByTestId('dashboard-rereview')[0]).toHaveAttribute('title', '偏差（自评 − 复核）14.50 分');
    expect(screen.getByRole('columnheader', { name: '抽查复核（自评 / 复核）' })).toBeInTheDocument();
  });

  it('sorts by score, unscored last', async () => {
    const api = new FakeApi();
    api.overviewRows = overviewRows(['107.74', '95.00', null, '120.00']);
    renderWithProviders(<AppRoutes />, { fetchImpl: withScores(api), route: '/overview?year=2020', user: reviewer });
    await waitFor(() => expect(screen.getAllByTestId('dashboard-score').map((cell) => cell.textContent)).toContain('91.00'));
    const headers = screen.getByTestId('overview-table').querySelectorAll('th.ant-table-column-has-sorters');
    const scoreHeader = Array.from(headers).find((header) => header.textContent?.includes('得分'))!;
    await userEvent.setup({ pointerEventsCheck: 0 }).click(scoreHeader);
    await waitFor(() =>
      expect(screen.getAllByTestId('dashboard-score').map((cell) => cell.textContent)).toEqual(['91.00', '81.37', '72.50', '—']),
    );
  });

  it('exports the summary workbook (XLSX)', async () => {
    const api = new FakeApi();
    api.overviewRows = overviewRows(['100.00']);
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderWithProviders(<AppRoutes />, { fetchImpl: withScores(api), route: '/overview?year=2020', user: reviewer });
    await userEvent.setup({ pointerEventsCheck: 0 }).click(await screen.findByTestId('export-summary-xlsx'));
    expect(await screen.findByText('已下载 summary-2020.xlsx')).toBeInTheDocument();
    const request = api.requests.find((candidate) => candidate.url.includes('/reports/summary/export.xlsx'))!;
    expect(request.url).toBe('/api/v1/reports/summary/export.xlsx?fiscalYear=2020');
    expect(request.headers.Authorization).toBe('Bearer test-token');
    click.mockRestore();
  });

  it('still lists the budget figures when the scores cannot be read', async () => {
    const api = new FakeApi();
    api.overviewRows = overviewRows(['100.00', '95.00']);
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/overview?year=2020', user: reviewer });
    expect(await screen.findByTestId('dashboard-scores-unavailable')).toHaveTextContent('暂时无法取得得分');
    expect(screen.getAllByTestId('overview-row')).toHaveLength(2);
    expect(screen.queryByTestId('dashboard-charts')).not.toBeInTheDocument();
  });

  it('is not offered to department users', async () => {
    renderWithProviders(<AppRoutes />, { fetchImpl: new FakeApi().fetch, route: '/overview' });
    expect(await screen.findByTestId('forbidden-reason')).toHaveTextContent('此页面仅供财政局使用');
  });
});
