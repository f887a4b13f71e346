// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { knownIndicators, sampleBody } from './templateFixtures';
import {
  addIndicator,
  addableIndicators,
  defaultRule,
  editableKinds,
  placeServerErrors,
  pointsSummary,
  removable,
  removeIndicator,
  rowErrors,
  sameContent,
  toEditInput,
  toEditorState,
  updateIndicator,
  validateEditor,
} from './templateEditor';

const STAFF = { level: 0, group: 0, index: 0 };
const KEY_SPENDING = { level: 0, group: 0, index: 1 };
const ADJUSTMENT = { level: 1, group: 0, index: 1 };

describe('template editor: points', () => {
  it('reads the service’s numbers as exact texts and sums them per 一级 and in total', () => {
    const state = toEditorState(sampleBody());
    expect(state.levels[0]!.children[0]!.children[0]!.rule).toEqual({
      kind: 'ceiling',
      target: '',
      threshold: '100',
      deductPerPoint: '0.1',
      bands: [],
    });
    const sums = pointsSummary(state);
    expect(sums.levels).toEqual(['40.00', '60.00']);
    expect(sums.total).toBe('100.00');
    expect(sums.totalOk).toBe(true);
    expect(sums.projectTotal).toBe('100.00');
    expect(validateEditor(state)).toEqual({});
  });

  it('keeps the running sum exact with decimals (no float drift) and says how far from 100 it is', () => {
    let state = toEditorState(sampleBody());
    state = updateIndicator(state, STAFF, (i) => ({ ...i, points: '19.9' }));
    state = updateIndicator(state, KEY_SPENDING, (i) => ({ ...i, points: '0.1' }));
    expect(pointsSummary(state).total).toBe('80.00');
    state = updateIndicator(state, KEY_SPENDING, (i) => ({ ...i, points: '20.1' }));
    const sums = pointsSummary(state);
    expect(sums.levels[0]).toBe('40.00');
    expect(sums.total).toBe('100.00');
    state = updateIndicator(state, KEY_SPENDING, (i) => ({ ...i, points: '22.35' }));
    expect(pointsSummary(state).remaining).toBe('-2.25');
    expect(validateEditor(state)).toEqual({ levels: 'total' });
  });

  it('has no total while a points field is not a number, and names the field', () => {
    const state = updateIndicator(toEditorState(sampleBody()), STAFF, (i) => ({ ...i, points: '2,5' }));
    const sums = pointsSummary(state);
    expect(sums.total).toBeNull();
    expect(sums.levels).toEqual([null, '60.00']);
    expect(validateEditor(state)).toEqual({ 'levels[0].children[0].children[0].points': 'number' });
  });

  it('checks points like the service: above 0, at most 100, at most 2 decimals (trailing zeros allowed)', () => {
    const problemOf = (points: string) =>
      validateEditor(updateIndicator(toEditorState(sampleBody()), STAFF, (i) => ({ ...i, points })))[
        'levels[0].children[0].children[0].points'
      ];
    expect(problemOf('0')).toBe('pointsPositive');
    expect(problemOf('-1')).toBe('pointsPositive');
    expect(problemOf('')).toBe('pointsRequired');
    expect(problemOf('1.005')).toBe('twoDecimals');
    expect(problemOf('20.500')).toBeUndefined();
    expect(problemOf('101')).toBe('pointsMax');
  });
});

