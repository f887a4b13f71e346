// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  DecimalFormatError,
  decimalPlaces,
  formatScaled,
  integerDigitCount,
  isDecimal,
  parseDecimal,
  roundHalfUp,
  wanToYuan,
  yuanToWan,
  yuanToWanExact,
} from './decimal';

describe('parseDecimal / formatScaled', () => {
  it('parses sign, digits and scale', () => {
    expect(parseDecimal('637.88')).toEqual({ units: 63788n, scale: 2 });
    expect(parseDecimal('-0.005')).toEqual({ units: -5n, scale: 3 });
    expect(parseDecimal(' 12 ')).toEqual({ units: 12n, scale: 0 });
    expect(parseDecimal('+7.10')).toEqual({ units: 710n, scale: 2 });
  });

  it('rejects what is not a plain decimal', () => {
    for (const bad of ['', '.5', '5.', '1e3', '1,000', 'abc', '--1', '0x10', 'NaN', '1.2.3']) {
      expect(isDecimal(bad)).toBe(false);
      expect(() => parseDecimal(bad)).toThrow(DecimalFormatError);
    }
  });

  it('formats with padding and without a negative zero', () => {
    expect(formatScaled(5n, 2)).toBe('0.05');
    expect(formatScaled(-5n, 2)).toBe('-0.05');
    expect(formatScaled(0n, 2)).toBe('0.00');
    expect(formatScaled(123n, 0)).toBe('123');
  });

  it('counts decimals and integer digits', () => {
    expect(decimalPlaces('1.123456')).toBe(6);
    expect(decimalPlaces('10')).toBe(0);
    expect(integerDigitCount('0.5')).toBe(0);
    expect(integerDigitCount('00637.88')).toBe(3);
  });
});

describe('roundHalfUp', () => {
  it('rounds ties away from zero', () => {
    expect(roundHalfUp('109.605', 2)).toBe('109.61');
    expect(roundHalfUp('109.604999', 2)).toBe('109.60');
    expect(roundHalfUp('-61.245', 2)).toBe('-61.25');
    expect(roundHalfUp('-0.004', 2)).toBe('0.00');
    expect(roundHalfUp('0.995', 2)).toBe('1.00');
  });

  it('pads when widening', () => {
    expect(roundHalfUp('109.6', 2)).toBe('109.60');
    expect(roundHalfUp('7', 2)).toBe('7.00');
  });

  it('is exact where binary floating point is not', () => {
    // 1.005 is 1.00499999999999989... as a double, so toFixed(2) gives "1.00".
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(roundHalfUp('1.005', 2)).toBe('1.01');
  });
});

describe('wanToYuan (万元 → 元, exact)', () => {
  it('converts the sample figures', () => {
    expect(wanToYuan('637.88')).toBe('6378800.00');
    expect(wanToYuan('699.13')).toBe('6991300.00');
  });

  it('keeps all six decimals of 万元 as 元 and 分', () => {
    expect(wanToYuan('0.000001')).toBe('0.01');
    expect(wanToYuan('1.123456')).toBe('11234.56');
    expect(wanToYuan('12345678.9')).toBe('123456789000.00');
    expect(wanToYuan('0')).toBe('0.00');
  });

  it('handles amounts beyond Number.MAX_SAFE_INTEGER exactly', () => {
    expect(wanToYuan('9999999999.999999')).toBe('99999999999999.99');
    expect(wanToYuan('123456789012345.678901')).toBe('1234567890123456789.01');
  });

  it('refuses more than six decimals instead of rounding', () => {
    expect(() => wanToYuan('1.1234567')).toThrow(DecimalFormatError);
    expect(() => wanToYuan('abc')).toThrow(DecimalFormatError);
  });
});

describe('yuanToWan (元 → 万元, half-up)', () => {
  it('converts the sample figures', () => {
    expect(yuanToWan('6378800.00')).toBe('637.88');
    expect(yuanToWan('612500.00')).toBe('61.25');
  });

  it('rounds half-up at the 2nd decimal of 万元', () => {
    expect(yuanToWan('612450.00')).toBe('61.25');
    expect(yuanToWan('612449.99')).toBe('61.24');
    expect(yuanToWan('-612450.00')).toBe('-61.25');
    expect(yuanToWan('49.99')).toBe('0.00');
    expect(yuanToWan('50.00')).toBe('0.01');
  });

  it('supports other precisions', () => {
    expect(yuanToWan('6378812.34', 6)).toBe('637.881234');
    expect(yuanToWan('6378812.34', 0)).toBe('638');
  });
});

describe('yuanToWanExact', () => {
  it('drops only trailing zeros and keeps two decimals at least', () => {
    expect(yuanToWanExact('6378800.00')).toBe('637.88');
    expect(yuanToWanExact('6378812.30')).toBe('637.88123');
    expect(yuanToWanExact('10000.00')).toBe('1.00');
    expect(yuanToWanExact('0.01')).toBe('0.000001');
  });

  it('round-trips with wanToYuan', () => {
    for (const yuan of ['6378800.00', '0.01', '123456789.12', '99999999999999.99']) {
      expect(wanToYuan(yuanToWanExact(yuan))).toBe(yuan);
    }
  });
});
