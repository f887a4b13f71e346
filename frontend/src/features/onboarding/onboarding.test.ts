// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import { lines, mapOnboardingError, toOnboardingInput, type OnboardingFormValues } from './onboarding';

const values: OnboardingFormValues = {
  code: ' 408001 ',
  name: ' 长沙市望城区审计局 ',
  jurisdiction: '望城区',
  firstFiscalYear: 2020,
  duties: '负责全区审计监督工作\n\n  组织实施预算执行审计  \r\n',
  divisions: '办公室\n财政审计股',
  user: { username: ' sjj ', email: 'sjj@wangcheng.example', lastName: '孙', firstName: '审计', initialPassword: '', temporaryPassword: true },
};

const lineLabel = (line: number) => `第 ${line} 行：`;

function problem(status: number, extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {}) {
  return new ApiError({ type: 'about:blank', title: 'x', status, errors: [], ...extra });
}

describe('onboarding request', () => {
  it('trims, splits the lists by line and leaves out an empty password (the service generates one)', () => {
    expect(lines(' a \n\n b\r\n')).toEqual(['a', 'b']);
    expect(toOnboardingInput(values)).toEqual({
      code: '408001',
      name: '长沙市望城区审计局',
      jurisdiction: '望城区',
      firstFiscalYear: 2020,
      duties: ['负责全区审计监督工作', '组织实施预算执行审计'],
      divisions: ['办公室', '财政审计股'],
      user: { username: 'sjj', email: 'sjj@wangcheng.example', firstName: '审计', lastName: '孙', temporaryPassword: true },
    });
    const withPassword = toOnboardingInput({ ...values, user: { ...values.user, initialPassword: ' k7Qm-3xRt-Pw9a ', temporaryPassword: false } });
    expect(withPassword.user).toMatchObject({ initialPassword: ' k7Qm-3xRt-Pw9a ', temporaryPassword: false });
  });
});

describe('onboarding errors', () => {
  it('puts 400 field errors under their fields, list items with their line, the rest in the alert', () => {
    const view = mapOnboardingError(
      problem(400, {
        detail: '请求有误',
        errors: [
          { field: 'code', message: '请填写单位编码：1–32 位数字、字母或“-”。' },
          { field: 'user.email', message: '请填写有效的电子邮箱。' },
          { field: 'duties[2]', message: '不能为空，且不能过长。' },
          { field: 'user', message: '统一身份认证拒绝了该用户信息。' },
        ],
      }),
      lineLabel,
    );
    expect(view.fields).toEqual([
      { name: ['code'], errors: ['请填写单位编码：1–32 位数字、字母或“-”。'] },
      { name: ['user', 'email'], errors: ['请填写有效的电子邮箱。'] },
      { name: ['duties'], errors: ['第 3 行：不能为空，且不能过长。'] },
    ]);
    expect(view.alert).toEqual({ kind: 'invalid', detail: '请求有误', unplaced: [{ field: 'user', message: '统一身份认证拒绝了该用户信息。' }] });
  });

  it('shows a taken username (409) at the username and as a conflict', () => {
    const view = mapOnboardingError(
      problem(409, {
        code: 'onboarding.user-exists',
        detail: '用户名 zfw 已被使用：请换一个用户名。未创建任何单位或用户。',
        errors: [{ field: 'user.username', message: '用户名已存在。' }],
      }),
      lineLabel,
    );
    expect(view.fields).toEqual([{ name: ['user', 'username'], errors: ['用户名已存在。'] }]);
    expect(view.alert.kind).toBe('conflict');
    expect(view.alert.detail).toContain('用户名 zfw 已被使用');
  });

  it('tells a missing Keycloak admin (503) apart from other failures', () => {
    expect(mapOnboardingError(problem(503, { detail: '暂时无法连接统一身份认证' }), lineLabel).alert).toEqual({
      kind: 'unavailable',
      detail: '暂时无法连接统一身份认证',
      unplaced: [],
    });
    expect(mapOnboardingError(problem(403), lineLabel).alert.kind).toBe('forbidden');
    expect(mapOnboardingError(problem(500), lineLabel).alert.kind).toBe('other');
    expect(mapOnboardingError(new Error('boom'), lineLabel)).toEqual({ fields: [], alert: { kind: 'other', detail: 'boom', unplaced: [] } });
  });
});
