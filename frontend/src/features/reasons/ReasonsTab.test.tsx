import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoutes } from '../../App';
import { FakeApi, problem } from '../../test/fakeApi';
import { renderWithProviders, ZFW_DEPARTMENT } from '../../test/renderWithProviders';
import { sampleSheet } from '../../test/sampleSheet';
import { typeText } from '../../test/typeText';

const ROUTE = `/budget/reasons?dept=${ZFW_DEPARTMENT}&year=2020`;

describe('差异原因 tab', () => {
  it('shows each check: red with the unexplained amount, green when it matches', async () => {
    const api = new FakeApi();
    api.sheet = sampleSheet();
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: ROUTE });

    const projects = await screen.findByTestId('reason-check-PROJECTS');
    expect(within(projects).getByText('项目支出合计')).toBeInTheDocument();
    expect(within(projects).getByTestId('check-variance')).toHaveTextContent('77.41');
    expect(within(projects).getByTestId('check-explained')).toHaveTextContent('77.52');
    const red = within(projects).getByTestId('check-status');
    expect(red).toHaveTextContent('未说明 -0.11 万元');
    expect(red.className).toMatch(/error/);

    const bravery = screen.getByTestId('reason-check-PROJECT-14');
    expect(bravery).toHaveTextContent('项目：见义勇为奖励金');
    expect(within(bravery).getByTestId('check-status')).toHaveTextContent('已全部说明');
    expect(within(bravery).getByTestId('check-status').className).toMatch(/success/);

    const unexplainedProject = screen.getByTestId('reason-check-PROJECT-15');
    expect(within(unexplainedProject).getByTestId('check-status')).toHaveTextContent('未单独说明 -0.11 万元');

    expect(screen.getAllByTestId('reason-row')).toHaveLength(4);
  });

  it('saves the list in 元 with the revision and puts a server error under its field', async () => {
    const api = new FakeApi();
    api.sheet = sampleSheet();
    api.nextSheetWrite = () =>
      problem(400, '请求参数有误', { errors: [{ field: 'reasons[3].amount', message: '金额超出差异' }] });
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: ROUTE });
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    const amount = await screen.findByLabelText('说明金额 4（万元）');
    expect(amount).toHaveValue('-6.90');
    await user.clear(amount);
    await typeText(user, amount, '-6.8');
    await user.click(screen.getByTestId('reasons-save'));

    await waitFor(() => expect(api.requests.some((request) => request.method === 'PUT')).toBe(true));
    const put = api.requests.find((request) => request.method === 'PUT')!;
    expect(put.url).toBe(`/api/v1/budgets/${ZFW_DEPARTMENT}/2020/variance-reasons`);
    expect(put.body).toMatchObject({ revision: 10 });
    expect((put.body as { reasons: { amount: string }[] }).reasons[3]!.amount).toBe('-68000.00');
    expect(await screen.findByText('金额超出差异')).toBeInTheDocument();
  });

  it('is read-only with a notice when the filing is locked', async () => {
    const api = new FakeApi();
    api.sheet = { ...sampleSheet(), locked: true };
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: ROUTE });
    expect(await screen.findByTestId('locked-banner')).toHaveTextContent('2020 年度自评已提交，数据已锁定');
    expect(screen.queryByTestId('reasons-save')).not.toBeInTheDocument();
  });
});
