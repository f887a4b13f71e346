/**
 * RFC 9457 problem details (application/problem+json) as the services send them:
 * {type, title, status, detail, instance, errors:[{field, message}]}.
 */

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  /** Machine-readable reason the services add, e.g. "version.conflict", "filing.locked". */
  readonly code?: string;
  readonly errors: readonly FieldError[];
}

/** Problem codes the SPA reacts to. */
export const PROBLEM_CODES = {
  versionConflict: 'version.conflict',
  filingLocked: 'filing.locked',
} as const;

/** Status 0: the request never got an HTTP answer (network down, CORS, aborted). */
export const NETWORK_ERROR_STATUS = 0;

/** An API call that failed: an HTTP error status, or no answer at all (status 0). */
export class ApiError extends Error {
  readonly problem: ProblemDetails;

  constructor(problem: ProblemDetails) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get fieldErrors(): readonly FieldError[] {
    return this.problem.errors;
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  /** The figures are locked: the year's filing was submitted. */
  get isFilingLocked(): boolean {
    return this.status === 409 && this.code === PROBLEM_CODES.filingLocked;
  }

  /** Someone else saved in between (409 without a more specific code counts as this). */
  get isVersionConflict(): boolean {
    return this.status === 409 && !this.isFilingLocked && (this.code === undefined || this.code === PROBLEM_CODES.versionConflict);
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isConflict(): boolean {
    return this.status === 409;
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }

  get isForbidden(): boolean {
    return this.status === 403;
  }

  get isNetworkError(): boolean {
    return this.status === NETWORK_ERROR_STATUS;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function parseFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) {
    return [];
  }
  const result: FieldError[] = [];
  for (const item of value) {
    if (isRecord(item)) {
      const message = optionalString(item.message);
      if (message !== undefined) {
        result.push({ field: typeof item.field === 'string' ? item.field : '', message });
      }
    }
  }
  return result;
}

/**
 * Reads a parsed JSON body as problem details. Whatever is missing or malformed falls back to the
 * HTTP status and its reason phrase, so an error is always reported.
 */
export function parseProblem(body: unknown, httpStatus: number, statusText = ''): ProblemDetails {
  const record = isRecord(body) ? body : {};
  const status =
    typeof record.status === 'number' && Number.isInteger(record.status) && record.status > 0
      ? record.status
      : httpStatus;
  return {
    type: optionalString(record.type) ?? 'about:blank',
    title: optionalString(record.title) ?? (optionalString(statusText) ?? `HTTP ${httpStatus}`),
    status,
    detail: optionalString(record.detail),
    instance: optionalString(record.instance),
    code: optionalString(record.code),
    errors: parseFieldErrors(record.errors),
  };
}

/** Builds the ApiError of a failed response, whatever its body (problem+json, other JSON, text). */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = undefined;
  let text = '';
  try {
    text = await response.text();
  } catch {
    text = '';
  }
  const contentType = response.headers.get('Content-Type') ?? '';
  if (text !== '' && /[/+]json\b/i.test(contentType)) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  const problem = parseProblem(body, response.status, response.statusText);
  if (body === undefined && text.trim() !== '' && text.length <= 500 && !/^\s*</.test(text)) {
    // A plain-text error body is still worth showing.
    return new ApiError({ ...problem, detail: problem.detail ?? text.trim() });
  }
  return new ApiError(problem);
}

export function networkError(cause: unknown): ApiError {
  const detail = cause instanceof Error ? cause.message : undefined;
  return new ApiError({
    type: 'about:blank',
    title: 'Network error',
    status: NETWORK_ERROR_STATUS,
    detail,
    errors: [],
  });
}
