/**
 * Unsaved form drafts kept across a new login. When the session ends (the token cannot be refreshed
 * or the server rejects it), the SPA redirects to Keycloak and everything in memory is lost; just
 * before that, every mounted form that has unsaved input writes it to sessionStorage (same tab, same
 * origin: it survives the round trip to the login page). On return the form finds its draft by key
 * (user + department + year + form) and offers it back.
 */

const PREFIX = 'jixiao.draft.';

export interface DraftKeyParts {
  user: string;
  departmentId: string;
  fiscalYear: number;
  /** Which form, e.g. "basic-expenditure" or "narrative". */
  form: string;
}

export function draftKey({ user, departmentId, fiscalYear, form }: DraftKeyParts): string {
  return `${PREFIX}${[user, departmentId, String(fiscalYear), form].map(encodeURIComponent).join('|')}`;
}

export interface StoredDraft<T> {
  /** When it was written (ISO). */
  savedAt: string;
  values: T;
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Writes a draft; false when storage is unavailable or full. */
export function saveDraft<T>(key: string, values: T, now: Date = new Date()): boolean {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(key, JSON.stringify({ savedAt: now.toISOString(), values } satisfies StoredDraft<T>));
    return true;
  } catch {
    return false;
  }
}

/** The draft under a key, or null (also for anything unreadable, which is dropped). */
export function loadDraft<T>(key: string): StoredDraft<T> | null {
  const store = storage();
  const raw = store?.getItem(key);
  if (!store || raw === null || raw === undefined) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<StoredDraft<T>>;
    if (parsed && typeof parsed === 'object' && typeof parsed.savedAt === 'string' && parsed.values !== undefined && parsed.values !== null) {
      return { savedAt: parsed.savedAt, values: parsed.values };
    }
  } catch {
    // fall through: not ours or damaged
  }
  store.removeItem(key);
  return null;
}

export function removeDraft(key: string): void {
  storage()?.removeItem(key);
}

/** Returns the form's unsaved values, or null when there is nothing unsaved. */
export type DraftSource = () => unknown;

const sources = new Set<{ key: string; read: DraftSource }>();

/** A mounted form announces where its unsaved input can be read; call the returned function on unmount. */
export function registerDraftSource(key: string, read: DraftSource): () => void {
  const entry = { key, read };
  sources.add(entry);
  return () => {
    sources.delete(entry);
  };
}

/** Writes every mounted form's unsaved input to storage (before leaving for the login page). Returns how many. */
export function flushDrafts(): number {
  let saved = 0;
  for (const { key, read } of sources) {
    let values: unknown;
    try {
      values = read();
    } catch {
      continue;
    }
    if (values !== null && values !== undefined && saveDraft(key, values)) saved += 1;
  }
  return saved;
}

/** The session is over: keep the drafts, then go to the login page. */
export function keepDraftsAndLogin(login: () => void): void {
  flushDrafts();
  login();
}

/** Form values compared as a clerk sees them: missing, null and "" are the same; text compared trimmed. */
export function sameFormValues(a: Record<string, unknown> | null | undefined, b: Record<string, unknown> | null | undefined): boolean {
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  const norm = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'string' ? value.trim() : JSON.stringify(value));
  for (const key of keys) {
    if (norm(a?.[key]) !== norm(b?.[key])) return false;
  }
  return true;
}
