// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { keycloakOrigin, securityHeaders } from '../security-headers';

describe('security headers of the SPA origin', () => {
  it('lets the page connect to the Keycloak origin the bundle was built for', () => {
    expect(keycloakOrigin({})).toBe('http://127.0.0.1:8180');
    expect(keycloakOrigin({ JIXIAO_KEYCLOAK_URL: 'https://sso.example/auth/' })).toBe('https://sso.example');
    expect(
      keycloakOrigin({ VITE_KEYCLOAK_URL: 'https://login.example:8443', JIXIAO_KEYCLOAK_URL: 'https://other.example' }),
    ).toBe('https://login.example:8443');
  });

  it('allows scripts only from the origin and forbids framing', () => {
    const headers = securityHeaders({ JIXIAO_KEYCLOAK_URL: 'https://sso.example' });
    const csp = (headers['Content-Security-Policy'] ?? '').split('; ');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' https://sso.example");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp.join(' ')).not.toMatch(/unsafe-eval/);
    expect(headers['X-Frame-Options']).toBe('DENY');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });
});