describe('template editor: rules', () => {
  it('checks rule parameters and band order', () => {
    let state = toEditorState(sampleBody());
    state = updateIndicator(state, STAFF, (i) => ({ ...i, rule: { ...i.rule, deductPerPoint: '1.5', threshold: '-200' } }));
    state = updateIndicator(state, ADJUSTMENT, (i) => ({
      ...i,
      rule: { ...i.rule, bands: [{ upTo: '0', share: '1' }, { upTo: '10', share: '0.8' }, { upTo: '5', share: '1.2' }] },
    }));
    expect(validateEditor(state)).toEqual({
      'levels[0].children[0].children[0].rule.threshold': 'thresholdRange',
      'levels[0].children[0].children[0].rule.deductPerPoint': 'deductRange',
      'levels[1].children[0].children[1].rule.bands[2].upTo': 'bandsOrder',
      'levels[1].children[0].children[1].rule.bands[2].share': 'shareRange',
    });
  });

  it('starts a new kind with its default parameters and sends only the parameters of the kind', () => {
    expect(defaultRule('target')).toMatchObject({ kind: 'target', target: '100', deductPerPoint: '0.08' });
    expect(defaultRule('bands').bands).toHaveLength(4);
    let state = toEditorState(sampleBody());
    // a ceiling switched to ratio keeps its old parameters in no field that is sent
    state = updateIndicator(state, STAFF, (i) => ({ ...i, rule: { ...i.rule, kind: 'ratio' } }));
    const input = toEditInput(state, 3);
    expect(input.levels[0]!.children[0]!.children[0]!.rule).toEqual({
      kind: 'ratio',
      target: null,
      threshold: null,
      deductPerPoint: null,
      bands: null,
    });
    expect(input.levels[1]!.children[0]!.children[1]!.rule.bands).toEqual([
      { upTo: '0', share: '1' },
      { upTo: '10', share: '0.8' },
      { upTo: '20', share: '0.6' },
    ]);
  });
});

describe('template editor: the year-end rush rule', () => {
  it('sends empty parameters as null (the district defaults apply) and checks the given ones', () => {
    expect(defaultRule('rush')).toMatchObject({ kind: 'rush', threshold: '', deductPerPoint: '' });
    let state = updateIndicator(toEditorState(sampleBody()), STAFF, (i) => ({ ...i, rule: defaultRule('rush') }));
    expect(validateEditor(state)).toEqual({});
    expect(toEditInput(state, 3).levels[0]!.children[0]!.children[0]!.rule).toEqual({
      kind: 'rush',
      target: null,
      threshold: null,
      deductPerPoint: null,
      bands: null,
    });
    state = updateIndicator(state, STAFF, (i) => ({ ...i, rule: { ...i.rule, threshold: '15.555', deductPerPoint: '2' } }));
    expect(validateEditor(state)).toEqual({
      'levels[0].children[0].children[0].rule.threshold': 'twoDecimals',
      'levels[0].children[0].children[0].rule.deductPerPoint': 'deductRange',
    });
    state = updateIndicator(state, STAFF, (i) => ({ ...i, rule: { ...i.rule, threshold: '12', deductPerPoint: '0.05' } }));
    expect(toEditInput(state, 3).levels[0]!.children[0]!.children[0]!.rule).toMatchObject({ threshold: '12', deductPerPoint: '0.05' });
  });
});

describe('template editor: what is sent', () => {
  it('sends the version read, decimal strings, each 一级 as the sum of its indicators, and the English names as read', () => {
    const state = updateIndicator(toEditorState(sampleBody()), STAFF, (i) => ({ ...i, points: ' 19.5 ' }));
    const input = toEditInput(updateIndicator(state, KEY_SPENDING, (i) => ({ ...i, points: '20.5' })), 3);
    expect(input.version).toBe(3);
    expect(input.levels.map((level) => level.points)).toEqual(['40.00', '60.00']);
    expect(input.levels[0]!.nameEn).toBe('Input');
    expect(input.levels[0]!.children[0]!.children[0]).toMatchObject({ code: 'staff-control-rate', points: '19.5', nameEn: 'Staff control rate' });
    expect(input.project).toEqual({ budgetExecution: '10', output: '50', benefit: '30', satisfaction: '10' });
    expect(input.description).toBe('测试用');
  });

  it('counts an edit that was undone as no change', () => {
    const initial = toEditorState(sampleBody());
    const changed = updateIndicator(initial, STAFF, (i) => ({ ...i, points: '21' }));
    expect(sameContent(initial, changed)).toBe(false);
    expect(sameContent(initial, updateIndicator(changed, STAFF, (i) => ({ ...i, points: '20' })))).toBe(true);
  });
});

