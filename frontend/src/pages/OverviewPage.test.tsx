import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoutes } from '../App';
import { FakeApi } from '../test/fakeApi';
import { renderWithProviders } from '../test/renderWithProviders';
import { overviewRows } from '../test/sampleSheet';
import { OVERVIEW_PAGE_SIZE } from '../features/overview/overview';

const reviewer = { username: 'reviewer', displayName: '审核员', roles: ['finance-reviewer'] };

vi.mock('../features/overview/RateChart', () => ({
  default: ({ rows }: { rows: unknown[] }) => <div data-testid="rate-chart">{rows.length}</div>,
}));

function rates(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${90 + index}.00`);
}

describe('全区概览 page', () => {
  it('loads more pages with the cursor until there is none', async () => {
    const api = new FakeApi();
    api.overviewRows = overviewRows(rates(OVERVIEW_PAGE_SIZE + 3));
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/overview?year=2020', user: reviewer });

    await waitFor(() => expect(screen.getAllByTestId('overview-row')).toHaveLength(OVERVIEW_PAGE_SIZE));
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
    await user.type(screen.getByLabelText('按单位名称搜索'), '单位4');
    await waitFor(() => expect(screen.getAllByTestId('overview-row')).toHaveLength(1));
    expect(screen.getByTestId('overview-count')).toHaveTextContent('其中 1 个符合搜索');
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

  it('is not offered to department users', async () => {
    renderWithProviders(<AppRoutes />, { fetchImpl: new FakeApi().fetch, route: '/overview' });
    expect(await screen.findByTestId('forbidden-reason')).toHaveTextContent('此页面仅供财政局使用');
  });
});
