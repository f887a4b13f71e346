import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoutes } from '../App';
import { FakeApi } from '../test/fakeApi';
import { renderWithProviders, ZFW_DEPARTMENT } from '../test/renderWithProviders';
import { sampleSheet } from '../test/sampleSheet';
import { typeText } from '../test/typeText';

const ROUTE = `/profile?dept=${ZFW_DEPARTMENT}&year=2020`;

describe('单位情况 page', () => {
  it('warns of 超编 and shows last year’s values beside this year’s', async () => {
    const api = new FakeApi();
    api.sheet = sampleSheet();
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: ROUTE });

    const warning = await screen.findByTestId('overstaffed-warning');
    expect(warning).toHaveTextContent('超编 2 人');
    expect(warning).toHaveTextContent('实有在职在编 22 人，编制数 20 人');
    expect(screen.getByTestId('staffInPost-last-year')).toHaveTextContent('上年 18 人，增加 4 人');
    expect(screen.getByTestId('temporaryStaff-last-year')).toHaveTextContent('上年 3 人，增加 1 人');

    // The warning follows what is typed.
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    const posts = screen.getByLabelText('编制数（人）');
    await user.clear(posts);
    await typeText(user, posts, '22');
    await waitFor(() => expect(screen.queryByTestId('overstaffed-warning')).not.toBeInTheDocument());
  });

  it('edits the ordered duty list and saves the profile with its version', async () => {
    const api = new FakeApi();
    api.sheet = sampleSheet();
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: ROUTE });
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    await screen.findByTestId('profile-form');
    expect(await screen.findByLabelText('第 1 条职责')).toHaveValue('贯彻落实党的政法工作方针政策');
    expect(screen.getByTestId('division-count')).toHaveTextContent('共 5 个科室');

    await user.click(screen.getByLabelText('下移 第 1 条职责'));
    await user.click(screen.getByLabelText('移除 第 3 条职责'));
    await user.click(screen.getByTestId('duty-add'));
    await typeText(user, screen.getByLabelText('第 3 条职责'), '完成交办的其他事项');
    await user.click(screen.getByTestId('profile-save'));

    await waitFor(() => expect(api.requests.some((request) => request.method === 'PUT')).toBe(true));
    const put = api.requests.find((request) => request.method === 'PUT')!;
    expect(put.url).toBe(`/api/v1/departments/${ZFW_DEPARTMENT}`);
    expect(put.body).toEqual({
      name: '中共长沙市望城区委政法委员会',
      duties: ['组织政法工作调查研究', '贯彻落实党的政法工作方针政策', '完成交办的其他事项'],
      divisions: ['综合治理科', '维稳指导科', '执法监督科', '政工室', '防范协调科办公室'],
      version: 1,
    });
  });

  it('refuses a blank duty before saving', async () => {
    const api = new FakeApi();
    api.sheet = sampleSheet();
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: ROUTE });
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    await screen.findByLabelText('第 1 条职责');
    await user.click(screen.getByTestId('duty-add'));
    await user.click(screen.getByTestId('profile-save'));
    expect(await screen.findByText('请填写内容，或移除此项')).toBeInTheDocument();
    expect(api.requests.some((request) => request.method === 'PUT')).toBe(false);
  });

  it('is read-only for the finance bureau', async () => {
    const api = new FakeApi();
    api.sheet = sampleSheet();
    renderWithProviders(<AppRoutes />, {
      fetchImpl: api.fetch,
      route: ROUTE,
      user: { username: 'reviewer', displayName: '审核员', roles: ['finance-reviewer'] },
    });
    const card = await screen.findByTestId('staffing-card');
    await within(card).findByTestId('overstaffed-warning');
    expect(screen.queryByTestId('staffing-save')).not.toBeInTheDocument();
    expect(screen.queryByTestId('profile-save')).not.toBeInTheDocument();
    expect(screen.queryByTestId('duty-add')).not.toBeInTheDocument();
  });
});