describe('template editor: the service’s field errors', () => {
  it('puts each message at the field its path names and keeps the rest for the list above', () => {
    const state = toEditorState(sampleBody());
    const errors = [
      { field: 'levels[1].children[0].children[1].rule.bands[2].upTo', message: '分档表须按上限从小到大排列' },
      { field: 'levels[0].points', message: '一级指标的分值须等于其下各三级指标分值之和。' },
      { field: 'levels', message: '一级指标分值合计须为 100 分。' },
      { field: 'input.levels[0].children[0].children[1].rule.kind', message: '只能使用定性规则' },
      { field: 'levels[0].children[0].children[1].code', message: '指标编码重复' },
      { field: 'levels[9].children[0].children[0].points', message: '不存在的位置' },
      { field: '', message: '整体错误' },
    ];
    const placed = placeServerErrors(errors, state);
    expect(placed.byPath).toEqual({
      'levels[1].children[0].children[1].rule.bands[2].upTo': ['分档表须按上限从小到大排列'],
      'levels[0].points': ['一级指标的分值须等于其下各三级指标分值之和。'],
      levels: ['一级指标分值合计须为 100 分。'],
      'levels[0].children[0].children[1].rule.kind': ['只能使用定性规则'],
    });
    expect(placed.general.map((error) => error.message)).toEqual(['指标编码重复', '不存在的位置', '整体错误']);
    expect(rowErrors(errors, { level: 0, group: 0, index: 1 })).toEqual(['只能使用定性规则', '指标编码重复']);
  });
});

describe('template editor: adding and removing indicators', () => {
  const december = () => knownIndicators().find((k) => k.code === 'december-share')!;

  it('offers the computable indicators the template lacks, never one it has', () => {
    const state = toEditorState(sampleBody());
    expect(addableIndicators(state, knownIndicators()).map((k) => k.code)).toEqual(['december-share', 'q4-share', 'task-quality-rate']);
    const added = addIndicator(state, { level: 1, group: 0 }, december(), '5');
    expect(addableIndicators(added, knownIndicators()).map((k) => k.code)).toEqual(['q4-share', 'task-quality-rate']);
  });

  it('offers the kinds it can edit in the service’s order, and starts from the first of them', () => {
    const known = { ...december(), kinds: ['percentile', 'rush', 'ratio'] };
    expect(editableKinds(known)).toEqual(['rush', 'ratio']);
    const state = addIndicator(toEditorState(sampleBody()), { level: 1, group: 0 }, known, '5');
    expect(state.levels[1]!.children[0]!.children[3]!.rule.kind).toBe('rush');
  });

  it('adds a rush share with the rush rule and no parameters (the configured ones apply), counted in the sums', () => {
    const state = addIndicator(toEditorState(sampleBody()), { level: 1, group: 0 }, december(), '5');
    const added = state.levels[1]!.children[0]!.children[3]!;
    expect(added).toEqual({
      code: 'december-share',
      name: '12月支出占比',
      nameEn: 'December share of the year’s spending',
      points: '5',
      rule: { kind: 'rush', target: '', threshold: '', deductPerPoint: '', bands: [] },
    });
    expect(pointsSummary(state).total).toBe('105.00');
    expect(validateEditor(state)).toEqual({ levels: 'total' });
    const sent = toEditInput(state, 3).levels[1]!;
    expect(sent.points).toBe('65.00');
    expect(sent.children[0]!.children[3]).toEqual({
      code: 'december-share',
      name: '12月支出占比',
      nameEn: 'December share of the year’s spending',
      points: '5',
      rule: { kind: 'rush', target: null, threshold: null, deductPerPoint: null, bands: null },
    });
  });

  it('removes an indicator from the sums, but never the last of its group', () => {
    let state = removeIndicator(toEditorState(sampleBody()), ADJUSTMENT);
    expect(state.levels[1]!.children[0]!.children.map((i) => i.code)).toEqual(['budget-completion-rate', 'goal-reasonableness']);
    expect(pointsSummary(state).remaining).toBe('20.00');
    state = updateIndicator(state, { level: 1, group: 0, index: 0 }, (i) => ({ ...i, points: '40' }));
    expect(validateEditor(state)).toEqual({});
    const alone = removeIndicator(removeIndicator(state, { level: 1, group: 0, index: 1 }), { level: 1, group: 0, index: 0 });
    expect(removable(alone, { level: 1, group: 0, index: 0 })).toBe(false);
    expect(alone.levels[1]!.children[0]!.children.map((i) => i.code)).toEqual(['budget-completion-rate']);
  });
});
