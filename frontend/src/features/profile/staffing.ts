import type { Staffing, StaffingUpdate } from '../../api/types';

export const STAFFING_FIELDS = [
  'authorizedPosts',
  'staffInPost',
  'retiredSoldiers',
  'temporaryStaff',
  'secondedStaff',
  'retirees',
] as const;

export type StaffingField = (typeof STAFFING_FIELDS)[number];

/** Head counts as the form holds them (InputNumber: a number, or null when empty). */
export type StaffingFormValues = Record<StaffingField, number | null>;

export function toStaffingFormValues(staffing: Staffing | null | undefined): StaffingFormValues {
  return Object.fromEntries(STAFFING_FIELDS.map((field) => [field, staffing?.[field] ?? null])) as StaffingFormValues;
}

/** A head count is a whole number, 0 or more; empty (null) = not provided. */
export function isValidCount(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (typeof value === 'number' && Number.isInteger(value) && value >= 0);
}

export function toStaffingUpdate(values: Partial<StaffingFormValues>, version: number | null): StaffingUpdate {
  const counts = Object.fromEntries(
    STAFFING_FIELDS.map((field) => {
      const value = values[field];
      if (!isValidCount(value)) throw new Error(`Invalid ${field}: ${String(value)}`);
      return [field, value === undefined || value === null ? null : value];
    }),
  ) as Record<StaffingField, number | null>;
  return { ...counts, version };
}

/**
 * Staff in post above the authorised posts (超编), live from the typed values: the number of persons
 * over, or null when within the posts or when either figure is missing.
 */
export function overAuthorized(values: Partial<StaffingFormValues> | undefined): number | null {
  const posts = values?.authorizedPosts;
  const staff = values?.staffInPost;
  if (typeof posts !== 'number' || typeof staff !== 'number') {
    return null;
  }
  return staff > posts ? staff - posts : null;
}

export type YearChange =
  | { kind: 'missing' }
  | { kind: 'same' | 'lastOnly'; lastYear: number }
  | { kind: 'increase' | 'decrease'; lastYear: number; count: number };

/** This year against last year's value (e.g. 22 vs 18: increase by 4). */
export function changeFromLastYear(current: number | null | undefined, lastYear: number | null | undefined): YearChange {
  if (lastYear === null || lastYear === undefined) {
    return { kind: 'missing' };
  }
  if (current === null || current === undefined) {
    return { kind: 'lastOnly', lastYear };
  }
  if (current === lastYear) {
    return { kind: 'same', lastYear };
  }
  return current > lastYear
    ? { kind: 'increase', lastYear, count: current - lastYear }
    : { kind: 'decrease', lastYear, count: lastYear - current };
}
