import { isDecimal, roundHalfUp, yuanToWan } from './decimal';

/** Placeholder shown where a value is absent. */
export const EMPTY_VALUE = '—';

/** 元 decimal string → "637.88" (万元, 2 decimals, half-up). Non-decimal input is shown as is. */
export function formatWan(yuan: string | null | undefined): string {
  if (yuan === null || yuan === undefined || yuan.trim() === '') {
    return EMPTY_VALUE;
  }
  return isDecimal(yuan) ? yuanToWan(yuan, 2) : yuan;
}

/** An amount already in 万元 → 2 decimals, half-up. */
export function formatWanValue(wan: string | null | undefined): string {
  if (wan === null || wan === undefined || wan.trim() === '') {
    return EMPTY_VALUE;
  }
  return isDecimal(wan) ? roundHalfUp(wan, 2) : wan;
}

/** Percent decimal string ("109.6") → "109.60%". */
export function formatPercent(rate: string | null | undefined): string {
  if (rate === null || rate === undefined || rate.trim() === '') {
    return EMPTY_VALUE;
  }
  return isDecimal(rate) ? `${roundHalfUp(rate, 2)}%` : rate;
}
