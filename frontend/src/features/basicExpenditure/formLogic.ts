import type { BasicExpenditure, BasicExpenditureUpdate } from '../../api/types';
import {
  checkWanAmount,
  normalizeAmountInput,
  tryWanInputToYuan,
  validateWanAmount,
  wanInputToYuan,
  yuanToWanInput,
} from '../../lib/amountInput';
import { compareDecimals, formatScaled, parseDecimal, rescaleHalfUp, subtractDecimals, sumDecimals, wanToYuan } from '../../lib/decimal';

export {
  WAN_MAX_INTEGER_DIGITS,
  normalizeAmountInput,
  validateWanAmount,
  type AmountProblem,
} from '../../lib/amountInput';

/** The form's values: amounts in 万元 as typed. The parts and the public-funds budget are optional. */
export interface BasicExpenditureFormValues {
  budget: string;
  actual: string;
  personnelActual?: string;
  subsidiesActual?: string;
  publicFundsActual?: string;
  publicFundsBudget?: string;
}

export type AmountField = keyof BasicExpenditureFormValues;

/** Budget and actual: required. */
export const REQUIRED_FIELDS: readonly AmountField[] = ['budget', 'actual'];
/** The three parts of the actual (工资福利, 对个人和家庭的补助, 公用经费). */
export const PART_FIELDS: readonly AmountField[] = ['personnelActual', 'subsidiesActual', 'publicFundsActual'];
export const AMOUNT_FIELDS: readonly AmountField[] = [...REQUIRED_FIELDS, ...PART_FIELDS, 'publicFundsBudget'];

export function isRequiredField(field: AmountField): boolean {
  return REQUIRED_FIELDS.includes(field);
}

/** What is wrong with one field's value, or null. */
export function checkField(field: AmountField, raw: string | undefined | null) {
  return checkWanAmount(raw, { required: isRequiredField(field) });
}

/** 元 preview of a typed amount, or undefined while it is empty or not valid. */
export function yuanPreview(raw: string | undefined | null): string | undefined {
  return validateWanAmount(raw) === null ? wanToYuan(normalizeAmountInput(raw)) : undefined;
}

/** The PUT body: 万元 converted exactly to 元 strings with 2 decimals (null = not provided), plus the version read. */
export function toUpdateRequest(values: BasicExpenditureFormValues, version: number | null): BasicExpenditureUpdate {
  for (const field of AMOUNT_FIELDS) {
    const problem = checkField(field, values[field]);
    if (problem !== null) {
      throw new Error(`Invalid ${field}: ${problem}`);
    }
  }
  return {
    budget: wanInputToYuan(values.budget, { required: true })!,
    actual: wanInputToYuan(values.actual, { required: true })!,
    personnelActual: wanInputToYuan(values.personnelActual),
    subsidiesActual: wanInputToYuan(values.subsidiesActual),
    publicFundsActual: wanInputToYuan(values.publicFundsActual),
    publicFundsBudget: wanInputToYuan(values.publicFundsBudget),
    version,
  };
}

/** Form values for stored figures: 元 → 万元 without rounding, so re-saving changes nothing. */
export function toFormValues(data: BasicExpenditure | null | undefined): BasicExpenditureFormValues {
  if (!data) {
    return { budget: '', actual: '', personnelActual: '', subsidiesActual: '', publicFundsActual: '', publicFundsBudget: '' };
  }
  return {
    budget: yuanToWanInput(data.budget),
    actual: yuanToWanInput(data.actual),
    personnelActual: yuanToWanInput(data.personnelActual),
    subsidiesActual: yuanToWanInput(data.subsidiesActual),
    publicFundsActual: yuanToWanInput(data.publicFundsActual),
    publicFundsBudget: yuanToWanInput(data.publicFundsBudget),
  };
}

/** True when the typed values equal the stored ones (in 元). */
export function isUnchanged(values: BasicExpenditureFormValues, data: BasicExpenditure | null | undefined): boolean {
  if (!data) {
    return false;
  }
  return AMOUNT_FIELDS.every((field) => {
    const typed = tryWanInputToYuan(values[field], { required: isRequiredField(field) });
    if (typed === undefined) {
      return false;
    }
    const stored = data[field] ?? null;
    return typed === null || stored === null ? typed === stored : typed === toCents(stored);
  });
}

function toCents(yuan: string): string {
  // Stored amounts are 元 with 2 decimals; normalise to exactly 2 to compare as strings.
  return formatScaled(rescaleHalfUp(parseDecimal(yuan), 2), 2);
}

export interface PartsCheck {
  /** The actual in 元. */
  actual: string;
  /** Sum of the three parts in 元. */
  partsSum: string;
  /** actual − parts sum in 元 ("0.00" when they agree). */
  difference: string;
  agrees: boolean;
}

/**
 * The three parts of the actual against the actual, live from the typed values. Undefined while the
 * actual or any part is empty or invalid: a partial sum would look like a real total.
 */
export function checkParts(values: Partial<BasicExpenditureFormValues> | undefined): PartsCheck | undefined {
  if (!values) return undefined;
  const actual = tryWanInputToYuan(values.actual, { required: true });
  const parts = PART_FIELDS.map((field) => tryWanInputToYuan(values[field]));
  if (actual === undefined || actual === null || parts.some((part) => part === undefined || part === null)) {
    return undefined;
  }
  const partsSum = sumDecimals(parts as string[]);
  const difference = subtractDecimals(actual, partsSum);
  return { actual, partsSum, difference, agrees: compareDecimals(difference, '0') === 0 };
}

/** Maps a server field name (budget, actual, or e.g. "basicExpenditure.budget") to a form field. */
export function formFieldFor(serverField: string): AmountField | undefined {
  const last = serverField.split(/[.[\]/]/).filter(Boolean).pop();
  return AMOUNT_FIELDS.find((field) => field === last);
}
