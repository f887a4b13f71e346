import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoutes } from '../App';
import type { Notice, Round } from '../api/season';
import { jsonResponse, problemResponse, routeFetch, type RouteHandler } from '../features/templates/routeFetch';
import { renderWithProviders } from '../test/renderWithProviders';

const reviewer = { username: 'reviewer', displayName: '审核员', roles: ['finance-reviewer'] };

function round(over: Partial<Round> = {}): Round {
  return {
    id: 3, fiscalYear: 2020, district: '示例区', deadline: '2021-04-30', templateVersion: 1, status: 'OPEN',
    openedBy: 'reviewer', openedAt: '2021-03-01T01:00:00Z', closedAt: null, version: 2,
    counts: { NOT_STARTED: 0, IN_PROGRESS: 1, SUBMITTED: 1, RETURNED: 0, APPROVED: 0, OVERDUE: 1 },
    departments: [
      { departmentId: 'd1', departmentCode: '301001', departmentName: '示例区教育局', extendedUntil: null,
        effectiveDeadline: '2021-04-30', daysLeft: 4, progress: 'SUBMITTED', filingStatus: 'SUBMITTED' },
      { departmentId: 'd2', departmentCode: '301002', departmentName: '示例区卫生健康局', extendedUntil: null,
        effectiveDeadline: '2021-04-30', daysLeft: -2, progress: 'OVERDUE', filingStatus: 'DRAFT' },
    ],
    ...over,
  };
}

const districts = [{ name: '示例区', departments: 2 }, { name: '岳麓区', departments: 1 }];

/** Opens the 区县 select and picks one of the known districts. */
async function chooseDistrict(name: string) {
  const select = screen.getByTestId('round-district');
  fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? within(select).getByRole('combobox'));
  fireEvent.click(await screen.findByText(new RegExp(`^${name}（`)));
}

describe('年度自评工作 page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows each department\'s progress and closes the round on the version read', async () => {
    let closed = false;
    const service: RouteHandler = ({ method, path }) => {
      if (method === 'GET' && path === '/rounds') return jsonResponse([round(closed ? { status: 'CLOSED', closedAt: '2021-05-02T00:00:00Z' } : {})]);
      if (method === 'POST' && path === '/rounds/3/close') {
        closed = true;
        return jsonResponse(round({ status: 'CLOSED' }));
      }
      return undefined;
    };
    const api = routeFetch(service);
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/rounds', user: reviewer });

    const card = await screen.findByTestId('round-3');
    expect(within(card).getByTestId('round-counts')).toHaveTextContent('已逾期 1');
    expect(within(card).getByTestId('round-counts')).toHaveTextContent('已提交（含已通过）33%');
    expect(within(card).getByTestId('progress-301002')).toHaveTextContent('已逾期');
    expect(card).toHaveTextContent('已逾期 2 天');

    fireEvent.click(within(card).getByTestId('round-close'));
    fireEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'POST' && r.path === '/rounds/3/close')).toBe(true));
    expect(api.requests.find((r) => r.path === '/rounds/3/close')!.body).toEqual({ version: 2 });
    await waitFor(() => expect(screen.getByTestId('round-3')).toHaveTextContent('已关闭'));
  });

  it('shows the service\'s refusal when a round of the year and district exists', async () => {
    const service: RouteHandler = ({ method, path }) => {
      if (method === 'GET' && path === '/rounds') return jsonResponse([]);
      if (method === 'GET' && path === '/rounds/districts') return jsonResponse(districts);
      if (method === 'POST' && path === '/rounds') {
        return problemResponse(409, { title: '数据冲突', detail: '2020 年度示例区的自评工作已经开启。', code: 'round.exists' });
      }
      return undefined;
    };
    renderWithProviders(<AppRoutes />, { fetchImpl: routeFetch(service).fetch, route: '/rounds', user: reviewer });
    expect(await screen.findByText('尚未开启任何自评工作。')).toBeInTheDocument();
    await chooseDistrict('示例区');
    fireEvent.click(screen.getByTestId('round-open'));
    expect(await screen.findByTestId('round-open-error')).toHaveTextContent('2020 年度示例区的自评工作已经开启。');
  });

  it('offers only the known districts, and Enter in the deadline picker does not open the round a second time', async () => {
    let opened = false;
    const service: RouteHandler = ({ method, path }) => {
      if (method === 'GET' && path === '/rounds') return jsonResponse(opened ? [round({ district: '岳麓区' })] : []);
      if (method === 'GET' && path === '/rounds/districts') return jsonResponse(districts);
      if (method === 'POST' && path === '/rounds') {
        if (opened) {
          return problemResponse(409, { title: '数据冲突', detail: '2020 年度岳麓区的自评工作已经开启。', code: 'round.exists' });
        }
        opened = true;
        return jsonResponse(round({ district: '岳麓区' }), 201);
      }
      return undefined;
    };
    const api = routeFetch(service);
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/rounds', user: reviewer });
    expect(await screen.findByText('尚未开启任何自评工作。')).toBeInTheDocument();
    // no district chosen yet: nothing to open; the choices are the service's districts, not free text
    expect(screen.getByTestId('round-open')).toBeDisabled();
    await chooseDistrict('岳麓区');
    expect(screen.getByTestId('round-open')).toBeEnabled();

    const picker = screen.getByTestId('round-deadline');
    const input = picker.tagName === 'INPUT' ? picker : picker.querySelector('input')!;
    await user.click(input);
    await user.type(input, '2021-04-30{Enter}');
    await user.click(screen.getByTestId('round-open'));
    await waitFor(() => expect(screen.getByTestId('round-3')).toBeInTheDocument());
    const posts = api.requests.filter((r) => r.method === 'POST' && r.path === '/rounds');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({ district: '岳麓区', deadline: '2021-04-30' });
    expect(screen.queryByTestId('round-open-error')).not.toBeInTheDocument();
  });

  it('is refused to a department user, who sees its deadline and notices on the home page instead', async () => {
    const notices: Notice[] = [
      { id: 7, departmentId: 'd1', fiscalYear: 2020, roundId: 3, kind: 'DUE_7', deadline: '2021-04-30', comment: null,
        createdAt: '2021-04-23T00:00:00Z', readAt: null },
    ];
    const service: RouteHandler = ({ method, path }) => {
      if (method === 'GET' && path === '/rounds') return jsonResponse([round({ counts: null, departments: [round().departments[1]!] })]);
      if (method === 'GET' && path === '/notices') return jsonResponse(notices);
      if (method === 'POST' && path === '/notices/7/read') return new Response(null, { status: 204 });
      return undefined;
    };
    renderWithProviders(<AppRoutes />, { fetchImpl: routeFetch().fetch, route: '/rounds' });
    expect(await screen.findByTestId('forbidden-reason')).toBeInTheDocument();

    const api = routeFetch(service);
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/' });
    expect(await screen.findByTestId('season-deadline')).toHaveTextContent('已逾期 2 天');
    expect(await screen.findByTestId('season-notices')).toHaveTextContent('距 2020 年度自评截止（2021-04-30）不足 7 天');
    expect(screen.getByTestId('season-unread')).toHaveTextContent('1 条未读');
    fireEvent.click(screen.getByRole('button', { name: '标为已读' }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'POST' && r.path === '/notices/7/read')).toBe(true));
  });
});
