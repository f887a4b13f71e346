import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoutes } from '../App';
import { problem } from '../test/fakeApi';
import { FakeYear } from '../test/fakeYear';
import { renderWithProviders, ZFW_DEPARTMENT } from '../test/renderWithProviders';
import { typeText } from '../test/typeText';

const Q = `?dept=${ZFW_DEPARTMENT}&year=2020`;
const reviewer = { username: 'reviewer', displayName: '审核员', roles: ['finance-reviewer'] };

describe('绩效目标 page', () => {
  it('saves goals with the version read and shows the service’s field errors under their fields', async () => {
    const api = new FakeYear();
    api.goals = {
      version: 4,
      indicators: [
        { id: 1, goal: '维护稳定', category: 'QUANTITY', name: '化解率', unit: '%', direction: 'GE', target: 95, actual: 97, keyTask: false, met: true },
      ],
    };
    api.next.push({
      match: /^PUT \/goals\//,
      response: () =>
        problem(400, '输入有误', { errors: [{ field: 'goals[0].indicators[0].name', message: '指标名称与本目标的其他指标重复' }] }),
    });
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: `/goals${Q}` });
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    expect(await screen.findByLabelText('目标 1 第 1 个指标 指标名称')).toHaveValue('化解率');
    expect(screen.getByTestId('indicator-met')).toHaveTextContent('达到目标');
    await user.clear(screen.getByLabelText('目标 1 第 1 个指标 实际值'));
    await typeText(user, screen.getByLabelText('目标 1 第 1 个指标 实际值'), '90');
    expect(screen.getByTestId('indicator-met')).toHaveTextContent('未达目标');

    await user.click(screen.getByTestId('goals-save'));
    expect(await screen.findByText('指标名称与本目标的其他指标重复')).toBeInTheDocument();
    const put = api.requests.find((request) => request.method === 'PUT')!;
    expect(put.body).toEqual({
      goals: [{ goal: '维护稳定', indicators: [{ category: 'QUANTITY', name: '化解率', unit: '%', direction: 'GE', target: '95', actual: '90', keyTask: false }] }],
      version: 4,
    });

    await user.click(screen.getByTestId('goals-save'));
    await waitFor(() => expect(screen.getByTestId('goals-stats')).toHaveTextContent('共 1 个指标'));
    expect(api.goals.version).toBe(5);
  });

  it('refuses a percentage target over 100 before sending anything', async () => {
    const api = new FakeYear();
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: `/goals${Q}` });
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    await user.click(await screen.findByTestId('goal-add'));
    await typeText(user, screen.getByTestId('goal-text'), '目标');
    await typeText(user, screen.getByLabelText('目标 1 第 1 个指标 指标名称'), '达标率');
    await typeText(user, screen.getByLabelText('目标 1 第 1 个指标 目标值'), '120');
    await user.click(screen.getByTestId('goals-save'));
    expect(await screen.findByText('单位为 % 时，目标值不能超过 100')).toBeInTheDocument();
    expect(api.requests.some((request) => request.method === 'PUT')).toBe(false);
  });
});

