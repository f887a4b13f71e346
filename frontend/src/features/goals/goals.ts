import type {
  DecimalValue,
  GoalCategory,
  GoalDirection,
  GoalIndicator,
  GoalsInput,
  GoalsView,
} from '../../api/types';
import { compareDecimals, isDecimal } from '../../lib/decimal';
import { normalizeAmountInput } from '../../lib/amountInput';

/** One indicator as the form holds it: numbers as typed. */
export interface IndicatorFormValues {
  category: GoalCategory;
  name: string;
  unit: string;
  direction: GoalDirection;
  target: string;
  actual: string;
  keyTask: boolean;
}

export interface GoalFormValues {
  goal: string;
  indicators: IndicatorFormValues[];
}

export interface GoalsFormValues {
  goals: GoalFormValues[];
}

/** A decimal the service sent as a JSON number or string → its plain text ("" for null). */
export function decimalText(value: DecimalValue | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    // Numbers from BigDecimal are small here (targets, scores): no exponent form below 1e21.
    return Number.isFinite(value) ? String(value) : '';
  }
  return value.trim();
}

export function emptyIndicator(): IndicatorFormValues {
  return { category: 'QUANTITY', name: '', unit: '%', direction: 'GE', target: '', actual: '', keyTask: false };
}

export function emptyGoal(): GoalFormValues {
  return { goal: '', indicators: [emptyIndicator()] };
}

/** The service's flat list (in saved order) → goals with their indicators, grouped by goal text. */
export function goalsToForm(view: GoalsView | undefined | null): GoalsFormValues {
  const goals: GoalFormValues[] = [];
  for (const indicator of view?.indicators ?? []) {
    let goal = goals.find((candidate) => candidate.goal === indicator.goal);
    if (!goal) {
      goal = { goal: indicator.goal, indicators: [] };
      goals.push(goal);
    }
    goal.indicators.push({
      category: indicator.category,
      name: indicator.name,
      unit: indicator.unit,
      direction: indicator.direction,
      target: decimalText(indicator.target),
      actual: decimalText(indicator.actual),
      keyTask: indicator.keyTask,
    });
  }
  return { goals };
}

/** A number as typed (full-width digits, separators) → the plain decimal to send; '' stays ''. */
export function normalizeNumber(raw: string | null | undefined): string {
  return normalizeAmountInput(raw);
}

export type GoalNumberProblem = 'required' | 'format' | 'negative' | 'percentOver100';

/** What is wrong with a target or actual as typed (the service checks the same and has the last word). */
export function checkGoalNumber(
  raw: string | null | undefined,
  options: { required: boolean; unit?: string; isTarget?: boolean },
): GoalNumberProblem | null {
  const value = normalizeNumber(raw);
  if (value === '') return options.required ? 'required' : null;
  if (/^-\s*\d/.test(value)) return 'negative';
  if (!/^\d+(\.\d+)?$/.test(value)) return 'format';
  if (options.isTarget && options.unit === '%' && compareDecimals(value, '100') > 0) return 'percentOver100';
  return null;
}

/** The request body: trimmed texts, decimals as strings, an empty actual as null. */
export function formToInput(values: GoalsFormValues, version: number | null): GoalsInput {
  return {
    goals: (values.goals ?? []).map((goal) => ({
      goal: (goal.goal ?? '').trim(),
      indicators: (goal.indicators ?? []).map((indicator) => {
        const actual = normalizeNumber(indicator.actual);
        return {
          category: indicator.category,
          name: (indicator.name ?? '').trim(),
          unit: indicator.unit,
          direction: indicator.direction,
          target: normalizeNumber(indicator.target),
          actual: actual === '' ? null : actual,
          keyTask: Boolean(indicator.keyTask),
        };
      }),
    })),
    version,
  };
}

/**
 * Whether an indicator meets its target, as typed: ≥ (GE), ≤ (LE) or = (EQ); null while the actual
 * or the target is not a number. Shown live; the saved answer comes from the service (`met`).
 */
export function meetsTarget(direction: GoalDirection, target: string, actual: string): boolean | null {
  const t = normalizeNumber(target);
  const a = normalizeNumber(actual);
  if (!isDecimal(t) || !isDecimal(a)) return null;
  const order = compareDecimals(a, t);
  return direction === 'GE' ? order >= 0 : direction === 'LE' ? order <= 0 : order === 0;
}

/** Counts for the summary line: indicators, with an actual, met. */
export function goalStats(indicators: readonly GoalIndicator[]): { total: number; measured: number; met: number } {
  return {
    total: indicators.length,
    measured: indicators.filter((indicator) => indicator.met !== null).length,
    met: indicators.filter((indicator) => indicator.met === true).length,
  };
}

export const DIRECTION_SYMBOL: Record<GoalDirection, string> = { GE: '≥', LE: '≤', EQ: '=' };
