import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoutes } from '../../App';
import { FakeApi, problem } from '../../test/fakeApi';
import { renderWithProviders, ZFW_DEPARTMENT } from '../../test/renderWithProviders';
import type { ImportJob } from './importApi';
import { ImportTab } from './ImportTab';

const reviewer = { username: 'reviewer', displayName: '审核员', roles: ['finance-reviewer'] };
const IMPORTS = `/api/v1/budgets/${ZFW_DEPARTMENT}/2020/imports`;

function job(overrides: Partial<ImportJob>): ImportJob {
  return {
    id: 'job-1',
    departmentId: ZFW_DEPARTMENT,
    fiscalYear: 2020,
    fileName: '2020年预算支出.xlsx',
    fileType: 'XLSX',
    fileBytes: 2048,
    state: 'QUEUED',
    phase: null,
    totalRows: null,
    processedRows: 0,
    percent: 0,
    errorCount: 0,
    errors: [],
    failure: null,
    summary: null,
    createdBy: 'zfw',
    createdAt: '2021-01-25T08:00:00Z',
    updatedAt: '2021-01-25T08:00:00Z',
    finishedAt: null,
    ...overrides,
  };
}

interface Upload {
  file: File | null;
  revision: string | null;
}

/** budget-service's import endpoints: the upload answers `accepted`, each poll the next of `polls` (the last repeats). */
function importServer(polls: ImportJob[], accepted: Response | ImportJob = job({})) {
  const api = new FakeApi();
  const uploads: Upload[] = [];
  let pollCount = 0;
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    const method = init.method ?? 'GET';
    if (url === IMPORTS && method === 'POST') {
      api.requests.push({ method, url, headers: (init.headers ?? {}) as Record<string, string> });
      const form = init.body as FormData;
      uploads.push({ file: form.get('file') as File | null, revision: form.get('revision') as string | null });
      if (accepted instanceof Response) return accepted;
      return new Response(JSON.stringify(accepted), { status: 202, headers: { 'Content-Type': 'application/json' } });
    }
    if (url === IMPORTS) return new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } });
    if (url.startsWith(`${IMPORTS}/`)) {
      api.requests.push({ method, url, headers: {} });
      const answer = polls[Math.min(pollCount, polls.length - 1)]!;
      pollCount += 1;
      return new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }
    if (url.endsWith('/workbook') || url.includes('/import-template')) {
      api.requests.push({ method, url, headers: (init.headers ?? {}) as Record<string, string> });
      return new Response('xlsx-bytes', {
        status: 200,
        headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment; filename="101001-2020.xlsx"' },
      });
    }
    return api.fetch(input, init);
  };
  return { api, fetch, uploads, polls: () => pollCount };
}

