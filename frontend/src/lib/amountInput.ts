import { WAN_MAX_DECIMALS, decimalPlaces, integerDigitCount, wanToYuan, yuanToWanExact } from './decimal';

/**
 * What people type as an amount in 万元, and its exact conversion to 元 for the API. Amounts are
 * typed in 万元 with up to 6 decimals (= 元 with 2 decimals, exactly).
 */

/** Largest accepted integer part of an amount in 万元 (10 digits: under 10^10 万元, i.e. 100 万亿元). */
export const WAN_MAX_INTEGER_DIGITS = 10;

export type AmountProblem = 'required' | 'format' | 'negative' | 'tooManyDecimals' | 'tooLarge';

/** Unsigned decimal as a person types it: "637.88", "0.5", "700". */
const WAN_INPUT_PATTERN = /^\d+(\.\d+)?$/;
const SIGNED_WAN_INPUT_PATTERN = /^-?\d+(\.\d+)?$/;
const NEGATIVE_PATTERN = /^-\s*\d+(\.\d+)?$/;

/** Normalises what was typed: trims, drops thousands separators and turns full-width digits/point/minus ASCII. */
export function normalizeAmountInput(raw: string | undefined | null): string {
  if (raw === undefined || raw === null) {
    return '';
  }
  return String(raw)
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－−–]/g, '-')
    .replace(/[,，\s]/g, '')
    .trim();
}

export interface AmountRules {
  /** Empty input is a problem ('required'); otherwise empty means "not provided" (null). */
  required?: boolean;
  /** Adjustments and variance explanations may be negative. */
  allowNegative?: boolean;
}

/** What is wrong with an amount in 万元, or null when it can be saved. */
export function checkWanAmount(raw: string | undefined | null, rules: AmountRules = {}): AmountProblem | null {
  const value = normalizeAmountInput(raw);
  if (value === '') {
    return rules.required ? 'required' : null;
  }
  if (!rules.allowNegative && NEGATIVE_PATTERN.test(value)) {
    return 'negative';
  }
  if (!(rules.allowNegative ? SIGNED_WAN_INPUT_PATTERN : WAN_INPUT_PATTERN).test(value)) {
    return 'format';
  }
  if (decimalPlaces(value) > WAN_MAX_DECIMALS) {
    return 'tooManyDecimals';
  }
  if (integerDigitCount(value) > WAN_MAX_INTEGER_DIGITS) {
    return 'tooLarge';
  }
  return null;
}

/** A required, non-negative amount (the 基本支出 slice's rule). */
export function validateWanAmount(raw: string | undefined | null): AmountProblem | null {
  return checkWanAmount(raw, { required: true });
}

/**
 * The 元 string to send for a typed 万元 amount: exact, 2 decimals; null for an empty optional field.
 * Throws on invalid input (validate first).
 */
export function wanInputToYuan(raw: string | undefined | null, rules: AmountRules = {}): string | null {
  const problem = checkWanAmount(raw, rules);
  if (problem !== null) {
    throw new Error(`Invalid amount "${raw ?? ''}": ${problem}`);
  }
  const value = normalizeAmountInput(raw);
  return value === '' ? null : wanToYuan(value);
}

/** Like wanInputToYuan, but undefined instead of throwing while the input is not valid (live previews). */
export function tryWanInputToYuan(raw: string | undefined | null, rules: AmountRules = {}): string | null | undefined {
  return checkWanAmount(raw, rules) === null ? wanInputToYuan(raw, rules) : undefined;
}

/** The form value for a stored 元 amount: 万元 without rounding (so saving again changes nothing); '' for null. */
export function yuanToWanInput(yuan: string | null | undefined): string {
  return yuan === null || yuan === undefined || yuan === '' ? '' : yuanToWanExact(yuan);
}
