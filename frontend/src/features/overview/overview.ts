import type { OverviewPage, OverviewRow } from '../../api/types';
import { compareDecimals } from '../../lib/decimal';

export const OVERVIEW_PAGE_SIZE = 50;

export type LockedFilter = 'all' | 'locked' | 'open';

/** The `locked` query parameter of a filter (undefined: no filter). */
export function lockedParam(filter: LockedFilter): boolean | undefined {
  return filter === 'all' ? undefined : filter === 'locked';
}

export interface OverviewState {
  /** Every row loaded so far, in server order (department code), without duplicates. */
  rows: OverviewRow[];
  /** Cursor of the next page, or null when everything is loaded. */
  nextCursor: string | null;
  hasMore: boolean;
  pagesLoaded: number;
}

/** The state of a cursor-paginated overview after the pages loaded so far. */
export function overviewState(pages: readonly OverviewPage[] | undefined): OverviewState {
  const seen = new Set<string>();
  const rows: OverviewRow[] = [];
  for (const page of pages ?? []) {
    for (const row of page.items) {
      if (!seen.has(row.departmentId)) {
        seen.add(row.departmentId);
        rows.push(row);
      }
    }
  }
  const last = pages && pages.length > 0 ? pages[pages.length - 1] : undefined;
  const nextCursor = last?.nextCursor ?? null;
  return { rows, nextCursor, hasMore: nextCursor !== null, pagesLoaded: pages?.length ?? 0 };
}

/** TanStack's getNextPageParam: the cursor, or undefined at the end. */
export function nextPageParam(page: OverviewPage): string | undefined {
  return page.nextCursor ?? undefined;
}

/** Rows whose name (or code) contains the search text; case- and width-insensitive. */
export function searchRows<T extends OverviewRow>(rows: readonly T[], search: string): T[] {
  const needle = normalise(search);
  if (!needle) return [...rows];
  return rows.filter((row) => normalise(row.departmentName).includes(needle) || row.departmentCode.includes(needle));
}

function normalise(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Orders by execution rate, ascending; rows without a rate (数据缺失) always last. */
export function compareRates(a: Pick<OverviewRow, 'executionRate'>, b: Pick<OverviewRow, 'executionRate'>): number {
  if (a.executionRate === null && b.executionRate === null) return 0;
  if (a.executionRate === null) return 1;
  if (b.executionRate === null) return -1;
  return compareDecimals(a.executionRate, b.executionRate);
}

/** Rows sorted by rate; `descending` keeps the missing ones last too. */
export function sortByRate(rows: readonly OverviewRow[], descending: boolean): OverviewRow[] {
  return [...rows].sort((a, b) => {
    if (a.executionRate === null || b.executionRate === null) return compareRates(a, b);
    return descending ? -compareRates(a, b) : compareRates(a, b);
  });
}

/** Bars of the chart: departments with a rate, highest first; the rate as a number only for drawing. */
export function chartBars(rows: readonly OverviewRow[]): { name: string; rate: number; label: string; grade: PefaGrade }[] {
  return sortByRate(rows, true)
    .filter((row): row is OverviewRow & { executionRate: string } => row.executionRate !== null)
    .map((row) => ({
      name: row.departmentName,
      rate: Number(row.executionRate),
      label: `${row.executionRate}%`,
      grade: pefaGrade(row.executionRate)!,
    }));
}

export type PefaGrade = 'A' | 'B' | 'C' | 'D';

/** PEFA PI-1 (aggregate outturn vs budget): A within 95–105%, B 90–110%, C 85–115%, else D. */
export function pefaGrade(rate: string | null): PefaGrade | null {
  if (rate === null) return null;
  const within = (low: string, high: string) => compareDecimals(rate, low) >= 0 && compareDecimals(rate, high) <= 0;
  if (within('95', '105')) return 'A';
  if (within('90', '110')) return 'B';
  if (within('85', '115')) return 'C';
  return 'D';
}

export const PEFA_COLORS: Record<PefaGrade, string> = {
  A: '#389e0d',
  B: '#1677ff',
  C: '#d48806',
  D: '#cf1322',
};

/** antd column sorter: by rate, rows without a rate last in both directions (antd reverses for descend). */
export function rateSorter(
  a: Pick<OverviewRow, 'executionRate'>,
  b: Pick<OverviewRow, 'executionRate'>,
  order?: 'ascend' | 'descend' | null,
): number {
  if (a.executionRate === null || b.executionRate === null) {
    const nullLast = compareRates(a, b);
    return order === 'descend' ? -nullLast : nullLast;
  }
  return compareRates(a, b);
}
