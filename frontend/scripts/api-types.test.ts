// @vitest-environment node
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without declarations
import { CONTRACT, OUTPUT, generate } from './api-types.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');

interface Run {
  code: number;
  output: string;
}

function run(file: string, args: string[], cwd = root): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [file, ...args], { cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

const contract = JSON.parse(readFileSync(CONTRACT, 'utf8')) as {
  components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
};

/** src/api/types.ts and its neighbours type-checked alone against the types `source` gives. */
async function typecheckAliases(dir: string, source: string): Promise<Run> {
  mkdirSync(path.join(dir, 'generated'), { recursive: true });
  writeFileSync(path.join(dir, 'generated/jixiao-api.ts'), source);
  for (const file of ['types.ts', 'goalConstants.ts']) copyFileSync(path.join(root, 'src/api', file), path.join(dir, file));
  const options = ['--noEmit', '--strict', '--skipLibCheck', '--target', 'ES2022', '--module', 'ESNext', '--moduleResolution', 'bundler'];
  return run(tsc, [...options, 'types.ts'], dir);
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('API types generated from docs/openapi/jixiao-api.json', () => {
  it('the committed file is what the contract gives (the --check of npm run typecheck passes)', async () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(await generate(contract));
    const check = await run(path.join(here, 'api-types.mjs'), ['--check']);
    expect(check).toEqual({ code: 0, output: '' });
  });

  it('a contract change makes the committed file stale and the aliases fail to type-check', { timeout: 60_000 }, async () => {
    const changed = structuredClone(contract);
    // the budget-service renames the revision of PUT variance-reasons, which the SPA sends
    const input = changed.components.schemas.VarianceReasonsInput!;
    input.properties = Object.fromEntries(
      Object.entries(input.properties).map(([key, value]) => [key === 'revision' ? 'sheetRevision' : key, value]),
    );
    const source: string = await generate(changed);
    expect(source).not.toBe(readFileSync(OUTPUT, 'utf8'));

    const unchangedDir = mkdtempSync(path.join(tmpdir(), 'api-types-'));
    const changedDir = mkdtempSync(path.join(tmpdir(), 'api-types-'));
    dirs.push(unchangedDir, changedDir);
    const [unchanged, broken] = await Promise.all([
      typecheckAliases(unchangedDir, readFileSync(OUTPUT, 'utf8')),
      typecheckAliases(changedDir, source),
    ]);
    expect(unchanged).toEqual({ code: 0, output: '' });
    expect(broken.code).not.toBe(0);
    expect(broken.output).toMatch(/types\.ts\(\d+,\d+\): error TS2344: .*"revision"/);
  });
});
