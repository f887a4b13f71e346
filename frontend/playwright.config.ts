import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests against the running local stack (deploy/local/up.sh): SPA on 127.0.0.1:8080,
 * Keycloak on 127.0.0.1:8180, the services behind the SPA's proxy. Uses Debian's Chromium; no
 * browser is downloaded. Demo password from env JIXIAO_DEMO_PASSWORD.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  // In CI one retry: a walk that fails once and passes again is reported as flaky by name (test-all.sh puts
  // it in the summary and keeps the failed attempt's trace), and fails the run only when it fails twice.
  retries: process.env.CI ? 1 : 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.JIXIAO_SPA_URL ?? 'http://127.0.0.1:8080',
    ...devices['Desktop Chrome'],
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // a wrong locator or a page that never loads fails in seconds, not at the test's timeout
    actionTimeout: 10_000,
    navigationTimeout: 30_000,
    // A failed walk keeps its trace: every action with the page's DOM, network and console. Without the
    // film strip of screenshots, which cost a quarter of the walks' time on 2 cores (three specs: 50 s with
    // it, 40 s without); a failure still gets its screenshot below.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.JIXIAO_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
