/* Test helper (used by the templates, batches and onboarding page tests). */
import { departments } from '../../test/fakeApi';

/** A request the page made, as a route handler sees it. */
export interface RoutedRequest {
  method: string;
  /** Path and query after /api/v1. */
  path: string;
  body: unknown;
}

export type RouteHandler = (request: RoutedRequest) => Response | undefined;

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function problemResponse(status: number, extra: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: `HTTP ${status}`, status, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

/**
 * A fetch for page tests: each request goes to the first handler that answers it; /departments
 * answers the two demo departments; anything else is a 404 problem. Every request is recorded.
 */
export function routeFetch(...handlers: RouteHandler[]) {
  const requests: RoutedRequest[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const path = String(input).replace(/^\/api\/v1/, '');
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const request = { method, path, body };
    requests.push(request);
    for (const handler of handlers) {
      const response = handler(request);
      if (response) return response;
    }
    if (path === '/departments') return jsonResponse(departments);
    return problemResponse(404, { detail: `no fake for ${method} ${path}` });
  };
  return { fetch: fetchImpl as typeof fetch, requests };
}