describe('绩效评价 page', () => {
  it('self-scores a qualitative indicator within its tier and shows the new total', async () => {
    const api = new FakeYear();
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: `/evaluation${Q}` });
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    const row = await screen.findByTestId('score-row-goal-reasonableness');
    expect(within(screen.getByTestId('score-row-staff-control-rate')).getByTestId('score-lost')).toHaveTextContent('扣 3.00 分');
    expect(screen.queryByTestId('adjust-button')).not.toBeInTheDocument();
    await user.click(within(row).getByTestId('self-score-button'));
    await typeText(user, await screen.findByTestId('self-score-input'), '1.5');
    await typeText(user, screen.getByTestId('self-score-evidence'), '申报表已备案');
    await user.click(screen.getByTestId('self-score-save'));
    expect(await screen.findByText('该档次的得分须在 1.60–2.00 分之间')).toBeInTheDocument();
    expect(api.requests.some((request) => request.method === 'PUT')).toBe(false);

    await user.clear(screen.getByTestId('self-score-input'));
    await typeText(user, screen.getByTestId('self-score-input'), '1.8');
    await user.click(screen.getByTestId('self-score-save'));
    await waitFor(() => expect(within(screen.getByTestId('score-row-goal-reasonableness')).getByTestId('score-final')).toHaveTextContent('1.80'));
    const put = api.requests.find((request) => request.method === 'PUT')!;
    expect(put.url).toBe(`/api/v1/evaluations/${ZFW_DEPARTMENT}/2020/self-scores/goal-reasonableness`);
    expect(put.body).toEqual({ tier: 'GOOD', score: '1.8', evidence: '申报表已备案', version: null });
    expect(screen.getByTestId('evaluation-total')).toHaveTextContent('1.80');
  });

  it('lets a reviewer adjust a score with a comment; self and adjusted score stay side by side', async () => {
    const api = new FakeYear();
    api.items = [{ ...api.items[0]!, score: 1.8, status: 'SELF_SCORED', explanation: '申报表已备案' }];
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: `/evaluation${Q}`, user: reviewer });
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    const row = await screen.findByTestId('score-row-goal-reasonableness');
    expect(within(row).queryByTestId('self-score-button')).not.toBeInTheDocument();
    await user.click(within(row).getByTestId('adjust-button'));
    await typeText(user, await screen.findByTestId('adjust-score'), '2.5');
    await user.click(screen.getByTestId('adjust-save'));
    expect(await screen.findByText('得分不能超过分值 2.00 分')).toBeInTheDocument();
    await user.clear(screen.getByTestId('adjust-score'));
    await typeText(user, screen.getByTestId('adjust-score'), '1.6');
    await typeText(user, screen.getByTestId('adjust-comment'), '未附审核意见');
    await user.click(screen.getByTestId('adjust-save'));
    await waitFor(() => expect(within(screen.getByTestId('score-row-goal-reasonableness')).getByTestId('score-adjusted')).toHaveTextContent('1.60'));
    const updated = screen.getByTestId('score-row-goal-reasonableness');
    expect(within(updated).getByTestId('score-self')).toHaveTextContent('1.80');
    expect(within(updated).getByTestId('score-final')).toHaveTextContent('1.60');
    expect(within(updated).getByTestId('score-adjustment-comment')).toHaveTextContent('未附审核意见');
  });
});

