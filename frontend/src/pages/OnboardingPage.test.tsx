import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { AppRoutes } from '../App';
import type { OnboardingInput } from '../features/onboarding/onboarding';
import { jsonResponse, problemResponse, routeFetch, type RouteHandler } from '../features/templates/routeFetch';
import { renderWithProviders } from '../test/renderWithProviders';

const admin = { username: 'admin', displayName: '管理员', roles: ['admin'] };

function fill(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

async function fillForm() {
  await screen.findByTestId('onboarding-form');
  fill('onboarding-code', '408001');
  fill('onboarding-name', '长沙市望城区审计局');
  fill('onboarding-jurisdiction', '望城区');
  fill('onboarding-duties', '负责全区审计监督工作');
  fill('onboarding-username', 'sjj');
  fill('onboarding-email', 'sjj@wangcheng.example');
  fill('onboarding-last-name', '孙');
  fill('onboarding-first-name', '审计');
}

function onboarding(answer: (input: OnboardingInput) => Response): RouteHandler {
  return ({ method, path, body }) => (method === 'POST' && path === '/departments' ? answer(body as OnboardingInput) : undefined);
}

describe('单位开户 page', () => {
  it('creates the department and its first user and shows both, with the generated password', async () => {
    let sent: OnboardingInput | undefined;
    const api = routeFetch(
      onboarding((input) => {
        sent = input;
        return jsonResponse(
          {
            department: { id: '5d1c2b3a-0f4e-4c6d-8a7b-9e0f1a2b3c4d', code: '408001', name: '长沙市望城区审计局', jurisdiction: '望城区', firstFiscalYear: 2020, duties: [], divisions: [], version: 0 },
            user: { id: 'u1', username: 'sjj', temporaryPassword: true, initialPassword: 'k7Qm-3xRt-Pw9a-Hn2e' },
          },
          201,
        );
      }),
    );
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/admin/departments?year=2020', user: admin });
    await fillForm();
    fireEvent.click(screen.getByTestId('onboarding-submit'));

    expect(await screen.findByTestId('onboarding-result')).toHaveTextContent('已创建单位：长沙市望城区审计局');
    expect(screen.getByTestId('created-username')).toHaveTextContent('sjj');
    expect(screen.getByTestId('created-code')).toHaveTextContent('408001');
    expect(screen.getByTestId('created-password')).toHaveTextContent('k7Qm-3xRt-Pw9a-Hn2e');
    expect(sent).toMatchObject({ code: '408001', firstFiscalYear: 2020, duties: ['负责全区审计监督工作'], user: { username: 'sjj', temporaryPassword: true } });
    expect(sent!.user).not.toHaveProperty('initialPassword');
  });

  it('checks the username before sending', async () => {
    const api = routeFetch();
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/admin/departments', user: admin });
    await fillForm();
    fill('onboarding-username', 'Sun Jie');
    fireEvent.click(screen.getByTestId('onboarding-submit'));
    expect(await screen.findByText('用户名须为 3–64 位小写字母、数字或 . _ -。')).toBeInTheDocument();
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('shows a taken username next to the field and explains that nothing was created', async () => {
    const api = routeFetch(
      onboarding(() =>
        problemResponse(409, {
          title: '数据冲突',
          code: 'onboarding.user-exists',
          detail: '用户名 sjj 已被使用：请换一个用户名。未创建任何单位或用户。',
          errors: [{ field: 'user.username', message: '用户名已存在。' }],
        }),
      ),
    );
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/admin/departments', user: admin });
    await fillForm();
    fireEvent.click(screen.getByTestId('onboarding-submit'));
    expect(await screen.findByTestId('onboarding-error-conflict')).toHaveTextContent('用户名 sjj 已被使用');
    await waitFor(() => expect(screen.getByText('用户名已存在。')).toBeInTheDocument());
    expect(screen.getByTestId('onboarding-username').closest('.ant-form-item')).toHaveClass('ant-form-item-has-error');
  });

  it('explains a 503 when the Keycloak admin is not configured', async () => {
    const api = routeFetch(
      onboarding(() => problemResponse(503, { title: '服务暂不可用', detail: '暂时无法连接统一身份认证（Keycloak）或其管理账号未配置', code: 'onboarding.unavailable' })),
    );
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/admin/departments', user: admin });
    await fillForm();
    fireEvent.click(screen.getByTestId('onboarding-submit'));
    const alert = await screen.findByTestId('onboarding-error-unavailable');
    expect(alert).toHaveTextContent('统一身份认证（Keycloak）不可用或其管理账号未配置');
    expect(alert).toHaveTextContent('JIXIAO_KEYCLOAK_ADMIN_PASSWORD');
  });

  it('is refused to department users, even by URL', async () => {
    renderWithProviders(<AppRoutes />, { fetchImpl: routeFetch().fetch, route: '/admin/departments' });
    expect(await screen.findByTestId('forbidden-reason')).toHaveTextContent('此页面仅供财政局使用');
  });

  it('is refused to a finance reviewer too (administrators only)', async () => {
    const reviewer = { username: 'reviewer', displayName: '审核员', roles: ['finance-reviewer'] };
    renderWithProviders(<AppRoutes />, { fetchImpl: routeFetch().fetch, route: '/admin/departments', user: reviewer });
    expect(await screen.findByTestId('forbidden-reason')).toHaveTextContent('您的账号没有打开此页面的权限。');
  });
});
