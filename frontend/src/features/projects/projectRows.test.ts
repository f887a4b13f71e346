// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sampleSheet } from '../../test/sampleSheet';
import {
  computeProjectRow,
  isProjectUnchanged,
  needsAdjustmentReason,
  toProjectFormValues,
  toProjectInput,
  validateProjectRow,
  type ProjectFormValues,
} from './projectRows';

const [insurance, subsidy, , bravery, , direct] = sampleSheet().projects;

describe('project rows: 元 from the server → 万元 in the row', () => {
  it('shows the stored amounts exactly, empty for a zero adjustment or direct payment', () => {
    expect(toProjectFormValues(insurance)).toEqual({
      name: '平安望城意外伤害及监护人责任保险',
      budget: '60.00',
      adjustment: '',
      adjustmentReason: '',
      actualOwn: '65.28',
      actualDirect: '',
      keyProject: true,
    });
    expect(toProjectFormValues(subsidy)).toMatchObject({ budget: '0.00', adjustment: '70.14', adjustmentReason: '上级补助，年初无预算' });
    expect(toProjectFormValues(direct)).toMatchObject({ actualOwn: '0.00', actualDirect: '776.00' });
    expect(toProjectFormValues(null).name).toBe('');
  });

  it('round-trips: saving an untouched row changes nothing', () => {
    for (const project of sampleSheet().projects) {
      expect(isProjectUnchanged(toProjectFormValues(project), project)).toBe(true);
    }
    expect(isProjectUnchanged({ ...toProjectFormValues(bravery), actualOwn: '13.11' }, bravery!)).toBe(false);
  });
});

describe('project rows: 万元 typed → the request in 元', () => {
  const typed: ProjectFormValues = {
    name: '  见义勇为奖励金 ',
    budget: '20',
    adjustment: '-6.9',
    adjustmentReason: ' 奖励金发放少于预算 ',
    actualOwn: '13.1',
    actualDirect: '',
    keyProject: false,
  };

  it('converts exactly, signs kept, empty optional amounts as 0.00, text trimmed', () => {
    expect(toProjectInput(typed, 4)).toEqual({
      name: '见义勇为奖励金',
      budget: '200000.00',
      adjustment: '-69000.00',
      adjustmentReason: '奖励金发放少于预算',
      actualOwn: '131000.00',
      actualDirect: '0.00',
      keyProject: false,
      version: 4,
    });
    expect(toProjectInput({ ...typed, adjustment: '', adjustmentReason: '' }, null)).toMatchObject({
      adjustment: '0.00',
      adjustmentReason: null,
      version: null,
    });
  });

  it('refuses an invalid row and names the problems', () => {
    expect(validateProjectRow({ ...typed, name: ' ', budget: '', actualOwn: '-1', adjustmentReason: '' })).toEqual({
      name: 'required',
      budget: 'required',
      actualOwn: 'negative',
      adjustmentReason: 'reasonRequired',
    });
    expect(() => toProjectInput({ ...typed, budget: 'abc' }, 1)).toThrow();
  });

  it('asks for a reason only with a non-zero adjustment', () => {
    expect(needsAdjustmentReason('9', '')).toBe(true);
    expect(needsAdjustmentReason('0', '')).toBe(false);
    expect(needsAdjustmentReason('', '')).toBe(false);
    expect(needsAdjustmentReason('9', '派驻人员')).toBe(false);
  });
});

describe('computed columns while editing', () => {
  it('gives actual, variance and rate as the server computes them', () => {
    expect(computeProjectRow({ budget: '20', adjustment: '', actualOwn: '13.1', actualDirect: '' })).toEqual({
      adjustedBudget: '200000.00',
      actual: '131000.00',
      variance: '-69000.00',
      executionRate: '65.50',
    });
    expect(computeProjectRow({ budget: '776', actualOwn: '0', actualDirect: '776' })).toMatchObject({
      actual: '7760000.00',
      variance: '0.00',
      executionRate: '100.00',
    });
  });

  it('has no rate without a budget, and nothing for invalid input', () => {
    expect(computeProjectRow({ budget: '0', adjustment: '9', actualOwn: '9' })).toMatchObject({
      adjustedBudget: '90000.00',
      variance: '90000.00',
      executionRate: null,
    });
    expect(computeProjectRow({ budget: 'x', actualOwn: '1' })).toEqual({ actual: '10000.00' });
    expect(computeProjectRow(undefined)).toEqual({});
  });
});
