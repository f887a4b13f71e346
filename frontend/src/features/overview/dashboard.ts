import type { ApiClient } from '../../api/client';
import type { DecimalValue, FilingStatus, OverviewRow, RankingEntry, SummaryPage, SummaryReReview, SummaryRow } from '../../api/types';
import { compareDecimals, isDecimal, roundHalfUp } from '../../lib/decimal';

/** 区县总览: the budget overview joined with each department's filing status, score, grade and rank. */

export const GRADES = ['优', '良', '中', '差'] as const;
export type Grade = (typeof GRADES)[number];

export const FILING_STATUSES: readonly FilingStatus[] = ['DRAFT', 'SUBMITTING', 'SUBMITTED', 'RETURNED', 'APPROVED'];

export type { SummaryPage, SummaryReReview, SummaryRow } from '../../api/types';

export const SUMMARY_PAGE_LIMIT = 200;
/** A district has a few hundred departments at most; stop following cursors after this many pages. */
const MAX_SUMMARY_PAGES = 100;

/** Every row of the year's summary, following the cursor to the end. */
export async function fetchWholeSummary(client: ApiClient, fiscalYear: number, signal?: AbortSignal): Promise<SummaryRow[]> {
  const rows: SummaryRow[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_SUMMARY_PAGES; page++) {
    const params = new URLSearchParams({ fiscalYear: String(fiscalYear), limit: String(SUMMARY_PAGE_LIMIT) });
    if (cursor) params.set('cursor', cursor);
    const result: SummaryPage = await client.get<SummaryPage>(`/reports/summary?${params.toString()}`, { signal });
    rows.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return rows;
}

export function summaryExport(client: ApiClient, fiscalYear: number) {
  return client.download(`/reports/summary/export.xlsx?fiscalYear=${fiscalYear}`, `summary-${fiscalYear}.xlsx`);
}

export const dashboardQueryKeys = {
  summary: (fiscalYear: number) => ['report-summary', fiscalYear] as const,
};

export interface DashboardRow extends OverviewRow {
  /** Filing status from report-service; null when it has no row for the department. */
  filingStatus: FilingStatus | null;
  /** Total score, 2 decimals. */
  score: string | null;
  grade: Grade | null;
  /** Rank among the district's scored departments (equal totals share a rank). */
  rank: number | null;
  basicExecutionRate: string | null;
  projectExecutionRate: string | null;
  fatal: number | null;
  warnings: number | null;
  mainFindings: string[];
  reReview: SummaryReReview | null;
}

function asGrade(value: string | null | undefined): Grade | null {
  return value && (GRADES as readonly string[]).includes(value) ? (value as Grade) : null;
}

/** A score as 2-decimal text (the evaluation service sends numbers, the report service strings). */
export function scoreText(value: DecimalValue | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return isDecimal(text) ? roundHalfUp(text, 2) : null;
}

/**
 * Joins the budget overview rows with report-service's summary and evaluation-service's ranking by
 * department. The ranking (the evaluation itself) wins for score and grade; the summary fills in when
 * the ranking is not there.
 */
export function mergeDashboard(
  rows: readonly OverviewRow[],
  summary: readonly SummaryRow[] | undefined,
  ranking: readonly RankingEntry[] | undefined,
): DashboardRow[] {
  const bySummary = new Map((summary ?? []).map((row) => [row.departmentId, row]));
  const byRanking = new Map((ranking ?? []).map((entry) => [entry.departmentId, entry]));
  return rows.map((row) => {
    const s = bySummary.get(row.departmentId);
    const r = byRanking.get(row.departmentId);
    return {
      ...row,
      filingStatus: s?.status ?? null,
      score: scoreText(r?.total) ?? scoreText(s?.score),
      grade: asGrade(r?.grade) ?? asGrade(s?.grade),
      rank: r?.rank ?? null,
      basicExecutionRate: s?.basicExecutionRate ?? null,
      projectExecutionRate: s?.projectExecutionRate ?? null,
      fatal: s?.fatal ?? null,
      warnings: s?.warnings ?? null,
      mainFindings: s?.mainFindings ?? [],
      reReview: s?.reReview ?? null,
    };
  });
}

export type GradeFilter = 'all' | Grade | 'none';
export type StatusFilter = 'all' | FilingStatus;

export interface DashboardFilter {
  grade: GradeFilter;
  status: StatusFilter;
  /** 区县; 'all' for every one. */
  jurisdiction: string;
}

export const NO_FILTER: DashboardFilter = { grade: 'all', status: 'all', jurisdiction: 'all' };

export function isFiltered(filter: DashboardFilter): boolean {
  return filter.grade !== 'all' || filter.status !== 'all' || filter.jurisdiction !== 'all';
}

/** Rows matching grade (or 未评分), filing status and 区县. */
export function filterDashboard(rows: readonly DashboardRow[], filter: DashboardFilter): DashboardRow[] {
  return rows.filter(
    (row) =>
      (filter.grade === 'all' || (filter.grade === 'none' ? row.grade === null : row.grade === filter.grade)) &&
      (filter.status === 'all' || row.filingStatus === filter.status) &&
      (filter.jurisdiction === 'all' || row.jurisdiction === filter.jurisdiction),
  );
}

/** The 区县 present, sorted (for the filter's options). */
export function jurisdictions(rows: readonly Pick<OverviewRow, 'jurisdiction'>[]): string[] {
  return [...new Set(rows.map((row) => row.jurisdiction).filter((j) => j && j.trim()))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

export type GradeCounts = Record<Grade | 'none', number>;

/** How many departments got each grade; `none` counts those not scored yet. */
export function gradeCounts(rows: readonly Pick<DashboardRow, 'grade'>[]): GradeCounts {
  const counts: GradeCounts = { 优: 0, 良: 0, 中: 0, 差: 0, none: 0 };
  for (const row of rows) counts[row.grade ?? 'none'] += 1;
  return counts;
}

/**
 * The slices of the grade chart as text, e.g. "优:1 良:2 中:2 差:2" (`none:n` for those not scored): the
 * chart's data-grades attribute, so a test can read what the canvas draws.
 */
export function gradeSlices(counts: GradeCounts): string {
  return ([...GRADES, 'none'] as const)
    .filter((grade) => counts[grade] > 0)
    .map((grade) => `${grade}:${counts[grade]}`)
    .join(' ');
}

/** Null last whichever way antd sorts (it negates the sorter for descend). */
function nullsLast<T>(a: T | null, b: T | null, order: 'ascend' | 'descend' | null | undefined, compare: (x: T, y: T) => number) {
  if (a === null || b === null) {
    const last = a === null && b === null ? 0 : a === null ? 1 : -1;
    return order === 'descend' ? -last : last;
  }
  return compare(a, b);
}

export function scoreSorter(a: Pick<DashboardRow, 'score'>, b: Pick<DashboardRow, 'score'>, order?: 'ascend' | 'descend' | null) {
  return nullsLast(a.score, b.score, order, compareDecimals);
}

export function rankSorter(a: Pick<DashboardRow, 'rank'>, b: Pick<DashboardRow, 'rank'>, order?: 'ascend' | 'descend' | null) {
  return nullsLast(a.rank, b.rank, order, (x, y) => x - y);
}

/** Grade order for sorting: 优 first. */
export function gradeSorter(a: Pick<DashboardRow, 'grade'>, b: Pick<DashboardRow, 'grade'>, order?: 'ascend' | 'descend' | null) {
  return nullsLast(a.grade, b.grade, order, (x, y) => GRADES.indexOf(x) - GRADES.indexOf(y));
}

/** Bars of the score chart: scored departments, highest first; numbers only for drawing. */
export function scoreBars(rows: readonly DashboardRow[]): { name: string; score: number; label: string; grade: Grade | null }[] {
  return rows
    .filter((row): row is DashboardRow & { score: string } => row.score !== null)
    .sort((a, b) => compareDecimals(b.score, a.score) || a.departmentCode.localeCompare(b.departmentCode))
    .map((row) => ({ name: row.departmentName, score: Number(row.score), label: row.score, grade: row.grade }));
}

/** The execution-rate chart: overall, basic and project rate per department with any rate; null = 数据缺失. */
export function rateGroups(rows: readonly DashboardRow[]): { name: string; overall: number | null; basic: number | null; project: number | null }[] {
  const num = (rate: string | null) => (rate === null || !isDecimal(rate) ? null : Number(rate));
  return rows
    .filter((row) => row.executionRate !== null || row.basicExecutionRate !== null || row.projectExecutionRate !== null)
    .map((row) => ({
      name: row.departmentName,
      overall: num(row.executionRate),
      basic: num(row.basicExecutionRate),
      project: num(row.projectExecutionRate),
    }));
}

export const GRADE_COLORS: Record<Grade | 'none', string> = {
  优: '#389e0d',
  良: '#1677ff',
  中: '#d48806',
  差: '#cf1322',
  none: '#bfbfbf',
};

export const STATUS_COLORS: Record<FilingStatus, string> = {
  DRAFT: 'default',
  SUBMITTING: 'processing',
  SUBMITTED: 'processing',
  RETURNED: 'warning',
  APPROVED: 'success',
};
