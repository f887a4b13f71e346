import { afterEach, describe, expect, it } from 'vitest';
import {
  draftKey,
  flushDrafts,
  keepDraftsAndLogin,
  loadDraft,
  registerDraftSource,
  removeDraft,
  sameFormValues,
  saveDraft,
} from './drafts';

const key = draftKey({ user: 'zfw', departmentId: 'd1', fiscalYear: 2020, form: 'basic-expenditure' });

afterEach(() => window.sessionStorage.clear());

describe('form drafts', () => {
  it('keys by user, department, year and form', () => {
    expect(key).toBe('jixiao.draft.zfw|d1|2020|basic-expenditure');
    expect(draftKey({ user: 'jyj', departmentId: 'd1', fiscalYear: 2020, form: 'basic-expenditure' })).not.toBe(key);
    expect(draftKey({ user: 'zfw', departmentId: 'd1', fiscalYear: 2021, form: 'basic-expenditure' })).not.toBe(key);
    expect(draftKey({ user: 'zfw', departmentId: 'd1', fiscalYear: 2020, form: 'narrative' })).not.toBe(key);
    // A "|" inside a part cannot make two keys collide.
    expect(draftKey({ user: 'a|b', departmentId: 'c', fiscalYear: 1, form: 'f' })).not.toBe(
      draftKey({ user: 'a', departmentId: 'b|c', fiscalYear: 1, form: 'f' }),
    );
  });

  it('saves, loads and removes; drops what it cannot read', () => {
    expect(loadDraft(key)).toBeNull();
    expect(saveDraft(key, { budget: '637.88' }, new Date('2021-01-25T08:00:00Z'))).toBe(true);
    expect(loadDraft(key)).toEqual({ savedAt: '2021-01-25T08:00:00.000Z', values: { budget: '637.88' } });
    removeDraft(key);
    expect(loadDraft(key)).toBeNull();
    window.sessionStorage.setItem(key, '{not json');
    expect(loadDraft(key)).toBeNull();
    expect(window.sessionStorage.getItem(key)).toBeNull();
  });

  it('writes only the mounted forms that have unsaved input, before going to the login page', () => {
    let basic: unknown = { budget: '637.88', actual: '699.13' };
    const other = draftKey({ user: 'zfw', departmentId: 'd1', fiscalYear: 2020, form: 'narrative' });
    const unregisterBasic = registerDraftSource(key, () => basic);
    const unregisterNarrative = registerDraftSource(other, () => null);
    const order: string[] = [];

    keepDraftsAndLogin(() => {
      order.push(window.sessionStorage.getItem(key) ? 'draft saved' : 'draft missing');
      order.push('login');
    });
    expect(order).toEqual(['draft saved', 'login']);
    expect(loadDraft(key)?.values).toEqual({ budget: '637.88', actual: '699.13' });
    expect(loadDraft(other)).toBeNull();

    basic = { budget: '640.00' };
    expect(flushDrafts()).toBe(1);
    expect(loadDraft(key)?.values).toEqual({ budget: '640.00' });

    unregisterBasic();
    unregisterNarrative();
    window.sessionStorage.clear();
    expect(flushDrafts()).toBe(0);
    expect(loadDraft(key)).toBeNull();
  });

  it('compares form values as typed: blank, null and missing are equal', () => {
    expect(sameFormValues({ budget: '637.88', actual: '' }, { budget: ' 637.88 ', actual: undefined })).toBe(true);
    expect(sameFormValues({ budget: '637.88' }, { budget: '637.89' })).toBe(false);
    expect(sameFormValues({ budget: '1', extra: null }, { budget: '1' })).toBe(true);
  });
});
