/**
 * Exact decimal-string arithmetic for money. Amounts travel as strings ("6378800.00" 元) and are
 * handled here as a BigInt count of units at a given scale (value = units / 10^scale), never as
 * JavaScript numbers. Rounding is half-up (away from zero on a tie), like Java's RoundingMode.HALF_UP.
 */

export interface ScaledDecimal {
  /** The value times 10^scale. */
  readonly units: bigint;
  /** Number of digits after the decimal point. */
  readonly scale: number;
}

export class DecimalFormatError extends Error {
  constructor(readonly input: string) {
    super(`Not a decimal number: "${input}"`);
    this.name = 'DecimalFormatError';
  }
}

/** An optional sign, digits, and optionally a point followed by digits ("12", "-0.5", "637.88"). */
const DECIMAL_PATTERN = /^([+-]?)(\d+)(?:\.(\d+))?$/;

const TEN = 10n;

function pow10(exponent: number): bigint {
  return TEN ** BigInt(exponent);
}

export function isDecimal(text: string): boolean {
  return DECIMAL_PATTERN.test(text.trim());
}

export function parseDecimal(text: string): ScaledDecimal {
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (!match) {
    throw new DecimalFormatError(text);
  }
  const [, sign, integerDigits, fractionDigits = ''] = match;
  const magnitude = BigInt(`${integerDigits}${fractionDigits}`);
  return { units: sign === '-' ? -magnitude : magnitude, scale: fractionDigits.length };
}

/** Renders units / 10^scale with exactly `scale` decimals; zero never gets a minus sign. */
export function formatScaled(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const integerPart = digits.slice(0, digits.length - scale);
  const fractionPart = digits.slice(digits.length - scale);
  const body = scale > 0 ? `${integerPart}.${fractionPart}` : integerPart;
  return negative ? `-${body}` : body;
}

/** Divides by a power of ten, rounding half-up (ties away from zero). */
function divideHalfUp(units: bigint, divisor: bigint): bigint {
  const negative = units < 0n;
  const magnitude = negative ? -units : units;
  let quotient = magnitude / divisor;
  const remainder = magnitude % divisor;
  if (remainder * 2n >= divisor) {
    quotient += 1n;
  }
  return negative ? -quotient : quotient;
}

/** Brings a decimal to `scale` digits: exact when widening, half-up when narrowing. */
export function rescaleHalfUp(value: ScaledDecimal, scale: number): bigint {
  if (scale >= value.scale) {
    return value.units * pow10(scale - value.scale);
  }
  return divideHalfUp(value.units, pow10(value.scale - scale));
}

/** Rounds a decimal string half-up to exactly `decimals` decimals ("109.605" → "109.61"). */
export function roundHalfUp(text: string, decimals: number): string {
  return formatScaled(rescaleHalfUp(parseDecimal(text), decimals), decimals);
}

/** Moves the decimal point: value × 10^shift (shift may be negative), exactly. */
function shiftPoint(value: ScaledDecimal, shift: number): ScaledDecimal {
  if (shift >= 0) {
    const scale = Math.max(value.scale - shift, 0);
    const units = value.units * pow10(shift - (value.scale - scale));
    return { units, scale };
  }
  return { units: value.units, scale: value.scale - shift };
}

/** Drops trailing zero decimals, keeping at least `minDecimals`. */
function trimScale(value: ScaledDecimal, minDecimals: number): ScaledDecimal {
  let { units, scale } = value;
  while (scale > minDecimals && units % TEN === 0n) {
    units /= TEN;
    scale -= 1;
  }
  if (scale < minDecimals) {
    units *= pow10(minDecimals - scale);
    scale = minDecimals;
  }
  return { units, scale };
}

export const WAN_MAX_DECIMALS = 6;
const YUAN_PER_WAN_EXPONENT = 4;

/**
 * 万元 → 元 with exactly 2 decimals ("637.88" → "6378800.00"). Exact: 6 decimals of 万元 are
 * 2 decimals of 元 (分). Throws on more than 6 decimals, which would need rounding.
 */
export function wanToYuan(wan: string): string {
  const value = parseDecimal(wan);
  if (value.scale > WAN_MAX_DECIMALS) {
    throw new DecimalFormatError(wan);
  }
  const shifted = shiftPoint(value, YUAN_PER_WAN_EXPONENT);
  return formatScaled(rescaleHalfUp(shifted, 2), 2);
}

/** 元 → 万元 rounded half-up to `decimals` decimals ("6378800.00" → "637.88"). */
export function yuanToWan(yuan: string, decimals = 2): string {
  const shifted = shiftPoint(parseDecimal(yuan), -YUAN_PER_WAN_EXPONENT);
  return formatScaled(rescaleHalfUp(shifted, decimals), decimals);
}

/**
 * 元 → 万元 without any rounding, trailing zeros trimmed down to `minDecimals`
 * ("6378812.30" → "637.88123"): what a form shows so that saving it again changes nothing.
 */
export function yuanToWanExact(yuan: string, minDecimals = 2): string {
  const shifted = shiftPoint(parseDecimal(yuan), -YUAN_PER_WAN_EXPONENT);
  const trimmed = trimScale(shifted, minDecimals);
  return formatScaled(trimmed.units, trimmed.scale);
}

/** Number of digits after the decimal point of a decimal string. */
export function decimalPlaces(text: string): number {
  return parseDecimal(text).scale;
}

/** Digits before the decimal point, ignoring sign and leading zeros ("0.5" → 0, "637.88" → 3). */
export function integerDigitCount(text: string): number {
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (!match) {
    throw new DecimalFormatError(text);
  }
  const integerDigits = (match[2] ?? '').replace(/^0+/, '');
  return integerDigits.length;
}

/** Brings two decimals to a common scale. */
function align(a: ScaledDecimal, b: ScaledDecimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [rescaleHalfUp(a, scale), rescaleHalfUp(b, scale), scale];
}

/** Exact sum of decimal strings, at the largest scale among them (at least `minScale`). */
export function sumDecimals(values: readonly string[], minScale = 2): string {
  let total: ScaledDecimal = { units: 0n, scale: minScale };
  for (const value of values) {
    const [x, y, scale] = align(total, parseDecimal(value));
    total = { units: x + y, scale };
  }
  return formatScaled(total.units, total.scale);
}

/** Exact a − b. */
export function subtractDecimals(a: string, b: string, minScale = 2): string {
  const [x, y, scale] = align(parseDecimal(a), parseDecimal(b));
  const target = Math.max(scale, minScale);
  return formatScaled(rescaleHalfUp({ units: x - y, scale }, target), target);
}

/** −1, 0 or 1 as a is less than, equal to or greater than b (exact). */
export function compareDecimals(a: string, b: string): number {
  const [x, y] = align(parseDecimal(a), parseDecimal(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isZeroDecimal(value: string): boolean {
  return parseDecimal(value).units === 0n;
}

/**
 * numerator / denominator in percent, rounded half-up to `decimals` ("699.13" / "637.88" → "109.60").
 * Null when the denominator is zero: a rate of nothing is missing, not 0% or 100%.
 */
export function percentOf(numerator: string, denominator: string, decimals = 2): string | null {
  const [x, y] = align(parseDecimal(numerator), parseDecimal(denominator));
  if (y === 0n) {
    return null;
  }
  const negative = x < 0n !== y < 0n && x !== 0n;
  const scaled = (x < 0n ? -x : x) * 100n * pow10(decimals);
  const units = divideHalfUp(scaled, y < 0n ? -y : y);
  return formatScaled(negative ? -units : units, decimals);
}
