// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { NAMESPACES, type Namespace } from '.';

// Static checks that no screen can show a raw key because its dictionary namespace was not loaded:
// the frame may use `core` only, and each lazyPage(() => import(page), [namespaces]) route must list
// every namespace whose keys the page's modules (static and lazy imports alike) use.

type Dictionary = { [key: string]: string | Dictionary };

const zhDictionaries = import.meta.glob<Dictionary>('./locales/zh-CN/*.ts', { eager: true, import: 'default' });
const enDictionaries = import.meta.glob<Dictionary>('./locales/en/*.ts', { eager: true, import: 'default' });
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../test/**', '!./**'], {
  eager: true,
  query: '?raw',
  import: 'default',
});

function namespaceOf(file: string): string {
  return file.replace(/^.*\/([^/]+)\.ts$/, '$1');
}

const dictionary: Record<string, Dictionary> = Object.fromEntries(
  Object.entries(zhDictionaries).map(([file, messages]) => [namespaceOf(file), messages]),
);

/** Top-level section ('basic', 'menu', …) → the namespace holding it. */
const sectionNamespace = new Map<string, Namespace>();
for (const [ns, messages] of Object.entries(dictionary)) {
  for (const section of Object.keys(messages)) sectionNamespace.set(section, ns as Namespace);
}

function pathExists(ns: string, key: string): boolean {
  let node: string | Dictionary | undefined = dictionary[ns];
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || !(part in node)) return false;
    node = node[part];
  }
  return true;
}

/** Source path relative to src, without its extension: 'pages/HomePage'. */
function moduleId(globKey: string): string {
  return globKey.replace(/^\.\.\//, '').replace(/\.tsx?$/, '');
}

const modules = new Map(Object.entries(sources).map(([key, text]) => [moduleId(key), text]));

function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  const id = parts.join('/');
  return [id, `${id}/index`].find((candidate) => modules.has(candidate));
}

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

const STATIC_IMPORT = /^(?:import|export)\s+(?!type\b)(?:[^;]*?\s+from\s+)?'([^']+)'/gm;
const DYNAMIC_IMPORT = /import\(\s*'([^']+)'\s*\)/g;
const LAZY_PAGE = /lazyPage\(\s*\(\)\s*=>\s*import\('([^']+)'\)(?:\s*,\s*\[([^\]]*)\])?/g;

function imports(id: string, pattern: RegExp): string[] {
  const text = withoutComments(modules.get(id) ?? '');
  return [...text.matchAll(pattern)].flatMap((match) => resolve(id, match[1]!) ?? []);
}

/** The modules a module brings along: static imports, and dynamic ones too when `lazy` is set. */
function closure(start: string, lazy: boolean): Set<string> {
  const seen = new Set<string>();
  const pending = [start];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...imports(id, STATIC_IMPORT));
    if (lazy) pending.push(...imports(id, DYNAMIC_IMPORT));
  }
  return seen;
}

