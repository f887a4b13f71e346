// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkWanAmount, normalizeAmountInput, tryWanInputToYuan, wanInputToYuan, yuanToWanInput } from './amountInput';
import { compareDecimals, isZeroDecimal, percentOf, subtractDecimals, sumDecimals } from './decimal';

describe('checkWanAmount', () => {
  it('treats empty as not provided unless required', () => {
    expect(checkWanAmount('')).toBeNull();
    expect(checkWanAmount('  ', { required: true })).toBe('required');
  });

  it('accepts negative amounts only where allowed', () => {
    expect(checkWanAmount('-6.9')).toBe('negative');
    expect(checkWanAmount('-6.9', { allowNegative: true })).toBeNull();
    expect(checkWanAmount('−6.9', { allowNegative: true })).toBeNull();
    expect(checkWanAmount('--6.9', { allowNegative: true })).toBe('format');
    expect(checkWanAmount('-0.0000001', { allowNegative: true })).toBe('tooManyDecimals');
  });
});

describe('万元 input ↔ 元', () => {
  it('converts exactly, keeping the sign, null for empty', () => {
    expect(wanInputToYuan('5.28')).toBe('52800.00');
    expect(wanInputToYuan('-6.9', { allowNegative: true })).toBe('-69000.00');
    expect(wanInputToYuan('')).toBeNull();
    expect(() => wanInputToYuan('', { required: true })).toThrow();
    expect(tryWanInputToYuan('abc')).toBeUndefined();
    expect(normalizeAmountInput('－１２．５')).toBe('-12.5');
  });

  it('shows stored 元 as 万元 without rounding, empty for null', () => {
    expect(yuanToWanInput('-69000.00')).toBe('-6.90');
    expect(yuanToWanInput('12.34')).toBe('0.001234');
    expect(yuanToWanInput(null)).toBe('');
  });
});

describe('exact decimal arithmetic', () => {
  it('sums, subtracts and compares without floating point', () => {
    expect(sumDecimals(['0.10', '0.20'])).toBe('0.30');
    expect(sumDecimals(['6095200.00', '557900.00', '338100.00'])).toBe('6991200.00');
    expect(sumDecimals([])).toBe('0.00');
    expect(subtractDecimals('6991300.00', '6991200.00')).toBe('100.00');
    expect(subtractDecimals('774100.00', '775200.00')).toBe('-1100.00');
    expect(compareDecimals('109.6', '109.60')).toBe(0);
    expect(compareDecimals('-1', '0')).toBe(-1);
    expect(isZeroDecimal('-0.00')).toBe(true);
  });

  it('computes percentages half-up, null for a zero denominator', () => {
    expect(percentOf('6991300.00', '6378800.00')).toBe('109.60');
    expect(percentOf('12314100.00', '11540000.00')).toBe('106.71');
    expect(percentOf('2978900.00', '2980000.00')).toBe('99.96');
    expect(percentOf('1', '8')).toBe('12.50');
    expect(percentOf('-1', '8')).toBe('-12.50');
    expect(percentOf('5', '0')).toBeNull();
  });
});
