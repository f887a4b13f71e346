import type { BudgetSheet, EvaluationWithScore } from '../../api/types';
import { isDecimal, yuanToWan } from '../../lib/decimal';
import { decimalText } from '../goals/goals';

export interface CategoryBar {
  /** i18n key suffix of the category (evaluation.charts.categories.*). */
  key: 'basic' | 'projects' | 'threePublic' | 'procurement';
  /** 万元, 2 decimals, as numbers for the chart (display only). */
  budget: number | null;
  actual: number | null;
}

function wan(yuan: string | null | undefined): number | null {
  return yuan && isDecimal(yuan) ? Number(yuanToWan(yuan, 2)) : null;
}

/** Budget vs actual per category of the year, in 万元; categories with neither figure are left out. */
export function budgetVsActual(sheet: BudgetSheet | null | undefined): CategoryBar[] {
  if (!sheet) return [];
  const bars: CategoryBar[] = [
    { key: 'basic', budget: wan(sheet.basic?.budget), actual: wan(sheet.basic?.actual) },
    {
      key: 'projects',
      budget: wan(sheet.projectTotals?.adjustedBudget ?? sheet.projectTotals?.budget),
      actual: wan(sheet.projectTotals?.actual),
    },
    { key: 'threePublic', budget: wan(sheet.threePublic?.totalBudget), actual: wan(sheet.threePublic?.totalActual) },
    { key: 'procurement', budget: wan(sheet.procurement?.budgetOrCurrent), actual: wan(sheet.procurement?.actualOrPrevious) },
  ];
  return bars.filter((bar) => bar.budget !== null || bar.actual !== null);
}

export interface TrendPoint {
  year: number;
  total: number;
  grade: string;
}

/** Total score per year, for the years that have a score card (oldest first). */
export function scoreTrend(byYear: readonly { year: number; evaluation: EvaluationWithScore | null | undefined }[]): TrendPoint[] {
  return byYear
    .filter((entry) => entry.evaluation?.score)
    .map((entry) => ({
      year: entry.year,
      total: Number(decimalText(entry.evaluation!.score!.total)),
      grade: entry.evaluation!.score!.grade,
    }))
    .filter((point) => Number.isFinite(point.total))
    .sort((a, b) => a.year - b.year);
}
