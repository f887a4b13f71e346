// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emptySheet } from '../../test/sampleSheet';
import {
  crossFieldProblems,
  monthsComplete,
  otherComputed,
  otherFiguresVersion,
  toOtherFiguresUpdate,
  toOtherFormValues,
  type OtherFiguresFormValues,
} from './otherFigures';

function typed(overrides: Partial<OtherFiguresFormValues> = {}): OtherFiguresFormValues {
  return { ...toOtherFormValues(emptySheet()), ...overrides };
}

describe('三公经费等: one section, one version', () => {
  it('has version null until the section was saved once, then the stored one', () => {
    expect(otherFiguresVersion(emptySheet())).toBeNull();
    const saved = emptySheet();
    saved.threePublic = {
      overseasBudget: null,
      overseasActual: null,
      carsBudget: '80000.00',
      carsActual: '76543.21',
      receptionBudget: null,
      receptionActual: null,
      totalBudget: null,
      totalActual: null,
      budgetLastYear: '90000.00',
      version: 3,
    };
    saved.procurement = { budgetOrCurrent: '500000.00', actualOrPrevious: null };
    saved.monthlyPayments = Array.from({ length: 12 }, () => '10000.00');
    expect(otherFiguresVersion(saved)).toBe(3);
    const values = toOtherFormValues(saved);
    expect(values).toMatchObject({ carsBudget: '8.00', carsActual: '7.654321', threePublicBudgetLastYear: '9.00', procurementBudget: '50.00', procurementActual: '' });
    expect(values.monthlyPayments).toHaveLength(12);
  });

  it('sends every amount exactly in 元, empty as null, months all or null', () => {
    const update = toOtherFiguresUpdate(typed({ carsBudget: '8', carsActual: '7.654321' }), null);
    expect(update).toMatchObject({ carsBudget: '80000.00', carsActual: '76543.21', overseasBudget: null, monthlyPayments: null, version: null });
    const months = Array.from({ length: 12 }, (_, index) => String(index + 1));
    expect(toOtherFiguresUpdate(typed({ monthlyPayments: months }), 2).monthlyPayments?.[11]).toBe('120000.00');
    expect(() => toOtherFiguresUpdate(typed({ monthlyPayments: ['1', ...Array(11).fill('')] }), 2)).toThrow();
  });

  it('checks months all-or-none and assets in use against the total', () => {
    expect(monthsComplete(Array(12).fill(''))).toBe(true);
    expect(monthsComplete(['1', ...Array(11).fill('')])).toBe(false);
    expect(crossFieldProblems(typed({ fixedAssetsTotal: '100', fixedAssetsInUse: '100.01' }))).toEqual({ fixedAssetsInUse: 'aboveTotal' });
    expect(crossFieldProblems(typed({ fixedAssetsTotal: '100', fixedAssetsInUse: '99' }))).toEqual({});
  });

  it('computes the 三公 totals only when complete, the utilisation rate and the year’s payments', () => {
    const partial = otherComputed(typed({ overseasBudget: '1', carsBudget: '2' }));
    expect(partial.threePublicBudget).toBeNull();
    const full = otherComputed(typed({ overseasBudget: '1', carsBudget: '2', receptionBudget: '0.5', fixedAssetsTotal: '200', fixedAssetsInUse: '150', monthlyPayments: ['1', '2', ...Array(10).fill('')] }));
    expect(full).toMatchObject({ threePublicBudget: '35000.00', utilisationRate: '75.00', monthlyTotal: '30000.00', monthsFilled: 2 });
  });
});
