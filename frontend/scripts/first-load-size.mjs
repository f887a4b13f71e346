#!/usr/bin/env node
// First-load size of the SPA: what a browser fetches from index.html before it can render the first
// screen, i.e. the entry <script type="module" src>, every <link rel="modulepreload" href> and every
// <link rel="stylesheet" href>. Chunks loaded later through import() (lazy pages, ECharts, the other
// language) are not counted. index.html itself is not counted either.
//
// Usage:
//   node scripts/first-load-size.mjs [baseUrl] [--max-kb N]     (baseUrl default http://127.0.0.1:8080)
//   node scripts/first-load-size.mjs --dist dist [--max-kb N]   (reads a build folder, no server)
//
// Sizes: every file is compressed here with node:zlib gzip level 9, in both modes. Over HTTP the files
// are requested with Accept-Encoding: identity, so what the server would compress (or not) does not
// change the number; the result is comparable between a build folder and a running server.
// 1 KB = 1000 bytes (as in Vite's build report).
//
// Output: a table, then one JSON line {"firstLoadGzipBytes": N, "files": [...]}.
// Exit code: 0, or 1 when --max-kb is given and the total is above it, or 2 when the page or one of its
// files cannot be read (nothing was measured).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const DEFAULT_BASE = 'http://127.0.0.1:8080';

function usage(message) {
  if (message) console.error(`first-load-size: ${message}`);
  console.error('usage: first-load-size.mjs [baseUrl] [--dist <dir>] [--max-kb <N>]');
  process.exit(2);
}

function parseArgs(argv) {
  const options = { base: DEFAULT_BASE, dist: undefined, maxKb: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dist') {
      options.dist = argv[++i];
      if (!options.dist) usage('--dist needs a folder');
    } else if (arg === '--max-kb') {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value <= 0) usage('--max-kb needs a positive number');
      options.maxKb = value;
    } else if (arg === '--help' || arg === '-h') {
      usage();
    } else if (arg.startsWith('-')) {
      usage(`unknown option ${arg}`);
    } else {
      options.base = arg;
    }
  }
  return options;
}

/** The attributes of one start tag, names lower-cased; valueless attributes map to ''. */
function attributes(tag) {
  const result = {};
  const body = tag.replace(/^<[a-zA-Z]+/, '').replace(/\/?>$/, '');
  const pattern = /([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const match of body.matchAll(pattern)) {
    result[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return result;
}

/**
 * The files index.html makes the browser fetch up front, in document order, each once:
 * [{ href, kind: 'entry' | 'modulepreload' | 'stylesheet' }].
 */
function firstLoadReferences(html) {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  const found = [];
  const seen = new Set();
  const add = (href, kind) => {
    if (!href || seen.has(href)) return;
    seen.add(href);
    found.push({ href, kind });
  };
  for (const match of withoutComments.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const name = match[1].toLowerCase();
    const attrs = attributes(match[0]);
    if (name === 'script') {
      if ((attrs.type ?? '').toLowerCase() === 'module' && attrs.src) add(attrs.src, 'entry');
    } else {
      const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
      if (rel.includes('modulepreload')) add(attrs.href, 'modulepreload');
      else if (rel.includes('stylesheet')) add(attrs.href, 'stylesheet');
    }
  }
  return found;
}

async function httpSource(base) {
  const indexUrl = new URL('index.html', base.endsWith('/') ? base : `${base}/`);
  const get = async (url) => {
    const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  };
  return {
    html: (await get(indexUrl)).toString('utf8'),
    read: (href) => get(new URL(href, indexUrl)),
    label: (href) => new URL(href, indexUrl).pathname,
  };
}

async function distSource(dir) {
  const root = path.resolve(dir);
  // Resolve hrefs as the browser would against /index.html, then map the path into the folder.
  const pagePath = (href) => decodeURIComponent(new URL(href, 'http://dist.invalid/index.html').pathname);
  return {
    html: await readFile(path.join(root, 'index.html'), 'utf8'),
    read: (href) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) {
        throw new Error(`${href} is not in the build folder`);
      }
      return readFile(path.join(root, pagePath(href)));
    },
    label: pagePath,
  };
}

async function measure(source) {
  const files = [];
  for (const { href, kind } of firstLoadReferences(source.html)) {
    const content = await source.read(href);
    files.push({
      path: source.label(href),
      kind,
      bytes: content.length,
      gzipBytes: gzipSync(content, { level: 9 }).length,
    });
  }
  return { firstLoadGzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0), files };
}

function kb(bytes) {
  return (bytes / 1000).toFixed(2);
}

function table(result) {
  const rows = result.files.map((file) => [file.path, file.kind, kb(file.bytes), kb(file.gzipBytes)]);
  const total = result.files.reduce((sum, file) => sum + file.bytes, 0);
  rows.push(['total', `${result.files.length} files`, kb(total), kb(result.firstLoadGzipBytes)]);
  const header = ['file', 'kind', 'raw kB', 'gzip kB'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (row) =>
    row.map((cell, column) => (column >= 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(0, -1).map(line),
    widths.map((width) => '-'.repeat(width)).join('  '), line(rows.at(-1))].join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  let result;
  try {
    const source = options.dist ? await distSource(options.dist) : await httpSource(options.base);
    result = await measure(source);
  } catch (error) {
    console.error(`first-load-size: ${error instanceof Error ? error.message : error}`);
    process.exit(2);
  }
  if (result.files.length === 0) {
    console.error('first-load-size: index.html references no module script, modulepreload or stylesheet');
    process.exit(2);
  }
  console.log(table(result));
  console.log(JSON.stringify(result));
  if (options.maxKb !== undefined && result.firstLoadGzipBytes > options.maxKb * 1000) {
    console.error(
      `first-load-size: ${kb(result.firstLoadGzipBytes)} kB gzip is above the limit of ${options.maxKb} kB`,
    );
    process.exit(1);
  }
}

await main();