const xlsx = () =>
  new File(['PK'], '2020年预算支出.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

async function chooseAndStart() {
  const user = userEvent.setup({ pointerEventsCheck: 0 });
  await user.upload(await screen.findByTestId('import-file'), xlsx());
  await waitFor(() => expect(screen.getByTestId('import-start')).toBeEnabled());
  await user.click(screen.getByTestId('import-start'));
}

describe('导入导出 tab', () => {
  afterEach(() => vi.useRealTimers());

  it('uploads the file with the revision, shows progress, then every row error and that nothing was saved', async () => {
    // the clock runs as usual, and can be moved on at once to show that polling stopped
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const server = importServer([
      job({ state: 'RUNNING', phase: 'VALIDATING', totalRows: 120, processedRows: 60, percent: 25 }),
      job({
        state: 'FAILED',
        percent: 100,
        totalRows: 120,
        errorCount: 3,
        errors: [
          { sheet: '支出明细', row: 7, column: 'F', header: '金额（元）', code: 'import.amount.negative', message: '金额不能为负数。' },
          { sheet: '基本支出', row: 2, column: 'C', header: '实际支出（元）', code: 'import.required', message: '必填。' },
        ],
        failure: { code: 'import.invalid', message: '文件中有 3 处错误，未导入任何数据：请按错误列表修改后重新导入。' },
      }),
    ]);
    renderWithProviders(
      <ImportTab departmentId={ZFW_DEPARTMENT} fiscalYear={2020} mayEdit locked={false} revision={7} pollMs={30} />,
      { fetchImpl: server.fetch },
    );
    expect(screen.getByTestId('import-start')).toBeDisabled();
    await chooseAndStart();

    await waitFor(() => expect(server.uploads).toHaveLength(1));
    expect(server.uploads[0]!.file?.name).toBe('2020年预算支出.xlsx');
    expect(server.uploads[0]!.revision).toBe('7');

    const failed = await screen.findByTestId('import-failed');
    expect(failed).toHaveTextContent('文件中有 3 处错误');
    expect(failed).toHaveTextContent('未保存任何数据');
    expect(screen.getByTestId('import-errors-truncated')).toHaveTextContent('下表仅列出前 2 处错误（共 3 处）');
    const rows = screen.getAllByTestId('import-error-row');
    expect(rows.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent))).toEqual([
      ['基本支出', '2', 'C', '实际支出（元）', '必填。'],
      ['支出明细', '7', 'F', '金额（元）', '金额不能为负数。'],
    ]);
    expect(screen.getByTestId('import-progress-text')).toHaveTextContent('未导入');
    // Polling stopped with the finished job.
    const polled = server.polls();
    await vi.advanceTimersByTimeAsync(10 * 30); // ten poll intervals (pollMs 30)
    expect(server.polls()).toBe(polled);
  });

  it('shows processed of total while it runs', async () => {
    const server = importServer([job({ state: 'RUNNING', phase: 'SAVING', totalRows: 100000, processedRows: 42000, percent: 42 })]);
    renderWithProviders(
      <ImportTab departmentId={ZFW_DEPARTMENT} fiscalYear={2020} mayEdit locked={false} revision={null} pollMs={30} />,
      { fetchImpl: server.fetch },
    );
    await chooseAndStart();
    await waitFor(() => expect(screen.getByTestId('import-progress-text')).toHaveTextContent('正在校验并保存：42000 / 100000 行'));
    expect(screen.getByTestId('import-progress')).toHaveTextContent('42%');
    expect(screen.getByTestId('import-start')).toBeDisabled();
    expect(server.uploads[0]!.revision).toBeNull();
  });

  it('on success says how many rows were saved and refreshes the year’s figures', async () => {
    const server = importServer([
      job({
        state: 'SUCCEEDED',
        percent: 100,
        totalRows: 43,
        processedRows: 43,
        summary: { basicChanged: true, projectsCreated: 2, projectsUpdated: 1, projectsUnchanged: 0, linesReplaced: 0, linesSaved: 40, linesTotal: '1234567.00', revision: 8 },
      }),
    ]);
    server.api.saveByOther('6378800.00', '6991300.00');
    renderWithProviders(<AppRoutes />, { fetchImpl: server.fetch, route: `/budget/import?dept=${ZFW_DEPARTMENT}&year=2020` });
    await screen.findByTestId('import-card');
    await waitFor(() => expect(server.api.requests.filter((r) => r.url === `/api/v1/budgets/${ZFW_DEPARTMENT}/2020`)).toHaveLength(1));
    await chooseAndStart();

    const done = await screen.findByTestId('import-succeeded');
    expect(done).toHaveTextContent('导入完成：共保存 43 行数据');
    expect(screen.getByTestId('import-summary')).toHaveTextContent('项目：新增 2 个，更新 1 个，未变 0 个');
    expect(screen.getByTestId('import-summary')).toHaveTextContent('支出明细：40 行，合计 123.46 万元');
    // The sheet (summary above the tabs) is asked for again.
    await waitFor(() =>
      expect(server.api.requests.filter((r) => r.url === `/api/v1/budgets/${ZFW_DEPARTMENT}/2020`).length).toBeGreaterThan(1),
    );
  });

  it('explains a locked year when the upload is refused with 409', async () => {
    const server = importServer(
      [],
      problem(409, '冲突', { code: 'filing.locked', detail: '2020 年度自评已提交，数据已锁定：请财政局退回后再修改。' }),
    );
    renderWithProviders(
      <ImportTab departmentId={ZFW_DEPARTMENT} fiscalYear={2020} mayEdit locked={false} revision={3} pollMs={30} />,
      { fetchImpl: server.fetch },
    );
    await chooseAndStart();
    const locked = await screen.findByTestId('import-locked');
    expect(locked).toHaveTextContent('2020 年度已提交，数据已锁定，不能导入');
    expect(locked).toHaveTextContent('请财政局退回后再修改');
    expect(screen.queryByTestId('import-file')).not.toBeInTheDocument();
  });

  it('shows a refused file’s reason (415) and keeps the picker', async () => {
    const server = importServer(
      [],
      problem(415, '不支持的文件', { code: 'import.ole2', detail: '无法读取：这是旧版 .xls 文件或设有密码的工作簿。' }),
    );
    renderWithProviders(
      <ImportTab departmentId={ZFW_DEPARTMENT} fiscalYear={2020} mayEdit locked={false} revision={3} pollMs={30} />,
      { fetchImpl: server.fetch },
    );
    await chooseAndStart();
    expect(await screen.findByTestId('import-upload-error')).toHaveTextContent('旧版 .xls');
    expect(screen.getByTestId('import-file')).toBeInTheDocument();
  });

  it('a locked year offers template and export but no upload', async () => {
    const server = importServer([]);
    renderWithProviders(
      <ImportTab departmentId={ZFW_DEPARTMENT} fiscalYear={2020} mayEdit locked revision={3} />,
      { fetchImpl: server.fetch },
    );
    expect(await screen.findByTestId('import-locked')).toHaveTextContent('自评已报送财政局');
    expect(screen.queryByTestId('import-file')).not.toBeInTheDocument();
    expect(screen.getByTestId('template-xlsx')).toBeInTheDocument();
  });

  it('read-only users only export the workbook, downloaded with the token', async () => {
    const server = importServer([]);
    const createObjectURL = vi.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderWithProviders(
      <ImportTab departmentId={ZFW_DEPARTMENT} fiscalYear={2020} mayEdit={false} locked={false} revision={3} />,
      { fetchImpl: server.fetch, user: reviewer },
    );
    expect(screen.getByTestId('import-read-only')).toBeInTheDocument();
    expect(screen.queryByTestId('template-xlsx')).not.toBeInTheDocument();
    expect(screen.queryByTestId('import-card')).not.toBeInTheDocument();

    await userEvent.setup({ pointerEventsCheck: 0 }).click(screen.getByTestId('export-workbook'));
    expect(await screen.findByText('已下载 101001-2020.xlsx')).toBeInTheDocument();
    const request = server.api.requests.find((r) => r.url.endsWith('/workbook'))!;
    expect(request.url).toBe(`/api/v1/budgets/${ZFW_DEPARTMENT}/2020/workbook`);
    expect(request.headers.Authorization).toBe('Bearer test-token');
    expect(click).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });

  it('downloads the CSV template of one sheet', async () => {
    const server = importServer([]);
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderWithProviders(
      <ImportTab departmentId={ZFW_DEPARTMENT} fiscalYear={2020} mayEdit locked={false} revision={3} />,
      { fetchImpl: server.fetch },
    );
    await userEvent.setup({ pointerEventsCheck: 0 }).click(within(screen.getByTestId('import-tab')).getByTestId('template-csv-lines'));
    await waitFor(() =>
      expect(server.api.requests.some((r) => r.url === '/api/v1/budgets/import-template?format=csv&sheet=lines')).toBe(true),
    );
    click.mockRestore();
  });
});
