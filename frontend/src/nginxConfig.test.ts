// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ROUTES, type ServiceName } from '../proxy.config';
import { securityHeaders } from '../security-headers';

/** deploy/nginx/ is the web tier of up.sh and of the cluster; it must route and protect like the dev server. */
// Vitest runs in frontend/ (a DOM environment may give import.meta.url an http: scheme, so the path is from the cwd)
const nginxDir = `${resolve(process.cwd(), '../deploy/nginx')}/`;
const site = readFileSync(`${nginxDir}site.conf`, 'utf8');
const headers = readFileSync(`${nginxDir}headers.conf`, 'utf8');

/** service → the path segments its `location ~ ^/api/v1/(a|b)(/|$)` block sends to upstream jixiao_<service>. */
function nginxRoutes(): Record<string, string[]> {
  const routes: Record<string, string[]> = {};
  const block = /location ~ \^\/api\/v1\/\(([^)]+)\)\(\/\|\$\) \{\s*proxy_pass http:\/\/jixiao_(\w+);/g;
  for (const m of site.matchAll(block)) {
    routes[m[2]!] = m[1]!.split('|').sort();
  }
  return routes;
}

describe('deploy/nginx (the web tier)', () => {
  it('routes every /api/v1 segment to the service proxy.config.ts names, and nothing else', () => {
    const expected: Record<string, string[]> = {};
    for (const [segment, service] of Object.entries(API_ROUTES) as [string, ServiceName][]) {
      (expected[service] ??= []).push(segment);
    }
    for (const list of Object.values(expected)) list.sort();
    expect(nginxRoutes()).toEqual(expected);
  });

  it('sends the same security headers as the dev server', () => {
    const dev = securityHeaders({ JIXIAO_KEYCLOAK_URL: 'http://127.0.0.1:8180' });
    for (const [name, value] of Object.entries(dev)) {
      // nginx fills the Keycloak origin from $jixiao_keycloak_origin
      const expected = value.replace('http://127.0.0.1:8180', '$jixiao_keycloak_origin');
      expect(headers).toContain(`add_header ${name} "${expected}" always;`);
    }
  });

  it('includes the headers in every location that sets its own (nginx drops inherited add_header there)', () => {
    const locations = site.split(/\n(?=location )/).filter((b) => b.startsWith('location '));
    for (const block of locations) {
      if (block.includes('add_header')) {
        expect(block, block.split('\n')[0]).toContain('include jixiao/headers.conf;');
      }
    }
    expect(site).toMatch(/location \/assets\/ \{[^}]*immutable/);
    expect(site).toMatch(/location = \/index\.html \{[^}]*no-cache/);
  });
});
