import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AppRoutes } from '../App';
import type { TemplateDetail, TemplateEditInput } from '../features/templates/templateApi';
import { defaultSummary, detail, knownIndicators, sampleBody, summary } from '../features/templates/templateFixtures';
import { renderWithProviders } from '../test/renderWithProviders';
import { jsonResponse, problemResponse, routeFetch, type RouteHandler } from '../features/templates/routeFetch';

const reviewer = { username: 'reviewer', displayName: '审核员', roles: ['finance-reviewer'] };

/** The template service with the default (id 1) and one copy (id 2, version 3); `onPut` answers the save. */
function templateService(onPut: (body: TemplateEditInput) => Response) {
  let copy: TemplateDetail = detail(summary());
  const handler: RouteHandler = ({ method, path, body }) => {
    if (path === '/templates') return jsonResponse([defaultSummary(), copy.template]);
    if (path === '/templates/1') return jsonResponse(detail(defaultSummary()));
    if (path === '/templates/2' && method === 'GET') return jsonResponse(copy);
    if (path === '/templates/2' && method === 'PUT') {
      const response = onPut(body as TemplateEditInput);
      if (response.ok) {
        void response
          .clone()
          .json()
          .then((saved: TemplateDetail) => {
            copy = saved;
          });
      }
      return response;
    }
    if (path === '/templates/2/versions') return jsonResponse([{ version: 1, createdAt: '2021-01-05T02:00:00Z', createdBy: 'reviewer' }]);
    if (path === '/templates/2/audit') return jsonResponse([]);
    if (path === '/templates/assignments') return jsonResponse([]);
    if (path === '/templates/indicators') return jsonResponse(knownIndicators());
    return undefined;
  };
  return {
    handler,
    /** Someone else saves version 4 with other points. */
    replaceCopy(next: TemplateDetail) {
      copy = next;
    },
  };
}

function setPoints(code: string, value: string) {
  fireEvent.change(screen.getByTestId(`points-${code}`), { target: { value } });
}

/** Opens an antd select of the add form and picks the option whose text matches. */
async function choose(testId: string, option: RegExp) {
  const select = screen.getByTestId(testId);
  fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? within(select).getByRole('combobox'));
  const matches = await screen.findAllByText(option, { selector: '.ant-select-item-option-content' });
  fireEvent.click(matches[matches.length - 1]!);
}

/** Adds a computable indicator under 过程 / 预算执行 with these points. */
async function addUnderExecution(label: RegExp, points: string) {
  await choose('add-indicator-code', label);
  await choose('add-indicator-place', /^过程 \/ 预算执行$/);
  fireEvent.change(screen.getByTestId('add-indicator-points'), { target: { value: points } });
  fireEvent.click(screen.getByTestId('add-indicator-submit'));
}

