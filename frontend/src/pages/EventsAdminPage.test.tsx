import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AppRoutes } from '../App';
import { jsonResponse, routeFetch } from '../features/templates/routeFetch';
import { renderWithProviders } from '../test/renderWithProviders';

const admin = { username: 'admin', displayName: '管理员', roles: ['admin'] };

const deadLetter = {
  id: 3, eventId: 'e-3', eventType: 'BudgetFiguresChanged', key: 'd1:2020', bytes: 1210344,
  reason: 'broker refused: RecordTooLargeException', failedAt: '2026-12-05T08:14:02Z', waiting: 2,
};
const parkedEvent = {
  id: 7, topic: 'report.events', eventId: 'e-7', eventType: 'FilingSubmitted', schemaVersion: 2, key: 'd1:2020',
  reason: 'unsupported schemaVersion 2', parkedAt: '2026-12-05T08:20:11Z', replays: 0,
};

describe('事件运维 page', () => {
  it('lists dead letters and parked events of a service and retries and replays them', async () => {
    let dead = [deadLetter];
    let parked = [parkedEvent];
    const api = routeFetch(({ method, path }) => {
      if (method === 'GET' && path === '/budgets/admin/events/dead-letters') return jsonResponse(dead);
      if (method === 'GET' && path === '/budgets/admin/events/parked') return jsonResponse(parked);
      if (method === 'POST' && path === '/budgets/admin/events/dead-letters/3/retry') {
        dead = [];
        return new Response(null, { status: 204 });
      }
      if (method === 'POST' && path === '/budgets/admin/events/parked/7/replay') {
        parked = [];
        return jsonResponse({ id: 7, outcome: 'APPLIED' });
      }
      return undefined;
    });
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/admin/events', user: admin });

    const deadTable = await screen.findByTestId('dead-letters-budget');
    expect(await within(deadTable).findByText('BudgetFiguresChanged')).toBeInTheDocument();
    expect(within(screen.getByTestId('parked-budget')).getByText('FilingSubmitted v2')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('retry-budget-3'));
    await waitFor(() => expect(within(screen.getByTestId('dead-letters-budget')).getByText('没有死信，事件正常发出。')).toBeInTheDocument());

    fireEvent.click(screen.getByTestId('replay-budget-7'));
    expect(await screen.findByTestId('replay-outcome')).toHaveTextContent('已处理。');
    expect(api.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      '/budgets/admin/events/dead-letters/3/retry',
      '/budgets/admin/events/parked/7/replay',
    ]);
  });

  it('is not open to a department user', async () => {
    const clerk = { username: 'zfw', displayName: '政法委', roles: ['department'], departmentId: 'd1' };
    renderWithProviders(<AppRoutes />, { fetchImpl: routeFetch().fetch, route: '/admin/events', user: clerk });
    expect(await screen.findByTestId('forbidden-page')).toBeInTheDocument();
  });
});
