// @vitest-environment node
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const script = path.join(here, 'first-load-size.mjs');
const fixture = path.join(here, '__fixtures__', 'first-load-dist');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

interface Report {
  firstLoadGzipBytes: number;
  files: { path: string; kind: string; bytes: number; gzipBytes: number }[];
}

function report(stdout: string): Report {
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as Report;
}

/** What the fixture's index.html makes a browser fetch up front, in document order. */
const EXPECTED = [
  { path: '/assets/index-abc123.js', kind: 'entry' },
  { path: '/assets/vendor-def456.js', kind: 'modulepreload' },
  { path: '/assets/shared-789.js', kind: 'modulepreload' },
  { path: '/static/app-xyz.css', kind: 'stylesheet' },
];

function gzipSizeOf(pagePath: string): number {
  return gzipSync(readFileSync(path.join(fixture, pagePath)), { level: 9 }).length;
}

const expectedTotal = EXPECTED.reduce((sum, file) => sum + gzipSizeOf(file.path), 0);

describe('first-load-size.mjs', () => {
  it('counts the entry script, the modulepreloads and the stylesheets of a build folder', async () => {
    const { code, stdout } = await run('--dist', fixture);
    expect(code).toBe(0);
    const result = report(stdout);
    // Commented-out tags, icons, font preloads, classic and inline scripts, the duplicate preload and
    // the lazy chunk that index.html does not name are all left out.
    expect(result.files.map(({ path: file, kind }) => ({ path: file, kind }))).toEqual(EXPECTED);
    for (const file of result.files) {
      expect(file.bytes).toBe(readFileSync(path.join(fixture, file.path)).length);
      expect(file.gzipBytes).toBe(gzipSizeOf(file.path));
    }
    expect(result.firstLoadGzipBytes).toBe(expectedTotal);
    expect(stdout).toContain('total');
    expect(stdout).toContain((expectedTotal / 1000).toFixed(2));
  });

  it('fails with 1 only when --max-kb is exceeded', async () => {
    const below = Math.floor(expectedTotal / 1000);
    const above = Math.ceil(expectedTotal / 1000);
    expect((await run('--dist', fixture, '--max-kb', String(above))).code).toBe(0);
    const over = await run('--dist', fixture, '--max-kb', String(below));
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('above the limit');
    // The report is printed in both cases.
    expect(report(over.stdout).firstLoadGzipBytes).toBe(expectedTotal);
  });

  it('answers 2 when the folder has no index.html', async () => {
    const missing = await run('--dist', path.join(fixture, 'assets'));
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
  });

  describe('over HTTP', () => {
    let server: Server;
    let base: string;
    const requested: { url: string; acceptEncoding: string | undefined }[] = [];

    beforeAll(async () => {
      server = createServer((request, response) => {
        const url = new URL(request.url ?? '/', 'http://fixture.invalid');
        requested.push({ url: url.pathname, acceptEncoding: request.headers['accept-encoding'] });
        try {
          const body = readFileSync(path.join(fixture, decodeURIComponent(url.pathname)));
          response.writeHead(200).end(body);
        } catch {
          response.writeHead(404).end();
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    it('fetches /index.html and each file it references, and sums the same sizes', async () => {
      const { code, stdout } = await run(base);
      expect(code).toBe(0);
      const result = report(stdout);
      expect(result.files.map((file) => file.path)).toEqual(EXPECTED.map((file) => file.path));
      expect(result.firstLoadGzipBytes).toBe(expectedTotal);
      expect(requested.map((request) => request.url)).toEqual(['/index.html', ...EXPECTED.map((file) => file.path)]);
      expect(requested.every((request) => request.acceptEncoding === 'identity')).toBe(true);
    });

    it('answers 2 when the server has no such page', async () => {
      const missing = await run(`${base}/no-such-folder`);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('HTTP 404');
    });
  });
});
