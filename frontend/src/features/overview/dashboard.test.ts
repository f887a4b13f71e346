// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { RankingEntry } from '../../api/types';
import { overviewRows } from '../../test/sampleSheet';
import {
  NO_FILTER,
  filterDashboard,
  gradeCounts,
  gradeSlices,
  gradeSorter,
  isFiltered,
  jurisdictions,
  mergeDashboard,
  rankSorter,
  rateGroups,
  scoreBars,
  scoreSorter,
  scoreText,
  type SummaryRow,
} from './dashboard';

function summaryRow(departmentId: string, overrides: Partial<SummaryRow> = {}): SummaryRow {
  return {
    departmentId,
    departmentCode: '401001',
    departmentName: departmentId,
    fiscalYear: 2020,
    status: 'DRAFT',
    filingVersion: null,
    score: null,
    grade: null,
    budget: '100000.00',
    actual: '100000.00',
    executionRate: '100.00',
    basicExecutionRate: '100.00',
    projectExecutionRate: null,
    fatal: 0,
    warnings: 0,
    mainFindings: [],
    sheetRevision: 1,
    reReview: null,
    ...overrides,
  };
}

function sample() {
  const base = overviewRows(['107.74', '95.00', null, '120.00', '88.00']);
  base[3]!.jurisdiction = '岳麓区';
  const summary = [
    summaryRow('d1', { status: 'SUBMITTED', score: '72.50', grade: '中', mainFindings: ['年末实有在职在编 22 人，超过编制数 20 人。'], fatal: 1, warnings: 2 }),
    summaryRow('d2', { status: 'APPROVED', score: '91.00', grade: '优' }),
    summaryRow('d3', { status: 'RETURNED', score: null, grade: null }),
    summaryRow('d4', { status: 'DRAFT', score: '81.37', grade: '良' }),
  ];
  const ranking: RankingEntry[] = [
    { rank: 1, departmentId: 'd2', total: 91, grade: '优' },
    { rank: 2, departmentId: 'd4', total: 81.37, grade: '良' },
    { rank: 3, departmentId: 'd1', total: '72.5', grade: '中' },
    { rank: 4, departmentId: 'd5', total: 6.8, grade: '差' },
  ];
  return mergeDashboard(base, summary, ranking);
}

describe('区县总览 rows', () => {
  it('joins status, score, grade and rank by department; the ranking wins, the summary fills in', () => {
    const rows = sample();
    expect(rows.map((row) => [row.departmentId, row.filingStatus, row.score, row.grade, row.rank])).toEqual([
      ['d1', 'SUBMITTED', '72.50', '中', 3],
      ['d2', 'APPROVED', '91.00', '优', 1],
      ['d3', 'RETURNED', null, null, null],
      ['d4', 'DRAFT', '81.37', '良', 2],
      ['d5', null, '6.80', '差', 4],
    ]);
    expect(rows[0]!.mainFindings).toHaveLength(1);
    expect(rows[4]!.fatal).toBeNull();
    // Without the ranking, the summary's score and grade are used; rank stays empty.
    const noRanking = mergeDashboard(overviewRows(['100.00']), [summaryRow('d1', { score: '88.8', grade: '良' })], undefined);
    expect(noRanking[0]).toMatchObject({ score: '88.80', grade: '良', rank: null });
    expect(scoreText('abc')).toBeNull();
  });

  it('filters by grade (or not scored), filing status and 区县', () => {
    const rows = sample();
    const ids = (filter: Partial<typeof NO_FILTER>) => filterDashboard(rows, { ...NO_FILTER, ...filter }).map((row) => row.departmentId);
    expect(ids({})).toEqual(['d1', 'd2', 'd3', 'd4', 'd5']);
    expect(ids({ grade: '优' })).toEqual(['d2']);
    expect(ids({ grade: 'none' })).toEqual(['d3']);
    expect(ids({ status: 'RETURNED' })).toEqual(['d3']);
    expect(ids({ jurisdiction: '岳麓区' })).toEqual(['d4']);
    expect(ids({ jurisdiction: '望城区', grade: '差' })).toEqual(['d5']);
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, status: 'DRAFT' })).toBe(true);
    expect(jurisdictions(rows)).toEqual(['望城区', '岳麓区'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  it('counts grades, not-scored included', () => {
    expect(gradeCounts(sample())).toEqual({ 优: 1, 良: 1, 中: 1, 差: 1, none: 1 });
    expect(gradeCounts([])).toEqual({ 优: 0, 良: 0, 中: 0, 差: 0, none: 0 });
  });

  it('names the slices of the grade chart, empty ones left out', () => {
    expect(gradeSlices(gradeCounts(sample()))).toBe('优:1 良:1 中:1 差:1 none:1');
    expect(gradeSlices({ 优: 1, 良: 2, 中: 0, 差: 2, none: 0 })).toBe('优:1 良:2 差:2');
    expect(gradeSlices(gradeCounts([]))).toBe('');
  });

  it('sorts score, rank and grade exactly with the unscored last either way', () => {
    const rows = sample();
    const asc = [...rows].sort((a, b) => scoreSorter(a, b, 'ascend')).map((row) => row.score);
    expect(asc).toEqual(['6.80', '72.50', '81.37', '91.00', null]);
    const desc = [...rows].sort((a, b) => -scoreSorter(a, b, 'descend')).map((row) => row.score);
    expect(desc).toEqual(['91.00', '81.37', '72.50', '6.80', null]);
    expect(scoreSorter({ score: '9.99' }, { score: '10.00' })).toBe(-1);
    expect([...rows].sort((a, b) => rankSorter(a, b, 'ascend')).map((row) => row.rank)).toEqual([1, 2, 3, 4, null]);
    expect([...rows].sort((a, b) => -rankSorter(a, b, 'descend')).map((row) => row.rank)).toEqual([4, 3, 2, 1, null]);
    expect([...rows].sort((a, b) => gradeSorter(a, b, 'ascend')).map((row) => row.grade)).toEqual(['优', '良', '中', '差', null]);
  });

  it('charts scored departments highest first and every department with a rate', () => {
    expect(scoreBars(sample()).map((bar) => [bar.label, bar.grade])).toEqual([
      ['91.00', '优'],
      ['81.37', '良'],
      ['72.50', '中'],
      ['6.80', '差'],
    ]);
    const groups = rateGroups(sample());
    expect(groups).toHaveLength(5);
    expect(groups[0]).toEqual({ name: '测试单位1', overall: 107.74, basic: 100, project: null });
    expect(groups[4]).toEqual({ name: '测试单位5', overall: 88, basic: null, project: null });
  });
});
