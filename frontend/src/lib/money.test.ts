// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { EMPTY_VALUE, formatPercent, formatWan, formatWanValue } from './money';

describe('display helpers', () => {
  it('shows 元 amounts in 万元 with 2 decimals', () => {
    expect(formatWan('6991300.00')).toBe('699.13');
    expect(formatWan('612500.00')).toBe('61.25');
    expect(formatWan('-612500.00')).toBe('-61.25');
  });

  it('shows rates with 2 decimals and a percent sign', () => {
    expect(formatPercent('109.60')).toBe('109.60%');
    expect(formatPercent('109.6')).toBe('109.60%');
    expect(formatPercent('109.6049')).toBe('109.60%');
  });

  it('rounds 万元 values to 2 decimals', () => {
    expect(formatWanValue('61.245')).toBe('61.25');
  });

  it('shows a dash for absent values and passes odd text through', () => {
    expect(formatWan(null)).toBe(EMPTY_VALUE);
    expect(formatWan('')).toBe(EMPTY_VALUE);
    expect(formatPercent(undefined)).toBe(EMPTY_VALUE);
    expect(formatWan('n/a')).toBe('n/a');
  });
});
