import type { ApiClient } from './client';
import { appConfig } from '../config';
import { ApiError, type ProblemDetails } from './problem';
import type { Publication, PublicEntry } from './types';

/**
 * 信息公开: report-service /api/v1/publications (reviewers, signed in) and /api/v1/public/reports (anyone,
 * no token: the public page runs without Keycloak). The types are the contract's (./types).
 */

export type { Publication, PublicationStatus, PublicEntry } from './types';

export const publicationApi = {
  list: (client: ApiClient, fiscalYear: number, signal?: AbortSignal) =>
    client.get<Publication[]>(`/publications?fiscalYear=${fiscalYear}`, { signal }),
  publish: (client: ApiClient, departmentId: string, fiscalYear: number, version: number | null) =>
    client.post<Publication>(`/publications/${encodeURIComponent(departmentId)}/${fiscalYear}/publish`, { version }),
  unpublish: (client: ApiClient, departmentId: string, fiscalYear: number, version: number) =>
    client.post<Publication>(`/publications/${encodeURIComponent(departmentId)}/${fiscalYear}/unpublish`, { version }),
};

export const publicationKeys = {
  year: (fiscalYear: number) => ['publications', fiscalYear] as const,
  public: (year: number | null) => ['public-reports', year] as const,
};

/** A path the service answers with (/api/v1/…) on the SPA's API base (VITE_API_BASE). */
export function publicHref(path: string): string {
  const base = appConfig.apiBase.replace(/\/+$/, '');
  return path.startsWith('/api/v1/') ? `${base}${path.slice('/api/v1'.length)}` : path;
}

/** The published reports (all years, or one), without any token. */
export async function fetchPublicReports(
  year: number | null,
  language: string,
  signal?: AbortSignal,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<PublicEntry[]> {
  const query = year === null ? '' : `?year=${year}`;
  const response = await fetchImpl(publicHref(`/api/v1/public/reports${query}`), {
    headers: { Accept: 'application/json, application/problem+json', 'Accept-Language': language },
    signal,
  });
  if (!response.ok) {
    let problem: ProblemDetails = { type: 'about:blank', title: response.statusText || 'Error', status: response.status, errors: [] };
    try {
      problem = { ...problem, ...((await response.json()) as Partial<ProblemDetails>) };
    } catch {
      // not a problem+json body: the status says enough
    }
    throw new ApiError(problem);
  }
  return (await response.json()) as PublicEntry[];
}
