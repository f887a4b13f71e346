import type { Evaluation, IndicatorValue, ReportSection } from '../../api/types';

/**
 * Code of the 基本支出 completion rate computed by evaluation-service (基本支出实际 / 基本支出预算).
 * The template's 预算完成率 (code budget-completion-rate) covers basic and project spending together.
 */
export const BASIC_COMPLETION_RATE_CODE = 'basic-completion-rate';

/** Finds the 基本支出 completion rate among the evaluation's indicators. */
export function findExecutionRate(evaluation: Evaluation | null | undefined): IndicatorValue | undefined {
  const indicators = evaluation?.indicators ?? [];
  return indicators.find((indicator) => indicator.code === BASIC_COMPLETION_RATE_CODE);
}

/** A downstream view is current once it was computed from the saved version (or a later one). */
export function isCurrent(
  view: Pick<Evaluation | ReportSection, 'sourceVersion'> | null | undefined,
  targetVersion: number | null | undefined,
): boolean {
  if (view === null || view === undefined || targetVersion === null || targetVersion === undefined) {
    return false;
  }
  return Number(view.sourceVersion) >= Number(targetVersion);
}

/**
 * How long to wait before asking the downstream views again, `elapsedMs` after the save: half the time
 * waited so far, at least 50 ms and at most `maxMs`. The services usually have the new figures within
 * tens of milliseconds, so the first polls find them at once; a slow answer costs a few requests more,
 * not a fixed second of waiting.
 */
export function pollDelay(elapsedMs: number, maxMs: number): number {
  return Math.round(Math.min(maxMs, Math.max(50, elapsedMs / 2)));
}
