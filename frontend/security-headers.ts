/**
 * Security headers of the SPA origin (`vite preview`, deploy/local/up.sh). The bundle talks to the
 * API on its own origin (proxy) and to Keycloak for login and token refresh; keycloak-js runs
 * without iframes here (checkLoginIframe: false, no silent check-sso), so no frame source is
 * allowed at all. antd injects <style> elements at run time, hence 'unsafe-inline' for styles only.
 */
export const DEFAULT_KEYCLOAK_URL = 'http://127.0.0.1:8180';

/** The Keycloak origin the bundle talks to: VITE_KEYCLOAK_URL (baked into the build) wins. */
export function keycloakOrigin(env: Record<string, string | undefined>): string {
  const url = env.VITE_KEYCLOAK_URL || env.JIXIAO_KEYCLOAK_URL || DEFAULT_KEYCLOAK_URL;
  return new URL(url).origin;
}

export function securityHeaders(env: Record<string, string | undefined>): Record<string, string> {
  const keycloak = keycloakOrigin(env);
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ${keycloak}`,
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
  };
}
