import type { BudgetSheet, OtherFiguresUpdate } from '../../api/types';
import { checkWanAmount, tryWanInputToYuan, wanInputToYuan, yuanToWanInput } from '../../lib/amountInput';
import { compareDecimals, percentOf, sumDecimals } from '../../lib/decimal';

/** The single-value amount fields of the section, named as in the request. */
export const OTHER_AMOUNT_FIELDS = [
  'overseasBudget',
  'overseasActual',
  'carsBudget',
  'carsActual',
  'receptionBudget',
  'receptionActual',
  'threePublicBudgetLastYear',
  'procurementBudget',
  'procurementActual',
  'carryOver',
  'carryOverLastYear',
  'fixedAssetsTotal',
  'fixedAssetsInUse',
] as const;

export type OtherAmountField = (typeof OTHER_AMOUNT_FIELDS)[number];

export const MONTHS = 12;

/** The form's values: every amount in 万元 as typed, optional; 12 monthly payments. */
export type OtherFiguresFormValues = Record<OtherAmountField, string> & { monthlyPayments: string[] };

function emptyMonths(): string[] {
  return Array.from({ length: MONTHS }, () => '');
}

/** Form values from the sheet (元 → 万元 exactly; null → empty). */
export function toOtherFormValues(sheet: BudgetSheet | null | undefined): OtherFiguresFormValues {
  const tp = sheet?.threePublic;
  const values: OtherFiguresFormValues = {
    overseasBudget: yuanToWanInput(tp?.overseasBudget),
    overseasActual: yuanToWanInput(tp?.overseasActual),
    carsBudget: yuanToWanInput(tp?.carsBudget),
    carsActual: yuanToWanInput(tp?.carsActual),
    receptionBudget: yuanToWanInput(tp?.receptionBudget),
    receptionActual: yuanToWanInput(tp?.receptionActual),
    threePublicBudgetLastYear: yuanToWanInput(tp?.budgetLastYear),
    procurementBudget: yuanToWanInput(sheet?.procurement?.budgetOrCurrent),
    procurementActual: yuanToWanInput(sheet?.procurement?.actualOrPrevious),
    carryOver: yuanToWanInput(sheet?.carryOver?.budgetOrCurrent),
    carryOverLastYear: yuanToWanInput(sheet?.carryOver?.actualOrPrevious),
    fixedAssetsTotal: yuanToWanInput(sheet?.assets?.total),
    fixedAssetsInUse: yuanToWanInput(sheet?.assets?.inUse),
    monthlyPayments: sheet?.monthlyPayments ? sheet.monthlyPayments.map((month) => yuanToWanInput(month)) : emptyMonths(),
  };
  while (values.monthlyPayments.length < MONTHS) values.monthlyPayments.push('');
  return values;
}

/** The version to send: the section is one row, saved or not (threePublic null = never saved). */
export function otherFiguresVersion(sheet: BudgetSheet | null | undefined): number | null {
  return sheet?.threePublic?.version ?? null;
}

/** How many months are filled in. */
export function filledMonths(months: readonly (string | undefined)[] | undefined): number {
  return (months ?? []).filter((month) => (month ?? '').trim() !== '').length;
}

/** Months must be all filled in or all empty. */
export function monthsComplete(months: readonly (string | undefined)[] | undefined): boolean {
  const filled = filledMonths(months);
  return filled === 0 || filled === MONTHS;
}

/** Problems of the whole form beyond single fields: in-use assets above the total, months half filled. */
export function crossFieldProblems(values: Partial<OtherFiguresFormValues>): { fixedAssetsInUse?: 'aboveTotal'; monthlyPayments?: 'incomplete' } {
  const problems: { fixedAssetsInUse?: 'aboveTotal'; monthlyPayments?: 'incomplete' } = {};
  const total = tryWanInputToYuan(values.fixedAssetsTotal);
  const inUse = tryWanInputToYuan(values.fixedAssetsInUse);
  if (total && inUse && compareDecimals(inUse, total) > 0) {
    problems.fixedAssetsInUse = 'aboveTotal';
  }
  if (!monthsComplete(values.monthlyPayments)) {
    problems.monthlyPayments = 'incomplete';
  }
  return problems;
}

/** The PUT body: every amount exactly in 元 (null = not provided), months all or null. */
export function toOtherFiguresUpdate(values: OtherFiguresFormValues, version: number | null): OtherFiguresUpdate {
  for (const field of OTHER_AMOUNT_FIELDS) {
    const problem = checkWanAmount(values[field]);
    if (problem !== null) throw new Error(`Invalid ${field}: ${problem}`);
  }
  if (!monthsComplete(values.monthlyPayments)) {
    throw new Error('Monthly payments must be all filled in or all empty');
  }
  const amounts = Object.fromEntries(OTHER_AMOUNT_FIELDS.map((field) => [field, wanInputToYuan(values[field])])) as Record<
    OtherAmountField,
    string | null
  >;
  const months =
    filledMonths(values.monthlyPayments) === MONTHS ? values.monthlyPayments.map((month) => wanInputToYuan(month)!) : null;
  return { ...amounts, monthlyPayments: months, version };
}

/** Sum in 元 of typed amounts; null unless every one is filled in and valid (a partial sum is no total). */
export function sumIfComplete(values: readonly (string | undefined)[]): string | null {
  const yuan = values.map((value) => tryWanInputToYuan(value));
  if (yuan.some((value) => value === undefined || value === null)) {
    return null;
  }
  return sumDecimals(yuan as string[]);
}

/** Live figures of the form: 三公 totals, asset utilisation, the year's payments. */
export function otherComputed(values: Partial<OtherFiguresFormValues> | undefined) {
  const v = values ?? {};
  const assetsTotal = tryWanInputToYuan(v.fixedAssetsTotal);
  const assetsInUse = tryWanInputToYuan(v.fixedAssetsInUse);
  const months = v.monthlyPayments ?? [];
  const paid = months.map((month) => tryWanInputToYuan(month)).filter((month): month is string => typeof month === 'string');
  return {
    threePublicBudget: sumIfComplete([v.overseasBudget, v.carsBudget, v.receptionBudget]),
    threePublicActual: sumIfComplete([v.overseasActual, v.carsActual, v.receptionActual]),
    utilisationRate: assetsTotal && assetsInUse ? percentOf(assetsInUse, assetsTotal) : null,
    monthlyTotal: paid.length > 0 ? sumDecimals(paid) : null,
    monthsFilled: filledMonths(months),
  };
}
