// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { BasicExpenditure } from '../../api/types';
import {
  formFieldFor,
  isUnchanged,
  normalizeAmountInput,
  toFormValues,
  toUpdateRequest,
  validateWanAmount,
  yuanPreview,
} from './formLogic';

const stored: BasicExpenditure = {
  departmentId: 'd1',
  fiscalYear: 2020,
  budget: '6378800.00',
  actual: '6991300.00',
  variance: '612500.00',
  executionRate: '109.60',
  personnelActual: null,
  subsidiesActual: null,
  publicFundsActual: null,
  publicFundsBudget: null,
  version: 3,
  updatedAt: '2021-01-25T08:00:00Z',
  updatedBy: 'zfw',
};

describe('validateWanAmount', () => {
  it('accepts amounts with up to 6 decimals', () => {
    for (const ok of ['637.88', '0', '0.000001', '699.13', '9999999999.999999', ' 12 ', '1,234.5', '６３７．８８']) {
      expect(validateWanAmount(ok)).toBeNull();
    }
  });

  it('names what is wrong', () => {
    expect(validateWanAmount('')).toBe('required');
    expect(validateWanAmount('   ')).toBe('required');
    expect(validateWanAmount(undefined)).toBe('required');
    expect(validateWanAmount('-5')).toBe('negative');
    expect(validateWanAmount('abc')).toBe('format');
    expect(validateWanAmount('1e5')).toBe('format');
    expect(validateWanAmount('.5')).toBe('format');
    expect(validateWanAmount('1.2.3')).toBe('format');
    expect(validateWanAmount('1.1234567')).toBe('tooManyDecimals');
    expect(validateWanAmount('12345678901')).toBe('tooLarge');
  });
});

describe('normalizeAmountInput', () => {
  it('removes separators and turns full-width characters into ASCII', () => {
    expect(normalizeAmountInput(' 1,234.50 ')).toBe('1234.50');
    expect(normalizeAmountInput('６３７．８８')).toBe('637.88');
    expect(normalizeAmountInput(null)).toBe('');
  });
});

describe('conversion for saving', () => {
  it('converts 万元 to exact 元 strings and sends the version read', () => {
    expect(toUpdateRequest({ budget: '637.88', actual: '699.13' }, 3)).toEqual({
      budget: '6378800.00',
      actual: '6991300.00',
      personnelActual: null,
      subsidiesActual: null,
      publicFundsActual: null,
      publicFundsBudget: null,
      version: 3,
    });
  });

  it('sends version null on the first save', () => {
    expect(toUpdateRequest({ budget: '0.000001', actual: '1,000' }, null)).toEqual({
      budget: '0.01',
      actual: '10000000.00',
      personnelActual: null,
      subsidiesActual: null,
      publicFundsActual: null,
      publicFundsBudget: null,
      version: null,
    });
  });

  it('refuses invalid values', () => {
    expect(() => toUpdateRequest({ budget: 'x', actual: '1' }, null)).toThrow();
  });

  it('previews the 元 amount only for valid input', () => {
    expect(yuanPreview('637.88')).toBe('6378800.00');
    expect(yuanPreview('637.8812345')).toBeUndefined();
  });
});

describe('loading stored values', () => {
  it('shows 元 as 万元 without rounding', () => {
    expect(toFormValues(stored)).toMatchObject({ budget: '637.88', actual: '699.13', personnelActual: '' });
    expect(toFormValues({ ...stored, budget: '6378812.34' }).budget).toBe('637.881234');
    expect(toFormValues(null)).toMatchObject({ budget: '', actual: '', publicFundsBudget: '' });
  });

  it('detects unchanged values', () => {
    expect(isUnchanged({ budget: '637.88', actual: '699.130' }, stored)).toBe(true);
    expect(isUnchanged({ budget: '637.89', actual: '699.13' }, stored)).toBe(false);
    expect(isUnchanged({ budget: '637.88', actual: '699.13' }, null)).toBe(false);
  });
});

describe('formFieldFor', () => {
  it('maps server field names to form fields', () => {
    expect(formFieldFor('budget')).toBe('budget');
    expect(formFieldFor('basicExpenditure.actual')).toBe('actual');
    expect(formFieldFor('version')).toBeUndefined();
  });
});
