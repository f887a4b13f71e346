/**
 * Runtime configuration of the SPA, in one place. Each value can be overridden at build time with
 * the VITE_* variable named beside it (e.g. `VITE_KEYCLOAK_URL=https://sso.example npm run build`).
 */
function envValue(value: string | undefined, fallback: string): string {
  const trimmed = value?.trim();
  return trimmed ? trimmed : fallback;
}

export const appConfig = {
  keycloak: {
    /** VITE_KEYCLOAK_URL */
    url: envValue(import.meta.env.VITE_KEYCLOAK_URL, 'http://127.0.0.1:8180'),
    /** VITE_KEYCLOAK_REALM */
    realm: envValue(import.meta.env.VITE_KEYCLOAK_REALM, 'jixiao'),
    /** VITE_KEYCLOAK_CLIENT_ID */
    clientId: envValue(import.meta.env.VITE_KEYCLOAK_CLIENT_ID, 'jixiao-spa'),
  },
  /** VITE_API_BASE: prefix of the API (same origin by default; the SPA server proxies it). */
  apiBase: envValue(import.meta.env.VITE_API_BASE, '/api/v1'),
  /**
   * Where each service's Swagger UI is reachable for a person (the API page links `<url>/q/swagger-ui`):
   * VITE_BUDGET_DOCS_URL, VITE_EVALUATION_DOCS_URL, VITE_REPORT_DOCS_URL.
   */
  serviceDocs: {
    budget: envValue(import.meta.env.VITE_BUDGET_DOCS_URL, 'http://127.0.0.1:8081'),
    evaluation: envValue(import.meta.env.VITE_EVALUATION_DOCS_URL, 'http://127.0.0.1:8082'),
    report: envValue(import.meta.env.VITE_REPORT_DOCS_URL, 'http://127.0.0.1:8083'),
  },
  /** Refresh the access token when it expires within this many seconds. */
  tokenMinValiditySeconds: 30,
  /** How often the background timer checks the token (ms). */
  tokenRefreshIntervalMs: 10_000,
  fiscalYear: {
    default: 2020,
    first: 2018,
  },
  /** Polling of the downstream views after a save. */
  polling: {
    intervalMs: 1000,
    timeoutMs: 30_000,
  },
} as const;

export function fiscalYearRange(now: Date = new Date()): number[] {
  const last = Math.max(now.getFullYear(), appConfig.fiscalYear.first);
  const years: number[] = [];
  for (let year = appConfig.fiscalYear.first; year <= last; year++) {
    years.push(year);
  }
  return years;
}
