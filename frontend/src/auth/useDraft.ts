import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAuth } from './AuthContext';
import { draftKey, loadDraft, registerDraftSource, removeDraft } from './drafts';

export interface DraftHandle<T> {
  /** The storage key, or null when drafts are off (a read-only form). */
  key: string | null;
  /** Values restored from before a new login; null when there was none (or it was cleared). */
  restored: T | null;
  /** The form's current unsaved values (null: nothing unsaved); written out only when the session ends. */
  track(values: T | null): void;
  /** Saved or discarded: forget the draft. */
  clear(): void;
}

/**
 * Keeps a form's unsaved input across a new login (see drafts.ts), keyed by the logged-in user,
 * department, year and form. `enabled` false (read-only) turns it off.
 */
export function useDraft<T>(form: string, departmentId: string, fiscalYear: number, enabled = true): DraftHandle<T> {
  const { user } = useAuth();
  const key = useMemo(
    () => (enabled && user.username ? draftKey({ user: user.username, departmentId, fiscalYear, form }) : null),
    [enabled, user.username, departmentId, fiscalYear, form],
  );
  const [restored, setRestored] = useState<{ key: string | null; values: T | null }>(() => ({
    key,
    values: key ? (loadDraft<T>(key)?.values ?? null) : null,
  }));
  const pending = useRef<T | null>(restored.values);

  // Another department, year or user: look for that one's draft.
  if (restored.key !== key) {
    const values = key ? (loadDraft<T>(key)?.values ?? null) : null;
    pending.current = values;
    setRestored({ key, values });
  }

  useEffect(() => {
    if (!key) return undefined;
    return registerDraftSource(key, () => pending.current);
  }, [key]);

  const track = useCallback((values: T | null) => {
    pending.current = values;
  }, []);

  const clear = useCallback(() => {
    pending.current = null;
    if (key) removeDraft(key);
    setRestored({ key, values: null });
  }, [key]);

  return { key, restored: restored.key === key ? restored.values : null, track, clear };
}
