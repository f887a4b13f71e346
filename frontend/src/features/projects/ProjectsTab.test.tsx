import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoutes } from '../../App';
import { FakeApi, problem } from '../../test/fakeApi';
import { renderWithProviders, ZFW_DEPARTMENT } from '../../test/renderWithProviders';
import { sampleSheet } from '../../test/sampleSheet';
import { typeText } from '../../test/typeText';

const ROUTE = `/budget/projects?dept=${ZFW_DEPARTMENT}&year=2020`;

describe('项目支出 tab', () => {
  it('lists the projects in 万元 with the server’s totals row', async () => {
    const api = new FakeApi();
    api.sheet = sampleSheet();
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: ROUTE });

    await waitFor(() => expect(screen.getAllByTestId('project-row')).toHaveLength(6));
    const [first] = screen.getAllByTestId('project-row');
    expect(first).toHaveTextContent('平安望城意外伤害及监护人责任保险');
    expect(first).toHaveTextContent('65.28');
    expect(first).toHaveTextContent('108.80%');
    expect(screen.getByTestId('projects-total-budget')).toHaveTextContent('1154.00');
    expect(screen.getByTestId('projects-total-actual')).toHaveTextContent('1231.41');
    expect(screen.getByTestId('projects-total-variance')).toHaveTextContent('77.41');
    expect(screen.getByTestId('projects-total-rate')).toHaveTextContent('106.71%');
    expect(screen.getByTestId('projects-key-share')).toHaveTextContent('重点项目支出 1139.17 万元，占项目总支出 92.51%');
    expect(screen.getByTestId('projects-key-share')).toHaveTextContent('其中财政直接支付 776.00 万元');
    expect(screen.getByTestId('summary-projects')).toHaveTextContent('1231.41');
  });

  it('edits a row in place, shows the computed columns live and sends 元 with the version', async () => {
    const api = new FakeApi();
    api.sheet = sampleSheet();
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: ROUTE });
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    await user.click(await screen.findByLabelText('编辑 见义勇为奖励金'));
    const own = screen.getByLabelText('单位支付（万元）');
    expect(own).toHaveValue('13.10');
    await user.clear(own);
    await typeText(user, own, '13.2');
    const editing = screen.getByLabelText('项目名称').closest('tr')!;
    await waitFor(() => expect(editing).toHaveTextContent('-6.80'));
    expect(editing).toHaveTextContent('66.00%');

    await user.click(within(editing).getByTestId('project-save'));
    await waitFor(() => expect(api.requests.some((request) => request.method === 'PUT')).toBe(true));
    const put = api.requests.find((request) => request.method === 'PUT')!;
    expect(put.url).toBe(`/api/v1/budgets/${ZFW_DEPARTMENT}/2020/projects/14`);
    expect(put.body).toEqual({
      name: '见义勇为奖励金',
      budget: '200000.00',
      adjustment: '0.00',
      adjustmentReason: null,
      actualOwn: '132000.00',
      actualDirect: '0.00',
      keyProject: false,
      version: 1,
    });
  });

  it('adds a project, asking for the reason of an adjustment', async () => {
    const api = new FakeApi();
    api.sheet = sampleSheet();
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: ROUTE });
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    await user.click(await screen.findByTestId('project-add'));
    await typeText(user, screen.getByLabelText('项目名称'), '禁毒宣传');
    await user.type(screen.getByLabelText('年初预算（万元）'), '0');
    await user.type(screen.getByLabelText('调整数（万元）'), '5');
    await typeText(user, screen.getByLabelText('单位支付（万元）'), '4.5');
    await user.click(screen.getByTestId('project-save'));
    expect(await screen.findByText('调整数不为 0 时请填写调整原因')).toBeInTheDocument();
    expect(api.requests.some((request) => request.method === 'POST')).toBe(false);

    await typeText(user, screen.getByLabelText('调整原因'), '年中追加');
    await user.click(screen.getByTestId('project-save'));
    await waitFor(() => expect(api.requests.some((request) => request.method === 'POST')).toBe(true));
    expect(api.requests.find((request) => request.method === 'POST')!.body).toEqual({
      name: '禁毒宣传',
      budget: '0.00',
      adjustment: '50000.00',
      adjustmentReason: '年中追加',
      actualOwn: '45000.00',
      actualDirect: '0.00',
      keyProject: false,
      version: null,
    });
  });

  it('offers a reload on a version conflict and shows the lock message when submitted', async () => {
    const api = new FakeApi();
    api.sheet = sampleSheet();
    api.nextSheetWrite = () => problem(409, '冲突', { code: 'version.conflict', detail: '数据已被他人修改' });
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: ROUTE });
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    await user.click(await screen.findByLabelText('删除 见义勇为奖励金'));
    await user.click(await screen.findByTestId('project-delete-confirm'));
    expect(await screen.findByTestId('conflict-alert')).toHaveTextContent('保存冲突');
    const del = api.requests.find((request) => request.method === 'DELETE')!;
    expect(del.url).toBe(`/api/v1/budgets/${ZFW_DEPARTMENT}/2020/projects/14?version=1`);

    api.nextSheetWrite = () =>
      problem(409, '冲突', { code: 'filing.locked', detail: '2020 年度自评已提交，数据已锁定：请财政局退回后再修改。' });
    api.sheet = { ...sampleSheet(), locked: false };
    await user.click(screen.getByLabelText('编辑 综治维稳工作经费'));
    await user.type(screen.getByLabelText('单位支付（万元）'), '1');
    await user.click(screen.getByTestId('project-save'));
    expect(await screen.findByTestId('locked-alert')).toHaveTextContent('请财政局退回后再修改');
  });

  it('has no editing for the finance bureau', async () => {
    const api = new FakeApi();
    api.sheet = sampleSheet();
    renderWithProviders(<AppRoutes />, {
      fetchImpl: api.fetch,
      route: ROUTE,
      user: { username: 'reviewer', displayName: '审核员', roles: ['finance-reviewer'] },
    });
    await waitFor(() => expect(screen.getAllByTestId('project-row')).toHaveLength(6));
    expect(screen.queryByTestId('project-add')).not.toBeInTheDocument();
    expect(screen.queryByTestId('project-edit')).not.toBeInTheDocument();
  });
});