describe('自评报告 page', () => {
  it('blocks submitting while a fatal finding is open and links the finding to the narrative', async () => {
    const api = new FakeYear();
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: `/report/status${Q}` });
    expect(await screen.findByTestId('submit-filing')).toBeDisabled();
    expect(screen.getByTestId('submit-hint')).toHaveTextContent('还有 1 个严重问题');
    const link = screen.getByTestId('finding-fix');
    expect(link).toHaveAttribute('href', `/report/narrative${Q}#narrative-problems`);
    expect(screen.getByTestId('download-docx')).toHaveTextContent('下载 Word（.docx）');
    expect(screen.getByTestId('download-pdf')).toHaveTextContent('下载 PDF');
    expect(screen.getByTestId('download-xlsx')).toHaveTextContent('下载 Excel（.xlsx）');
  });

  it('submits; a 422 from the server lists the blocking findings', async () => {
    const api = new FakeYear();
    api.report = { ...api.report, fatal: 0, findings: [] };
    api.next.push({
      match: /^POST \/filings\/.*\/submit$/,
      response: () => problem(422, '不能提交', { errors: [{ field: 'report.二.21', message: '差异原因所列金额合计 77.52 万元，与差异 77.41 万元不一致。' }] }),
    });
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: `/report/status${Q}` });
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    const confirmSubmit = async () => {
      await user.click(screen.getByTestId('submit-filing'));
      // (antd repeats the confirm title for screen readers: several matches)
      await screen.findAllByText('提交 2020 年度自评？', undefined, { timeout: 20000 });
      await user.click(screen.getAllByText('提交财政局审核').at(-1)!);
    };
    await screen.findByTestId('submit-filing');
    await confirmSubmit();
    expect(await screen.findByTestId('submit-blocked')).toHaveTextContent('77.52');

    await confirmSubmit();
    await waitFor(() => expect(screen.getByTestId('filing-status')).toHaveTextContent('已提交，待审核'));
  });

  it('lets a reviewer return a submitted filing only with a comment', async () => {
    const api = new FakeYear();
    api.filing = { ...api.filing, status: 'SUBMITTED', latestVersion: 1 };
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: `/report/status${Q}`, user: reviewer });
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    expect(await screen.findByTestId('filing-status')).toHaveTextContent('已提交，待审核');
    expect(screen.queryByTestId('submit-filing')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('return-filing'));
    await user.click(await screen.findByTestId('review-confirm'));
    expect(await screen.findByText('请填写退回意见')).toBeInTheDocument();
    await typeText(user, screen.getByTestId('review-comment'), '请核实临聘人员人数');
    await user.click(screen.getByTestId('review-confirm'));
    await waitFor(() => expect(screen.getByTestId('filing-status')).toHaveTextContent('已退回'));
    const post = api.requests.find((request) => request.method === 'POST')!;
    expect(post.url).toBe(`/api/v1/filings/${ZFW_DEPARTMENT}/2020/return`);
    expect(post.body).toEqual({ comment: '请核实临聘人员人数' });
  });

  it('explains a narrative conflict and keeps the user’s text when asked', async () => {
    const api = new FakeYear();
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: `/report/narrative${Q}` });
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    const goals = await screen.findByTestId('narrative-goals');
    // Someone else saves in between.
    api.narrative = { ...api.narrative, goals: '他人写的目标', version: 3 };
    await typeText(user, goals, '我写的目标');
    await user.click(screen.getByTestId('narrative-save'));
    expect(await screen.findByTestId('narrative-conflict')).toBeInTheDocument();
    await user.click(screen.getByTestId('narrative-keep-mine'));
    await waitFor(() => expect(screen.queryByTestId('narrative-conflict')).not.toBeInTheDocument());
    expect(screen.getByTestId('narrative-goals')).toHaveValue('我写的目标');
    await user.click(screen.getByTestId('narrative-save'));
    await waitFor(() => expect(api.narrative.version).toBe(4));
    expect(api.narrative.goals).toBe('我写的目标');
  });
});

describe('route guards', () => {
  it('shows a 403 page when a department user’s URL names another department, and loads nothing of it', async () => {
    const api = new FakeYear();
    const other = 'd0000000-0000-4000-8000-000000000002';
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: `/report/status?dept=${other}&year=2020` });
    expect(await screen.findByTestId('forbidden-reason')).toHaveTextContent('这是其他单位的数据');
    expect(screen.getByTestId('forbidden-own')).toHaveAttribute('href', `/report/status${Q}`);
    expect(api.requests.some((request) => request.url.includes(other))).toBe(false);
  });

  it('shows a 403 page for the bureau’s pages to a department user', async () => {
    const api = new FakeYear();
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: `/checker${Q}` });
    expect(await screen.findByTestId('forbidden-reason')).toHaveTextContent('此页面仅供财政局使用');
  });

  it('shows the 403 page when the server refuses a read', async () => {
    const api = new FakeYear();
    api.next.push({ match: /^GET \/goals\//, response: () => problem(403, 'Forbidden', { detail: '无权访问' }) });
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: `/goals${Q}` });
    expect(await screen.findByTestId('forbidden-reason')).toHaveTextContent('服务器拒绝了此请求');
  });
});
