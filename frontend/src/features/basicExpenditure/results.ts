import type { Evaluation, IndicatorValue, ReportSection } from '../../api/types';

/** Name of the indicator in the default template (domain reference: 过程 / 预算执行 / 预算完成率). */
export const EXECUTION_RATE_NAME = '预算完成率';

/** Finds 预算完成率 among the evaluation's indicators, by name or by a code/English name that says so. */
export function findExecutionRate(evaluation: Evaluation | null | undefined): IndicatorValue | undefined {
  const indicators = evaluation?.indicators ?? [];
  return (
    indicators.find((indicator) => indicator.name === EXECUTION_RATE_NAME) ??
    indicators.find((indicator) =>
      /budget[\s_-]*(execution|completion)[\s_-]*rate/i.test(`${indicator.code} ${indicator.nameEn}`),
    )
  );
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
