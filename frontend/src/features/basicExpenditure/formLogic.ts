import type { BasicExpenditure, BasicExpenditureUpdate } from '../../api/types';
import {
  WAN_MAX_DECIMALS,
  decimalPlaces,
  formatScaled,
  integerDigitCount,
  parseDecimal,
  rescaleHalfUp,
  wanToYuan,
  yuanToWanExact,
} from '../../lib/decimal';

/** The form's values: amounts in 万元 as typed. */
export interface BasicExpenditureFormValues {
  budget: string;
  actual: string;
}

export type AmountField = keyof BasicExpenditureFormValues;

export const AMOUNT_FIELDS: readonly AmountField[] = ['budget', 'actual'];

/** Largest accepted integer part of an amount in 万元 (10 digits: under 10^10 万元, i.e. 100 万亿元). */
export const WAN_MAX_INTEGER_DIGITS = 10;

export type AmountProblem = 'required' | 'format' | 'negative' | 'tooManyDecimals' | 'tooLarge';

/** Unsigned decimal as a person types it: "637.88", "0.5", "700". */
const WAN_INPUT_PATTERN = /^\d+(\.\d+)?$/;
const NEGATIVE_PATTERN = /^-\s*\d+(\.\d+)?$/;

/** Normalises what was typed: trims, drops thousands separators and turns full-width digits/point ASCII. */
export function normalizeAmountInput(raw: string | undefined | null): string {
  if (raw === undefined || raw === null) {
    return '';
  }
  return raw
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－]/g, '-')
    .replace(/[,，\s]/g, '')
    .trim();
}

/** What is wrong with an amount in 万元, or null when it can be saved. */
export function validateWanAmount(raw: string | undefined | null): AmountProblem | null {
  const value = normalizeAmountInput(raw);
  if (value === '') {
    return 'required';
  }
  if (NEGATIVE_PATTERN.test(value)) {
    return 'negative';
  }
  if (!WAN_INPUT_PATTERN.test(value)) {
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

/** 元 preview of a typed amount, or undefined while it is not valid. */
export function yuanPreview(raw: string | undefined | null): string | undefined {
  return validateWanAmount(raw) === null ? wanToYuan(normalizeAmountInput(raw)) : undefined;
}

/** The PUT body: 万元 converted exactly to 元 strings with 2 decimals, plus the version read. */
export function toUpdateRequest(
  values: BasicExpenditureFormValues,
  version: number | null,
): BasicExpenditureUpdate {
  for (const field of AMOUNT_FIELDS) {
    const problem = validateWanAmount(values[field]);
    if (problem !== null) {
      throw new Error(`Invalid ${field}: ${problem}`);
    }
  }
  return {
    budget: wanToYuan(normalizeAmountInput(values.budget)),
    actual: wanToYuan(normalizeAmountInput(values.actual)),
    version,
  };
}

/** Form values for stored figures: 元 → 万元 without rounding, so re-saving changes nothing. */
export function toFormValues(data: BasicExpenditure | null | undefined): BasicExpenditureFormValues {
  if (!data) {
    return { budget: '', actual: '' };
  }
  return { budget: yuanToWanExact(data.budget), actual: yuanToWanExact(data.actual) };
}

/** True when the typed values equal the stored ones (in 元). */
export function isUnchanged(values: BasicExpenditureFormValues, data: BasicExpenditure | null | undefined): boolean {
  if (!data) {
    return false;
  }
  const budget = yuanPreview(values.budget);
  const actual = yuanPreview(values.actual);
  return budget !== undefined && actual !== undefined && budget === toCents(data.budget) && actual === toCents(data.actual);
}

function toCents(yuan: string): string {
  // Stored amounts are 元 with 2 decimals; normalise to exactly 2 to compare as strings.
  return formatScaled(rescaleHalfUp(parseDecimal(yuan), 2), 2);
}

/** Maps a server field name (budget, actual, or e.g. "basicExpenditure.budget") to a form field. */
export function formFieldFor(serverField: string): AmountField | undefined {
  const last = serverField.split(/[.[\]/]/).filter(Boolean).pop();
  return AMOUNT_FIELDS.find((field) => field === last);
}