describe('评价模板 page', () => {
  it('shows the running sum live and saves the tree with the version read', async () => {
    let sent: TemplateEditInput | undefined;
    const service = templateService((body) => {
      sent = body;
      return jsonResponse(detail(summary({ version: 4 })));
    });
    const api = routeFetch(service.handler);
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/templates?template=2', user: reviewer });

    await screen.findByTestId('points-staff-control-rate');
    expect(screen.getByTestId('points-total')).toHaveTextContent('100.00');
    expect(screen.getByTestId('template-save')).toBeDisabled();

    setPoints('staff-control-rate', '18');
    expect(screen.getByTestId('points-total')).toHaveTextContent('98.00');
    expect(screen.getByTestId('points-remaining')).toHaveTextContent('与 100 分相差 2.00 分');
    expect(screen.getByTestId('level-sum-0')).toHaveTextContent('小计 38.00 分');
    expect(screen.getByTestId('template-save')).toBeDisabled();
    expect(screen.getByTestId('template-save-hint')).toHaveTextContent('请先修正标红的 1 处问题');

    setPoints('key-spending-rate', '22');
    expect(screen.getByTestId('points-total')).toHaveTextContent('100.00');
    expect(screen.getByTestId('points-remaining')).toHaveTextContent('合计 100 分');
    fireEvent.click(screen.getByTestId('template-save'));

    expect(await screen.findByText('已保存为第 4 版')).toBeInTheDocument();
    expect(sent!.version).toBe(3);
    expect(sent!.levels[0]!.points).toBe('40.00');
    expect(sent!.levels[0]!.children[0]!.children.map((i) => i.points)).toEqual(['18', '22']);
    expect(api.requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual(['/templates/2']);
  });

  it('shows a mistyped value at its field at once and blocks the save', async () => {
    const api = routeFetch(templateService(() => jsonResponse({})).handler);
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/templates?template=2', user: reviewer });
    await screen.findByTestId('band-upTo-budget-adjustment-rate-2');
    fireEvent.change(screen.getByTestId('band-upTo-budget-adjustment-rate-2'), { target: { value: '5' } });
    expect(screen.getByTestId('error-levels[1].children[0].children[1].rule.bands[2].upTo')).toHaveTextContent('须大于上一档的上限');
    expect(screen.getByTestId('template-save')).toBeDisabled();
  });

  it('puts the service’s field errors next to the fields their paths name', async () => {
    const service = templateService(() =>
      problemResponse(400, {
        title: '请求有误',
        detail: '模板有 2 处错误，请按提示修改后重新保存。',
        code: 'template.invalid',
        errors: [
          { field: 'levels[1].children[0].children[1].rule.bands[2].upTo', message: '分档表须按上限从小到大排列：该档上限须大于上一档。' },
          { field: 'levels[0].children[0].children[1].code', message: '指标编码在模板中重复。' },
        ],
      }),
    );
    renderWithProviders(<AppRoutes />, { fetchImpl: routeFetch(service.handler).fetch, route: '/templates?template=2', user: reviewer });
    await screen.findByTestId('band-share-budget-adjustment-rate-2');
    fireEvent.change(screen.getByTestId('band-share-budget-adjustment-rate-2'), { target: { value: '0.5' } });
    fireEvent.click(screen.getByTestId('template-save'));

    expect(await screen.findByTestId('error-levels[1].children[0].children[1].rule.bands[2].upTo')).toHaveTextContent(
      '分档表须按上限从小到大排列：该档上限须大于上一档。',
    );
    expect(screen.getByTestId('template-invalid')).toHaveTextContent('模板有 2 处错误');
    expect(screen.getByTestId('template-general-errors')).toHaveTextContent('投入 / 预算配置 / 重点支出安排率：指标编码在模板中重复。');
    // editing the field clears the service's message there
    fireEvent.change(screen.getByTestId('band-upTo-budget-adjustment-rate-2'), { target: { value: '30' } });
    expect(screen.queryByTestId('error-levels[1].children[0].children[1].rule.bands[2].upTo')).not.toBeInTheDocument();
  });

  it('explains a 409 and reloads the latest version on request', async () => {
    const service = templateService(() => problemResponse(409, { title: '数据冲突', code: 'version.conflict' }));
    renderWithProviders(<AppRoutes />, { fetchImpl: routeFetch(service.handler).fetch, route: '/templates?template=2', user: reviewer });
    await screen.findByTestId('points-staff-control-rate');
    setPoints('staff-control-rate', '19');
    setPoints('key-spending-rate', '21');
    fireEvent.click(screen.getByTestId('template-save'));
    expect(await screen.findByTestId('template-conflict')).toHaveTextContent('模板已被他人修改');

    const theirs = sampleBody();
    theirs.levels[0]!.children[0]!.children[0]!.points = 15;
    theirs.levels[0]!.children[0]!.children[1]!.points = 25;
    service.replaceCopy(detail(summary({ version: 4 }), theirs));
    fireEvent.click(screen.getByTestId('template-conflict-reload'));
    await waitFor(() => expect(screen.getByTestId('points-staff-control-rate')).toHaveValue('15'));
    expect(screen.queryByTestId('template-conflict')).not.toBeInTheDocument();
    expect(screen.getByTestId('template-save')).toHaveTextContent('保存为第 5 版');
  });

  it('shows the default template read-only with a note', async () => {
    const api = routeFetch(templateService(() => jsonResponse({})).handler);
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/templates?template=1', user: reviewer });
    expect(await screen.findByTestId('template-read-only')).toHaveTextContent('默认模板只读');
    expect(screen.getByTestId('points-staff-control-rate')).toBeDisabled();
    expect(screen.queryByTestId('template-save')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('templates-table')).getAllByTestId('template-row')).toHaveLength(2);
  });

  it('copies a template for a jurisdiction and year and opens the copy', async () => {
    let copied: unknown;
    const copyHandler: RouteHandler = ({ method, path, body }) => {
      if (method === 'POST' && path === '/templates/1/copies') {
        copied = body;
        return jsonResponse(detail(summary({ id: 2, version: 1 })), 201);
      }
      return undefined;
    };
    const api = routeFetch(copyHandler, templateService(() => jsonResponse({})).handler);
    renderWithProviders(<AppRoutes />, { fetchImpl: api.fetch, route: '/templates?template=1&year=2020', user: reviewer });
    fireEvent.click(await screen.findByTestId('copy-template-1'));
    const jurisdiction = (await screen.findByTestId('copy-form')).querySelector('#jurisdiction') as HTMLInputElement;
    fireEvent.change(jurisdiction, { target: { value: '望城区' } });
    fireEvent.click(screen.getByTestId('copy-submit'));
    expect(await screen.findByText('已复制：望城区 2020 指标体系')).toBeInTheDocument();
    expect(copied).toEqual({ name: null, jurisdiction: '望城区', fiscalYear: 2020 });
  });

  it('is refused to a department user, even by URL', async () => {
    renderWithProviders(<AppRoutes />, { fetchImpl: routeFetch().fetch, route: '/templates' });
    expect(await screen.findByTestId('forbidden-reason')).toHaveTextContent('此页面仅供财政局使用');
  });

  it('adds the December share with the rush rule and the district defaults shown, keeps the sum check and saves it', async () => {
    let sent: TemplateEditInput | undefined;
    const service = templateService((body) => {
      sent = body;
      return jsonResponse(detail(summary({ version: 4 })));
    });
    renderWithProviders(<AppRoutes />, { fetchImpl: routeFetch(service.handler).fetch, route: '/templates?template=2', user: reviewer });
    await screen.findByTestId('points-staff-control-rate');
    await waitFor(() => expect(screen.getByTestId('add-indicator-code')).not.toHaveClass('ant-select-loading'));

    await addUnderExecution(/^12月支出占比（december-share/, '5');
    const row = await screen.findByTestId('indicator-december-share');
    expect(within(row).getByTestId('rule-kind-december-share')).toHaveTextContent('年底突击');
    expect(within(row).getByTestId('rush-defaults-december-share')).toHaveTextContent('阈值 15%');
    expect(within(row).getByTestId('rule-threshold-december-share')).toHaveAttribute('placeholder', '15');
    expect(within(row).getByTestId('rule-deductPerPoint-december-share')).toHaveAttribute('placeholder', '0.1');
    // the points come on top: 105, and the save waits until they are taken elsewhere
    expect(screen.getByTestId('points-total')).toHaveTextContent('105.00');
    expect(screen.getByTestId('level-sum-1')).toHaveTextContent('小计 65.00 分');
    expect(screen.getByTestId('template-save')).toBeDisabled();
    setPoints('budget-completion-rate', '15');
    expect(screen.getByTestId('points-total')).toHaveTextContent('100.00');
    fireEvent.click(screen.getByTestId('template-save'));

    expect(await screen.findByText('已保存为第 4 版')).toBeInTheDocument();
    expect(sent!.version).toBe(3);
    expect(sent!.levels[1]!.points).toBe('60.00');
    expect(sent!.levels[1]!.children[0]!.children[3]).toEqual({
      code: 'december-share',
      name: '12月支出占比',
      nameEn: 'December share of the year’s spending',
      points: '5',
      rule: { kind: 'rush', target: null, threshold: null, deductPerPoint: null, bands: null },
    });
  });

  it('removes an indicator (never the last of its group) and shows the service’s refusal of an added one at its field', async () => {
    const service = templateService(() =>
      problemResponse(400, {
        title: '请求有误',
        detail: '模板有 1 处错误，请按提示修改后重新保存。',
        code: 'template.invalid',
        errors: [{ field: 'levels[1].children[0].children[3].rule.threshold', message: '阈值须为大于 0、小于 100 的百分数。' }],
      }),
    );
    renderWithProviders(<AppRoutes />, { fetchImpl: routeFetch(service.handler).fetch, route: '/templates?template=2', user: reviewer });
    await screen.findByTestId('points-staff-control-rate');
    await waitFor(() => expect(screen.getByTestId('add-indicator-code')).not.toHaveClass('ant-select-loading'));

    fireEvent.click(screen.getByTestId('remove-key-spending-rate'));
    expect(screen.queryByTestId('indicator-key-spending-rate')).not.toBeInTheDocument();
    expect(screen.getByTestId('points-total')).toHaveTextContent('80.00');
    expect(screen.getByTestId('remove-staff-control-rate')).toBeDisabled();

    await addUnderExecution(/^第四季度支出占比（q4-share/, '20');
    expect(await screen.findByTestId('indicator-q4-share')).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('rule-threshold-q4-share'), { target: { value: '100' } });
    expect(screen.getByTestId('points-total')).toHaveTextContent('100.00');
    fireEvent.click(screen.getByTestId('template-save'));

    expect(await screen.findByTestId('error-levels[1].children[0].children[3].rule.threshold')).toHaveTextContent(
      '阈值须为大于 0、小于 100 的百分数。',
    );
    expect(screen.getByTestId('template-invalid')).toHaveTextContent('模板有 1 处错误');
  });
});
