import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { AppRoutes } from '../App';
import type { BatchProgress } from '../features/batches/batchApi';
import { jsonResponse, problemResponse, routeFetch, type RouteHandler } from '../features/templates/routeFetch';
import { renderWithProviders } from '../test/renderWithProviders';

const reviewer = { username: 'reviewer', displayName: '审核员', roles: ['finance-reviewer'] };
const JOB = '0b6f3c52-4f7e-4d1e-9a51-0d7b3f0f6a10';

function job(overrides: Partial<BatchProgress> = {}): BatchProgress {
  return {
    id: JOB,
    fiscalYear: 2020,
    status: 'RUNNING',
    total: 7,
    done: 0,
    failed: 0,
    percent: 0,
    failures: [],
    requestedBy: 'reviewer',
    createdAt: '2026-11-26T02:00:00Z',
    finishedAt: null,
    ...overrides,
  };
}

/** report-service's batch job: each poll moves to the next state in `states` (the last one stays). */
function batchService(states: BatchProgress[]): RouteHandler {
  let polls = 0;
  let started = false;
  return ({ method, path }) => {
    if (method === 'POST' && path === '/reports/batches?fiscalYear=2020') {
      started = true;
      return jsonResponse(job(), 202);
    }
    // the service's list of recent batches: this job once started, in its latest state
    if (method === 'GET' && path === '/reports/batches?limit=20') {
      return jsonResponse(started ? [states[Math.min(Math.max(polls - 1, 0), states.length - 1)]!] : []);
    }
    if (method === 'GET' && path === `/reports/batches/${JOB}`) {
      const state = states[Math.min(polls, states.length - 1)]!;
      polls++;
      return jsonResponse(state);
    }
    if (path === `/reports/batches/${JOB}/reports.zip`) {
      return new Response('PK', {
        status: 200,
        headers: { 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="reports-2020-${JOB}.zip"` },
      });
    }
    return undefined;
  };
}

describe('批量生成报告 page', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('starts a batch, follows its progress to the end, lists failures and downloads the ZIP', async () => {
    // the clock runs as usual, and can be moved on at once to show that polling stopped
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const failures = [{ departmentId: 'd2', departmentName: '望城区教育局', message: '生成失败：IllegalStateException' }];
    const api = routeFetch(
      batchService([
        job({ done: 3, percent: 42.85 }),
        job({ status: 'DONE', done: 6, failed: 1, percent: 100, failures, finishedAt: '2026-11-26T02:01:00Z' }),
      ]),
    );
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:zip'), revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/batches?year=2020', user: reviewer });

    fireEvent.click(await screen.findByTestId('batch-start'));
    expect(await screen.findByTestId('batch-status')).toHaveTextContent('进行中');
    await waitFor(() => expect(screen.getByTestId('batch-counts')).toHaveTextContent('已处理 3 / 7 个单位：成功 3 个，失败 0 个。'));
    expect(screen.getByTestId('batch-bar')).toHaveTextContent('42.85%');
    expect(screen.queryByTestId('batch-download')).not.toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(1000)); // the next poll, without waiting a real second for it
    await waitFor(() => expect(screen.getByTestId('batch-status')).toHaveTextContent('已完成，部分失败'));
    expect(screen.getByTestId('batch-counts')).toHaveTextContent('已处理 7 / 7 个单位：成功 6 个，失败 1 个。');
    expect(screen.getByTestId('batch-failure-row')).toHaveTextContent('望城区教育局');
    expect(screen.getByTestId('batch-failure-row')).toHaveTextContent('生成失败：IllegalStateException');

    fireEvent.click(screen.getByTestId('batch-download'));
    expect(await screen.findByText(`已下载 reports-2020-${JOB}.zip`)).toBeInTheDocument();
    expect(click).toHaveBeenCalledTimes(1);

    expect(api.requests[api.requests.findIndex((r) => r.method === 'POST')]!.path).toBe('/reports/batches?fiscalYear=2020');
    // polling stopped once finished
    const polls = api.requests.filter((r) => r.path === `/reports/batches/${JOB}`).length;
    await act(() => vi.advanceTimersByTimeAsync(5 * 1000)); // five poll intervals
    expect(api.requests.filter((r) => r.path === `/reports/batches/${JOB}`).length).toBe(polls);
    await waitFor(() => expect(screen.getAllByTestId('batch-history-row')).toHaveLength(1));
    expect(screen.getByTestId('batch-history')).toHaveTextContent('reviewer');
    expect(api.requests.some((r) => r.method === 'GET' && r.path === '/reports/batches?limit=20')).toBe(true);
  });

  it('offers to follow the batch already running for the year', async () => {
    const conflict: RouteHandler = ({ method }) =>
      method === 'POST'
        ? problemResponse(409, { title: '数据冲突', detail: `2020 年度已有批量生成任务正在进行（任务 ${JOB}），请等待其完成后再发起。`, code: 'batch.running' })
        : undefined;
    const api = routeFetch(conflict, batchService([job({ done: 5, percent: 71.42 })]));
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/batches?year=2020', user: reviewer });
    fireEvent.click(await screen.findByTestId('batch-start'));
    expect(await screen.findByTestId('batch-running')).toHaveTextContent('2020 年度已有批量生成任务正在进行');
    fireEvent.click(screen.getByTestId('batch-follow'));
    await waitFor(() => expect(screen.getByTestId('batch-counts')).toHaveTextContent('已处理 5 / 7 个单位'));
  });

  it('says when the year has no data', async () => {
    const empty: RouteHandler = ({ method }) =>
      method === 'POST' ? problemResponse(404, { detail: '2020 年度还没有任何单位的预算数据，无法批量生成。', code: 'batch.empty' }) : undefined;
    renderWithProviders(<AppRoutes />, { fetchImpl: routeFetch(empty).fetch, route: '/batches?year=2020', user: reviewer });
    fireEvent.click(await screen.findByTestId('batch-start'));
    expect(await screen.findByTestId('batch-empty')).toHaveTextContent('2020 年度还没有任何单位的数据，无法生成');
  });

  it('is refused to a department user, even by URL', async () => {
    renderWithProviders(<AppRoutes />, { fetchImpl: routeFetch().fetch, route: '/batches' });
    expect(await screen.findByTestId('forbidden-reason')).toHaveTextContent('此页面仅供财政局使用');
  });
});
