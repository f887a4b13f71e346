import dayjs from 'dayjs';
import { EMPTY_VALUE, formatWan } from '../../lib/money';

/** Audited fields whose values are money in 元 (shown in 万元). */
export const MONEY_FIELDS: ReadonlySet<string> = new Set([
  'budget',
  'actual',
  'personnelActual',
  'subsidiesActual',
  'publicFundsActual',
  'publicFundsBudget',
  'adjustment',
  'actualOwn',
  'actualDirect',
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
]);

/** Audited yes/no fields. */
const BOOLEAN_FIELDS: ReadonlySet<string> = new Set(['keyProject']);

/** An audited value as a clerk reads it: money in 万元, yes/no translated, "—" for none. */
export function formatAuditValue(field: string, value: string | null, yesNo?: (value: boolean) => string): string {
  if (value === null || value === '' || value === '[]') {
    return EMPTY_VALUE;
  }
  if (MONEY_FIELDS.has(field)) {
    return formatWan(value);
  }
  if (BOOLEAN_FIELDS.has(field) && yesNo && (value === 'true' || value === 'false')) {
    return yesNo(value === 'true');
  }
  return value;
}

export function formatTimestamp(at: string): string {
  const parsed = dayjs(at);
  return parsed.isValid() ? parsed.format('YYYY-MM-DD HH:mm:ss') : at;
}
