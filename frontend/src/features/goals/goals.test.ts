// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkGoalNumber, decimalText, formToInput, goalStats, goalsToForm, meetsTarget } from './goals';
import type { GoalIndicator } from '../../api/types';

const indicator = (over: Partial<GoalIndicator>): GoalIndicator => ({
  id: 1,
  goal: '维护稳定',
  category: 'QUANTITY',
  name: '矛盾纠纷化解率',
  unit: '%',
  direction: 'GE',
  target: 95,
  actual: 97,
  keyTask: false,
  met: true,
  ...over,
});

describe('绩效目标 logic', () => {
  it('groups the flat list by goal in saved order, numbers as plain text', () => {
    const form = goalsToForm({
      version: 3,
      indicators: [
        indicator({ id: 1 }),
        indicator({ id: 2, goal: '平安建设', name: '宣传场次', unit: '场', target: 12, actual: null, met: null }),
        indicator({ id: 3, name: '安全感', target: '98', actual: 96.5, met: false }),
      ],
    });
    expect(form.goals.map((g) => [g.goal, g.indicators.map((i) => i.name)])).toEqual([
      ['维护稳定', ['矛盾纠纷化解率', '安全感']],
      ['平安建设', ['宣传场次']],
    ]);
    expect(form.goals[0]!.indicators[1]).toMatchObject({ target: '98', actual: '96.5' });
    expect(form.goals[1]!.indicators[0]!.actual).toBe('');
  });

  it('builds the request: trimmed, full-width digits normalised, empty actual as null, the version read', () => {
    const input = formToInput(
      {
        goals: [
          {
            goal: '  维护稳定 ',
            indicators: [
              { category: 'QUALITY', name: ' 达标率 ', unit: '%', direction: 'LE', target: '９５．５', actual: '', keyTask: true },
            ],
          },
        ],
      },
      7,
    );
    expect(input).toEqual({
      goals: [
        {
          goal: '维护稳定',
          indicators: [{ category: 'QUALITY', name: '达标率', unit: '%', direction: 'LE', target: '95.5', actual: null, keyTask: true }],
        },
      ],
      version: 7,
    });
  });

  it('checks targets and actuals as typed, like the service', () => {
    expect(checkGoalNumber('', { required: true })).toBe('required');
    expect(checkGoalNumber('', { required: false })).toBeNull();
    expect(checkGoalNumber('abc', { required: true })).toBe('format');
    expect(checkGoalNumber('-1', { required: true })).toBe('negative');
    expect(checkGoalNumber('120', { required: true, unit: '%', isTarget: true })).toBe('percentOver100');
    expect(checkGoalNumber('120', { required: true, unit: '场', isTarget: true })).toBeNull();
    expect(checkGoalNumber('120', { required: false, unit: '%' })).toBeNull();
  });

  it('tells met from not met by direction', () => {
    expect(meetsTarget('GE', '95', '97')).toBe(true);
    expect(meetsTarget('GE', '98', '96.5')).toBe(false);
    expect(meetsTarget('LE', '5', '5.00')).toBe(true);
    expect(meetsTarget('LE', '5', '5.01')).toBe(false);
    expect(meetsTarget('EQ', '12', '12.0')).toBe(true);
    expect(meetsTarget('EQ', '12', '')).toBeNull();
  });

  it('counts indicators, measured and met', () => {
    expect(goalStats([indicator({}), indicator({ met: false }), indicator({ met: null })])).toEqual({ total: 3, measured: 2, met: 1 });
    expect(decimalText(1e2)).toBe('100');
    expect(decimalText(null)).toBe('');
  });
});
