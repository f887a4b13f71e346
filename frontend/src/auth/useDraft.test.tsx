import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { AuthContext } from './AuthContext';
import { draftKey, flushDrafts, loadDraft, saveDraft } from './drafts';
import { useDraft } from './useDraft';

type Values = { budget: string };

function wrapperFor(username: string) {
  return ({ children }: { children: ReactNode }) => (
    <AuthContext.Provider value={{ user: { username, displayName: username, roles: ['department'] }, logout: () => undefined }}>
      {children}
    </AuthContext.Provider>
  );
}

const key = draftKey({ user: 'zfw', departmentId: 'd1', fiscalYear: 2020, form: 'basic-expenditure' });

afterEach(() => window.sessionStorage.clear());

describe('useDraft', () => {
  it('has nothing to restore at first; tracked input is written only when the session ends', () => {
    const { result, unmount } = renderHook(() => useDraft<Values>('basic-expenditure', 'd1', 2020), { wrapper: wrapperFor('zfw') });
    expect(result.current.restored).toBeNull();
    act(() => result.current.track({ budget: '637.88' }));
    expect(loadDraft(key)).toBeNull();
    expect(flushDrafts()).toBe(1);
    expect(loadDraft<Values>(key)?.values).toEqual({ budget: '637.88' });
    unmount();
    // Unmounted forms are not asked any more.
    window.sessionStorage.clear();
    expect(flushDrafts()).toBe(0);
  });

  it('restores the draft of the same user, department, year and form, and clears it', () => {
    saveDraft(key, { budget: '637.88' });
    const other = renderHook(() => useDraft<Values>('basic-expenditure', 'd1', 2020), { wrapper: wrapperFor('jyj') });
    expect(other.result.current.restored).toBeNull();
    const otherYear = renderHook(() => useDraft<Values>('basic-expenditure', 'd1', 2021), { wrapper: wrapperFor('zfw') });
    expect(otherYear.result.current.restored).toBeNull();

    const { result } = renderHook(() => useDraft<Values>('basic-expenditure', 'd1', 2020), { wrapper: wrapperFor('zfw') });
    expect(result.current.restored).toEqual({ budget: '637.88' });
    act(() => result.current.clear());
    expect(result.current.restored).toBeNull();
    expect(loadDraft(key)).toBeNull();
    expect(flushDrafts()).toBe(0);
  });

  it('is off for read-only forms', () => {
    saveDraft(key, { budget: '637.88' });
    const { result } = renderHook(() => useDraft<Values>('basic-expenditure', 'd1', 2020, false), { wrapper: wrapperFor('zfw') });
    expect(result.current.key).toBeNull();
    expect(result.current.restored).toBeNull();
    act(() => result.current.track({ budget: '1' }));
    expect(flushDrafts()).toBe(0);
    expect(loadDraft<Values>(key)?.values).toEqual({ budget: '637.88' });
  });
});