/** Namespaces of the keys a module names: 'basic.title' literals, and `validation.${…}` templates. */
function namespacesUsed(id: string): Map<Namespace, string[]> {
  const text = withoutComments(modules.get(id) ?? '');
  const used = new Map<Namespace, string[]>();
  const note = (ns: Namespace | undefined, key: string) => {
    if (ns) used.set(ns, [...(used.get(ns) ?? []), key]);
  };
  for (const match of text.matchAll(/(['"])([a-zA-Z]+(?:\.[\w-]+)+)\1/g)) {
    const key = match[2]!;
    const ns = sectionNamespace.get(key.split('.')[0]!);
    if (ns && pathExists(ns, key)) note(ns, key);
  }
  for (const match of text.matchAll(/`([a-zA-Z]+)\.[^`]*`/g)) {
    note(sectionNamespace.get(match[1]!), match[0]);
  }
  return used;
}

function uncovered(modulesToCheck: Iterable<string>, allowed: readonly string[]): string[] {
  const problems: string[] = [];
  for (const id of modulesToCheck) {
    for (const [ns, keys] of namespacesUsed(id)) {
      if (!allowed.includes(ns)) problems.push(`${id} uses ${ns}: ${[...new Set(keys)].join(', ')}`);
    }
  }
  return problems;
}

/** The signing-in screen (main.tsx) and the signed-in frame it loads (Frame.tsx): only core is loaded for them. */
const FRAME_ROOTS = ['main', 'Frame'];
/** main.tsx renders this instead of the frame on /public, after loading these namespaces. */
const PUBLIC_FRAME = { module: 'public/PublicApp', namespaces: ['season'] };

function frameModules(): Set<string> {
  return new Set(FRAME_ROOTS.flatMap((root) => [...closure(root, false)]));
}

interface PageRoute {
  declaredIn: string;
  page: string;
  namespaces: string[];
}

const pageRoutes: PageRoute[] = [...modules.keys()].flatMap((id) =>
  [...withoutComments(modules.get(id)!).matchAll(LAZY_PAGE)].map((match) => ({
    declaredIn: id,
    page: resolve(id, match[1]!) ?? `unresolved ${match[1]}`,
    namespaces: [...(match[2] ?? '').matchAll(/'([^']+)'/g)].map((ns) => ns[1]!),
  })),
);

describe('dictionary namespaces', () => {
  it('has one dictionary per language and namespace, with the same keys in both languages', () => {
    const keys = (node: Dictionary, prefix = ''): string[] =>
      Object.entries(node).flatMap(([key, value]) =>
        typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
      );
    expect(Object.keys(zhDictionaries).map(namespaceOf).sort()).toEqual([...NAMESPACES].sort());
    expect(Object.keys(enDictionaries).map(namespaceOf).sort()).toEqual([...NAMESPACES].sort());
    for (const [file, zh] of Object.entries(zhDictionaries)) {
      const en = enDictionaries[file.replace('/zh-CN/', '/en/')]!;
      expect(keys(en).sort(), namespaceOf(file)).toEqual(keys(zh).sort());
    }
  });

  it('finds the routes and the keys the analysis relies on', () => {
    expect(pageRoutes.length).toBeGreaterThanOrEqual(15);
    expect(pageRoutes.every((route) => modules.has(route.page))).toBe(true);
    expect(namespacesUsed('layout/navigation').get('core')).toContain('menu.home');
    expect(namespacesUsed('components/WanField').get('core')).toContain('`validation.${problem}`');
    expect(frameModules()).toContain('layout/AppLayout');
    expect(frameModules()).toContain('auth/keycloak');
  });

  it('lets the frame use core keys only', () => {
    const frame = frameModules();
    expect(uncovered(frame, ['core'])).toEqual([]);
    // What the frame loads lazily other than through lazyPage (e.g. the forbidden page) gets core only.
    const pages = new Set(pageRoutes.map((route) => route.page));
    const lazyFromFrame = [...frame]
      .flatMap((id) => imports(id, DYNAMIC_IMPORT))
      .filter((id) => !pages.has(id) && !FRAME_ROOTS.includes(id) && id !== PUBLIC_FRAME.module);
    for (const id of lazyFromFrame) {
      expect(uncovered(closure(id, true), ['core']), id).toEqual([]);
    }
  });

  it('loads the namespaces of the public frame (信息公开, no login) before main.tsx renders it', () => {
    expect([...frameModules()].flatMap((id) => imports(id, DYNAMIC_IMPORT))).toContain(PUBLIC_FRAME.module);
    expect(uncovered(closure(PUBLIC_FRAME.module, true), ['core', ...PUBLIC_FRAME.namespaces])).toEqual([]);
    expect(sources['../main.tsx']).toContain(`loadNamespaces(${JSON.stringify(PUBLIC_FRAME.namespaces).replaceAll('"', "'")})`);
  });

  it.each(pageRoutes.map((route) => [route.page, route] as const))(
    '%s loads every namespace its modules use',
    (_page, route) => {
      for (const ns of route.namespaces) expect(NAMESPACES).toContain(ns);
      expect(uncovered(closure(route.page, true), ['core', ...route.namespaces])).toEqual([]);
    },
  );
});
