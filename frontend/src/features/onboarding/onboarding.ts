import type { ApiClient } from '../../api/client';
import type { OnboardingInput, OnboardingResult } from '../../api/types';
import { isApiError, type FieldError } from '../../api/problem';
import { toFieldPath, type FieldPath } from '../../lib/fieldErrors';

/**
 * 单位开户 (budget-service POST /api/v1/departments, role admin): a department and its first user in
 * Keycloak, both or neither. The form's values, the request, and where the service's answers go.
 */

export interface OnboardingFormValues {
  code: string;
  name: string;
  jurisdiction: string;
  firstFiscalYear: number;
  /** One duty per line. */
  duties?: string;
  /** One division per line. */
  divisions?: string;
  user: {
    username: string;
    email: string;
    lastName: string;
    firstName: string;
    initialPassword?: string;
    temporaryPassword: boolean;
  };
}

export type { OnboardingInput, OnboardingResult } from '../../api/types';

export const onboardingApi = {
  onboard: (client: ApiClient, input: OnboardingInput) => client.post<OnboardingResult>('/departments', input),
};

/** The service's own rules (OnboardingService), so the form says it before sending. */
export const ONBOARDING_PATTERNS = {
  code: /^[0-9A-Za-z-]{1,32}$/,
  username: /^[a-z0-9._-]{3,64}$/,
  email: /^[^@\s]+@[^@\s]+\.[^@\s]+$/,
};
export const PASSWORD_LENGTH = { min: 12, max: 128 };

/** Lines of a text area as list items: trimmed, empty lines dropped. */
export function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function toOnboardingInput(values: OnboardingFormValues): OnboardingInput {
  const password = values.user.initialPassword ?? '';
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    jurisdiction: values.jurisdiction.trim(),
    firstFiscalYear: values.firstFiscalYear,
    duties: lines(values.duties),
    divisions: lines(values.divisions),
    user: {
      username: values.user.username.trim(),
      email: values.user.email.trim(),
      firstName: values.user.firstName.trim(),
      lastName: values.user.lastName.trim(),
      ...(password === '' ? {} : { initialPassword: password }),
      temporaryPassword: values.user.temporaryPassword,
    },
  };
}

/** The form's fields, as the service names them. */
export const FORM_FIELDS: readonly string[] = [
  'code',
  'name',
  'jurisdiction',
  'firstFiscalYear',
  'duties',
  'divisions',
  'user.username',
  'user.email',
  'user.firstName',
  'user.lastName',
  'user.initialPassword',
];

export type OnboardingAlertKind = 'conflict' | 'unavailable' | 'invalid' | 'forbidden' | 'other';

export interface OnboardingErrorView {
  /** Messages under the form's fields (antd setFields). */
  fields: { name: FieldPath; errors: string[] }[];
  /** The message above the form: what happened, and the service's own explanation. */
  alert: { kind: OnboardingAlertKind; detail?: string; unplaced: FieldError[] };
}

/**
 * Where a refused onboarding is explained: field errors next to their fields ("duties[2]" on the
 * duties text area, prefixed with its line), the rest in the alert; 409 (username or code taken) and
 * 503 (Keycloak admin not reachable or not configured) as their own alerts.
 */
export function mapOnboardingError(error: unknown, lineLabel: (line: number) => string): OnboardingErrorView {
  if (!isApiError(error)) {
    return { fields: [], alert: { kind: 'other', detail: error instanceof Error ? error.message : undefined, unplaced: [] } };
  }
  const byField = new Map<string, string[]>();
  const unplaced: FieldError[] = [];
  for (const fieldError of error.fieldErrors) {
    const path = toFieldPath(fieldError.field ?? '');
    const listItem = path.length === 2 && typeof path[1] === 'number' && (path[0] === 'duties' || path[0] === 'divisions');
    const key = listItem ? String(path[0]) : path.join('.');
    if (FORM_FIELDS.includes(key)) {
      const text = listItem ? `${lineLabel((path[1] as number) + 1)}${fieldError.message}` : fieldError.message;
      byField.set(key, [...(byField.get(key) ?? []), text]);
    } else {
      unplaced.push(fieldError);
    }
  }
  const fields = [...byField.entries()].map(([key, errors]) => ({ name: key.split('.') as FieldPath, errors }));
  const kind: OnboardingAlertKind =
    error.status === 409
      ? 'conflict'
      : error.status === 503
        ? 'unavailable'
        : error.status === 400
          ? 'invalid'
          : error.status === 403
            ? 'forbidden'
            : 'other';
  return { fields, alert: { kind, detail: error.problem.detail, unplaced } };
}
