// @vitest-environment node
import { describe, expect, it } from 'vitest';

// Import rules that keep the bundles small (see "First load" in README.md). Checked on the sources,
// so a slip shows up here rather than as a few hundred kB more in a chunk.

const sources = import.meta.glob<string>(['./**/*.{ts,tsx}', '!./**/*.test.{ts,tsx}'], {
  eager: true,
  query: '?raw',
  import: 'default',
});

function offenders(pattern: RegExp, files: Record<string, string> = sources): string[] {
  return Object.entries(files)
    .filter(([, text]) => pattern.test(text))
    .map(([file]) => file);
}

describe('bundle import rules', () => {
  it('reads the sources', () => {
    expect(Object.keys(sources)).toContain('./main.tsx');
    expect(Object.keys(sources)).toContain('./layout/AppLayout.tsx');
  });

  it('imports antd icons by name only (no namespace import, no lookup by name)', () => {
    expect(offenders(/import\s+\*\s+as\s+\w+\s+from\s+'@ant-design\/icons'/)).toEqual([]);
    expect(offenders(/from\s+'@ant-design\/icons\/lib/)).toEqual([]);
  });

  it('uses the modular ECharts build, in chart components only', () => {
    // 'echarts' itself registers every chart type and component.
    expect(offenders(/from\s+'echarts'/)).toEqual([]);
    expect(offenders(/from\s+'echarts-for-react'/)).toEqual([]);
    const chartFiles = offenders(/from\s+'echarts(?:-for-react)?\//);
    expect(chartFiles.length).toBeGreaterThan(0);
    // The files that import ECharts are loaded with lazy() and not imported statically by anyone.
    for (const file of chartFiles) {
      const name = file.replace(/^.*\/([^/]+)\.tsx?$/, '$1');
      const staticImport = new RegExp(`^import\\s+(?!type\\b)[^;]*from\\s+'[^']*/${name}'`, 'm');
      expect(offenders(staticImport), file).toEqual([]);
      expect(offenders(new RegExp(`lazy\\(\\(\\)\\s*=>\\s*import\\('[^']*/${name}'\\)`)).length, file).toBeGreaterThan(0);
    }
  });

  it('takes antd locales from the ES build (antd/locale/* is CommonJS and duplicates antd code)', () => {
    expect(offenders(/from\s+'antd\/locale\//)).toEqual([]);
    expect(offenders(/from\s+'antd\/lib\//)).toEqual([]);
  });

  it('keeps the dictionaries out of static imports', () => {
    expect(offenders(/^import\s+(?!type\b)[^;]*from\s+'[^']*\/locales\//m)).toEqual([]);
  });
});
