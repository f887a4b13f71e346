import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoutes } from '../App';
import { FakeApi } from '../test/fakeApi';
import { renderWithProviders } from '../test/renderWithProviders';
import { activeNavPath, visibleNavItems } from './navigation';

describe('menu by role', () => {
  it('lists only pages that exist and the role may open', () => {
    const labels = (roles: string[]) =>
      visibleNavItems({ username: 'u', displayName: 'u', roles }).map((item) => item.labelKey);
    const year = ['menu.home', 'menu.profile', 'menu.budget', 'menu.goals', 'menu.evaluation', 'menu.report'];
    expect(labels(['department'])).toEqual(year);
    expect(labels(['finance-reviewer'])).toEqual([...year, 'menu.overview', 'menu.rounds', 'menu.checker', 'menu.templates', 'menu.batches', 'menu.api']);
    expect(labels(['admin'])).toEqual([...year, 'menu.overview', 'menu.checker', 'menu.batches', 'menu.onboarding', 'menu.events', 'menu.api']);
    expect(labels(['finance-api'])).toEqual([...year, 'menu.api']);
    expect(labels([])).toEqual(['menu.home']);
  });

  it('marks the active entry', () => {
    expect(activeNavPath('/')).toBe('/');
    expect(activeNavPath('/budget/basic')).toBe('/budget/basic');
    expect(activeNavPath('/budget/projects')).toBe('/budget/basic');
    expect(activeNavPath('/profile')).toBe('/profile');
    expect(activeNavPath('/overview')).toBe('/overview');
    expect(activeNavPath('/report/history')).toBe('/report/status');
    expect(activeNavPath('/api-access')).toBe('/api-access');
    expect(activeNavPath('/templates')).toBe('/templates');
    expect(activeNavPath('/admin/departments')).toBe('/admin/departments');
    expect(activeNavPath('/nope')).toBe('');
  });

  it('renders the frame with the department, year, language and user', async () => {
    const api = new FakeApi();
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/' });
    const menu = await screen.findByTestId('main-menu');
    expect(within(menu).getByText('首页')).toBeInTheDocument();
    expect(within(menu).getByText('预算与支出')).toBeInTheDocument();
    expect(within(menu).getByText('单位情况')).toBeInTheDocument();
    expect(within(menu).queryByText('全区概览')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByTestId('department-name')).toHaveTextContent('中共长沙市望城区委政法委员会'),
    );
    expect(screen.getByTestId('fiscal-year-switch')).toHaveTextContent('2020 年度');
    expect(screen.getByTestId('user-name')).toHaveTextContent('政法委填报员');
    expect(await screen.findByText('欢迎，政法委填报员')).toBeInTheDocument();
  });

  it('switches the language of the whole frame', async () => {
    renderWithProviders(<AppRoutes />, { fetchImpl: new FakeApi().fetch, route: '/' });
    const user = userEvent.setup();
    const menu = await screen.findByTestId('main-menu');
    await user.click(within(screen.getByTestId('language-switch')).getByText('English'));
    await waitFor(() => expect(within(menu).getByText('Budget and spending')).toBeInTheDocument());
    expect(screen.getByRole('button', { name: /Log out/ })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    await user.click(within(screen.getByTestId('language-switch')).getByText('中文'));
    await waitFor(() => expect(within(menu).getByText('预算与支出')).toBeInTheDocument());
  });

  it('shows the 403 page for a page the role may not open', async () => {
    renderWithProviders(<AppRoutes />, {
      fetchImpl: new FakeApi().fetch,
      route: '/overview',
    });
    expect(await screen.findByTestId('forbidden-reason')).toHaveTextContent('此页面仅供财政局使用，部门账号不能打开。');
  });
});
