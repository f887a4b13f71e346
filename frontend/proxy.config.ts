/**
 * The single routing table of /api/v1: the first path segment after /api/v1/ names the service
 * that owns it (see docs/contracts.md). Both `server.proxy` (npm run dev) and `preview.proxy`
 * (npm run serve) are generated from this table; nothing else lists the routes.
 */
import type { ProxyOptions } from 'vite';

export type ServiceName = 'budget' | 'evaluation' | 'report';

/** First path segment after /api/v1/ → owning service. */
export const API_ROUTES: Readonly<Record<string, ServiceName>> = {
  departments: 'budget',
  budgets: 'budget',
  evaluations: 'evaluation',
  templates: 'evaluation',
  goals: 'evaluation',
  reports: 'report',
  filings: 'report',
  checks: 'report',
  rounds: 'report',
  notices: 'report',
  publications: 'report',
  // 信息公开: the public read-only API (no login)
  public: 'report',
};

/** Default base URLs (local run, 127.0.0.1 only). */
export const DEFAULT_SERVICE_URLS: Readonly<Record<ServiceName, string>> = {
  budget: 'http://127.0.0.1:8081',
  evaluation: 'http://127.0.0.1:8082',
  report: 'http://127.0.0.1:8083',
};

/** Environment variable that overrides each service's base URL. */
export const SERVICE_URL_ENV: Readonly<Record<ServiceName, string>> = {
  budget: 'JIXIAO_BUDGET_URL',
  evaluation: 'JIXIAO_EVALUATION_URL',
  report: 'JIXIAO_REPORT_URL',
};

export const API_PREFIX = '/api/v1/';

export function serviceUrls(env: Record<string, string | undefined>): Record<ServiceName, string> {
  const result = { ...DEFAULT_SERVICE_URLS };
  for (const service of Object.keys(SERVICE_URL_ENV) as ServiceName[]) {
    const override = env[SERVICE_URL_ENV[service]]?.trim();
    if (override) {
      result[service] = override.replace(/\/+$/, '');
    }
  }
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Vite proxy entries: one regular-expression key per service, matching
 * /api/v1/<segment> followed by "/", "?" or the end of the path.
 */
export function buildProxy(env: Record<string, string | undefined>): Record<string, ProxyOptions> {
  const urls = serviceUrls(env);
  const segmentsByService = new Map<ServiceName, string[]>();
  for (const [segment, service] of Object.entries(API_ROUTES)) {
    segmentsByService.set(service, [...(segmentsByService.get(service) ?? []), segment]);
  }
  const proxy: Record<string, ProxyOptions> = {};
  for (const [service, segments] of segmentsByService) {
    const alternatives = segments.map(escapeRegExp).join('|');
    proxy[`^${escapeRegExp(API_PREFIX)}(${alternatives})(/|\\?|$)`] = {
      target: urls[service],
      changeOrigin: true,
      xfwd: true,
    };
  }
  return proxy;
}

/**
 * Each service's OpenAPI document through the SPA's origin: /openapi/<service> → <service>/q/openapi
 * (query kept, e.g. ?format=json). The API page links these, so machine clients find the contracts
 * wherever the SPA is served; Swagger UI itself stays on each service (/q/swagger-ui).
 */
export const OPENAPI_PREFIX = '/openapi/';

export function buildDocsProxy(env: Record<string, string | undefined>): Record<string, ProxyOptions> {
  const urls = serviceUrls(env);
  const proxy: Record<string, ProxyOptions> = {};
  for (const service of Object.keys(DEFAULT_SERVICE_URLS) as ServiceName[]) {
    const prefix = `${OPENAPI_PREFIX}${service}`;
    proxy[`^${escapeRegExp(prefix)}(\\?|$)`] = {
      target: urls[service],
      changeOrigin: true,
      rewrite: (path: string) => `/q/openapi${path.slice(prefix.length)}`,
    };
  }
  return proxy;
}

/** The service owning a request path, or undefined when the path is not routed. */
export function routeFor(path: string): ServiceName | undefined {
  if (!path.startsWith(API_PREFIX)) {
    return undefined;
  }
  const segment = path.slice(API_PREFIX.length).split(/[/?#]/, 1)[0] ?? '';
  return Object.prototype.hasOwnProperty.call(API_ROUTES, segment) ? API_ROUTES[segment] : undefined;
}
