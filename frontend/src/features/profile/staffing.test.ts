// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sampleSheet } from '../../test/sampleSheet';
import { changeFromLastYear, isValidCount, overAuthorized, toStaffingFormValues, toStaffingUpdate } from './staffing';

describe('超编 (staff in post over the authorised posts)', () => {
  it('is the number of persons over, from what is typed', () => {
    expect(overAuthorized(toStaffingFormValues(sampleSheet().staffing))).toBe(2);
    expect(overAuthorized({ authorizedPosts: 20, staffInPost: 20 })).toBeNull();
    expect(overAuthorized({ authorizedPosts: 20, staffInPost: 19 })).toBeNull();
    expect(overAuthorized({ authorizedPosts: 0, staffInPost: 1 })).toBe(1);
  });

  it('says nothing when either figure is missing', () => {
    expect(overAuthorized({ authorizedPosts: null, staffInPost: 22 })).toBeNull();
    expect(overAuthorized({ authorizedPosts: 20 })).toBeNull();
    expect(overAuthorized(undefined)).toBeNull();
  });
});

describe('change from last year', () => {
  it('compares with last year’s value', () => {
    expect(changeFromLastYear(22, 18)).toEqual({ kind: 'increase', lastYear: 18, count: 4 });
    expect(changeFromLastYear(3, 4)).toEqual({ kind: 'decrease', lastYear: 4, count: 1 });
    expect(changeFromLastYear(4, 4)).toEqual({ kind: 'same', lastYear: 4 });
    expect(changeFromLastYear(null, 4)).toEqual({ kind: 'lastOnly', lastYear: 4 });
    expect(changeFromLastYear(4, null)).toEqual({ kind: 'missing' });
  });
});

describe('staffing request', () => {
  it('sends whole numbers, null for empty, and the version read', () => {
    expect(toStaffingUpdate({ authorizedPosts: 20, staffInPost: 22, retirees: null }, 3)).toEqual({
      authorizedPosts: 20,
      staffInPost: 22,
      retiredSoldiers: null,
      temporaryStaff: null,
      secondedStaff: null,
      retirees: null,
      version: 3,
    });
    expect(() => toStaffingUpdate({ staffInPost: 2.5 }, null)).toThrow();
    expect(isValidCount(-1)).toBe(false);
    expect(isValidCount(0)).toBe(true);
  });
});
