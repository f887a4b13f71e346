import type { FieldError } from '../api/problem';

/** A form field's path as antd takes it: ['reasons', 2, 'projectId']. */
export type FieldPath = (string | number)[];

/**
 * The path of a server field name: "personnelActual" → ['personnelActual'], "reasons[2].projectId" →
 * ['reasons', 2, 'projectId'], "duties[0]" → ['duties', 0]. A leading "input." or "arg0." (the
 * request body's name in some validators) is dropped.
 */
export function toFieldPath(serverField: string): FieldPath {
  const parts: FieldPath = [];
  for (const token of serverField.split(/[.[\]]/).filter(Boolean)) {
    parts.push(/^\d+$/.test(token) ? Number(token) : token);
  }
  while (parts.length > 1 && typeof parts[0] === 'string' && /^(input|arg\d+|body|request)$/.test(parts[0])) {
    parts.shift();
  }
  return parts;
}

export interface PlacedErrors {
  /** Errors for fields the form has, grouped by path (in the order first seen). */
  placed: { name: FieldPath; errors: string[] }[];
  /** The rest: shown together in a notification. */
  unplaced: FieldError[];
}

/**
 * Splits server field errors into those the form can show under a field (`hasField` says which
 * paths exist) and the rest.
 */
export function placeFieldErrors(
  errors: readonly FieldError[],
  hasField: (path: FieldPath) => boolean,
): PlacedErrors {
  const byKey = new Map<string, { name: FieldPath; errors: string[] }>();
  const unplaced: FieldError[] = [];
  for (const error of errors) {
    const path = error.field ? toFieldPath(error.field) : [];
    if (path.length > 0 && hasField(path)) {
      const key = JSON.stringify(path);
      const entry = byKey.get(key) ?? { name: path, errors: [] };
      entry.errors.push(error.message);
      byKey.set(key, entry);
    } else {
      unplaced.push(error);
    }
  }
  return { placed: [...byKey.values()], unplaced };
}
