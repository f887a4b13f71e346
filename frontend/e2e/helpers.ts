import { expect, type Browser, type Page } from '@playwright/test';

export const ZFW_DEPARTMENT = 'd0000000-0000-4000-8000-000000000001';
export const JYJ_DEPARTMENT = 'd0000000-0000-4000-8000-000000000002';
const SCREENSHOTS = 'e2e/screenshots';
/** Screenshots of the season's new pages, committed with the docs (issue 17). */
export const DOCS_SCREENSHOTS = '../docs/screenshots';

export function demoPassword(): string {
  const password = process.env.JIXIAO_DEMO_PASSWORD;
  if (!password) {
    throw new Error('Set JIXIAO_DEMO_PASSWORD (deploy/local/up.sh writes it to .run/secrets.env)');
  }
  return password;
}

/**
 * A picture of the page for people, in e2e/screenshots/ (git-ignored), taken only with JIXIAO_E2E_SCREENSHOTS=1:
 * no step asserts anything with it, and the 43 full-page pictures cost Chromium seconds of rendering and PNG
 * encoding on every run. The pictures of the docs (DOCS_SCREENSHOTS) are always taken.
 */
export async function snapshot(page: Page, file: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (process.env.JIXIAO_E2E_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: `${SCREENSHOTS}/${file}`, fullPage: options.fullPage ?? true });
}

const cspViolations = new WeakMap<Page, string[]>();

/**
 * Collects the Content-Security-Policy violations Chromium reports on the app's own origin (the SPA
 * origin sends a CSP, see security-headers.ts; Keycloak's pages have their own and are not counted).
 */
export function watchCsp(page: Page): string[] {
  let seen = cspViolations.get(page);
  if (!seen) {
    const found: string[] = [];
    page.on('console', (message) => {
      const onApp = !new URL(page.url() || 'about:blank', 'http://x').pathname.startsWith('/realms/');
      if (onApp && message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        found.push(message.text());
      }
    });
    cspViolations.set(page, found);
    seen = found;
  }
  return seen;
}

/** Fails when the app broke its own Content-Security-Policy since the page was opened. */
export function expectNoCspViolations(page: Page): void {
  expect(watchCsp(page), 'CSP violations on the app origin').toEqual([]);
}

/** Opens the SPA, which redirects to the real Keycloak login page, and logs in there. */
export async function login(page: Page, username: string, path = '/'): Promise<void> {
  watchCsp(page);
  await page.goto(path);
  await page.waitForURL(/\/realms\/jixiao\/protocol\/openid-connect\/auth/);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(demoPassword());
  await page.locator('#kc-login').click();
  try {
    await page.waitForURL((url) => !url.pathname.startsWith('/realms/'), { timeout: 30_000 });
  } catch (error) {
    const feedback = await page
      .locator('#input-error, #input-error-username, .kc-feedback-text, .pf-m-danger')
      .first()
      .textContent({ timeout: 1_000 })
      .catch(() => null);
    throw new Error(`Login as ${username} did not return to the app${feedback ? `: ${feedback.trim()}` : ''}`, {
      cause: error,
    });
  }
  await expect(page.getByTestId('user-name')).toBeVisible();
  expectNoCspViolations(page);
}

/**
 * The bearer token the page itself sends: read from the Authorization header of one of its API
 * requests, so the test can call the API "through the page" exactly as the page would.
 */
export async function captureBearer(page: Page, action: () => Promise<unknown>): Promise<string> {
  const [request] = await Promise.all([
    page.waitForRequest((candidate) => candidate.url().includes('/api/v1/') && !!candidate.headers()['authorization']),
    action(),
  ]);
  const header = request.headers()['authorization'];
  if (!header) {
    throw new Error('No Authorization header on the page’s API request');
  }
  return header;
}

/** GETs a path with the page's fetch and token; returns the HTTP status. */
export async function fetchStatusFromPage(page: Page, path: string, authorization: string): Promise<number> {
  return page.evaluate(
    async ([url, auth]) => {
      const response = await fetch(url, { headers: { Authorization: auth, Accept: 'application/json' } });
      return response.status;
    },
    [path, authorization] as const,
  );
}

/** A fresh browser context (own cookies and Keycloak session) logged in as username, at path. */
export async function newUserPage(browser: Browser, username: string, path = '/'): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await login(page, username, path);
  return page;
}
