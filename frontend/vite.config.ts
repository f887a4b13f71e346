/// <reference types="vitest/config" />
import type { IncomingMessage, ServerResponse } from 'node:http';
import { availableParallelism } from 'node:os';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { buildDocsProxy, buildProxy, routeFor } from './proxy.config.ts';
import { securityHeaders } from './security-headers.ts';

/**
 * Answers /api/* requests that the routing table does not map with a 404 problem+json instead of
 * letting them fall through to the SPA's index.html. Registered before Vite's proxy.
 */
function unroutedApiNotFound(): Plugin {
  const handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const path = req.url ?? '';
    if ((path === '/api' || path.startsWith('/api/')) && routeFor(path) === undefined) {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'application/problem+json');
      res.end(
        JSON.stringify({
          type: 'about:blank',
          title: 'Not Found',
          status: 404,
          detail: `No service is routed for ${path.split('?')[0]}`,
        }),
      );
      return;
    }
    next();
  };
  return {
    name: 'jixiao-unrouted-api-not-found',
    configureServer(server) {
      server.middlewares.use(handler);
    },
    configurePreviewServer(server) {
      server.middlewares.use(handler);
    },
  };
}

export default defineConfig(({ mode }) => {
  // '' prefix: read JIXIAO_* from the environment and .env files too (config side only; only
  // VITE_* variables ever reach the client bundle).
  const env = { ...loadEnv(mode, process.cwd(), ''), ...process.env };
  const proxy = { ...buildProxy(env), ...buildDocsProxy(env) };
  return {
    plugins: [react(), unroutedApiNotFound()],
    server: {
      host: '127.0.0.1',
      port: 8080,
      strictPort: true,
      proxy,
    },
    preview: {
      host: '127.0.0.1',
      port: 8080,
      strictPort: true,
      proxy,
      // Only here: the dev server's module reloading needs inline scripts.
      headers: securityHeaders(env),
    },
    build: {
      outDir: 'dist',
      sourcemap: false,
      chunkSizeWarningLimit: 1200,
    },
    test: {
      // happy-dom, not jsdom: the same 312 tests pass on both, and happy-dom took 92-100 s and 176-191
      // core-seconds for the whole suite where jsdom took 112 s and 217 (window per file 12 s against 24 s
      // summed, rendering about a fifth faster) on 2 cores. Files that touch no DOM say
      // `// @vitest-environment node` (src/test/setup.ts then skips the browser setup).
      environment: 'happy-dom',
      // getComputedStyle still applies the cascade (display and visibility, which getByRole checks for every
      // element and its ancestors) but skips converting lengths (font-size, em, %) that no test reads: the
      // suite took 199-206 core-seconds with this against 224-227 without (two runs each, 2 cores).
      environmentOptions: { happyDOM: { settings: { disableComputedStyleRendering: true } } },
      globals: true,
      setupFiles: ['./src/test/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
      css: false,
      // One worker per core: Vitest 4 leaves one core to its main process in a run, which on a 2-core
      // machine means one worker, with a core a quarter idle (the main process only collects results).
      maxWorkers: availableParallelism(),
      // Generous: antd pages render slowly in a DOM emulation on a busy 2-core machine.
      testTimeout: 60000,
    },
  };
});
