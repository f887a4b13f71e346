import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Debian's Chromium: its headless build (package chromium-headless-shell) unless the walk is watched. On the same
 * three specs it took 56-58 s and 80-82 core-seconds against 64-76 s and 97-118 for the full browser in headless
 * mode, on a stack of 2 cores; the page engine is the same. JIXIAO_CHROMIUM names another binary.
 */
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
function chromium(): string {
  if (process.env.JIXIAO_CHROMIUM) return process.env.JIXIAO_CHROMIUM;
  const headed = process.argv.includes('--headed') || process.argv.includes('--debug') || process.argv.includes('--ui');
  return !headed && existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium';
}

/**
 * End-to-end tests against the running local stack (deploy/local/up.sh): SPA on 127.0.0.1:8080,
 * Keycloak on 127.0.0.1:8180, the services behind the SPA's proxy. Uses Debian's Chromium (below); no
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
    // The system setting "reduce motion": the SPA then switches antd's transitions off (lib/reducedMotion.ts, which
    // its unit test covers), so no step waits for a modal or drawer to finish sliding and Chromium draws no
    // animation frames: two specs took 46 s and 60 core-seconds with it, 51-55 s and 68-75 without, on 2 cores.
    reducedMotion: 'reduce',
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
      executablePath: chromium(),
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
