import type { Project, ProjectInput } from '../../api/types';
import { checkWanAmount, tryWanInputToYuan, wanInputToYuan, yuanToWanInput, type AmountRules } from '../../lib/amountInput';
import { compareDecimals, percentOf, subtractDecimals, sumDecimals } from '../../lib/decimal';

/** One project row while it is edited: amounts in 万元 as typed. */
export interface ProjectFormValues {
  name: string;
  /** 年初预算 (required; 0 for a project added during the year). */
  budget: string;
  /** 调整数: 追加 (+) / 调减 (−); empty = none. */
  adjustment: string;
  adjustmentReason: string;
  /** 单位支付 (required). */
  actualOwn: string;
  /** 财政直接支付; empty = none. */
  actualDirect: string;
  keyProject: boolean;
}

export type ProjectAmountField = 'budget' | 'adjustment' | 'actualOwn' | 'actualDirect';

export const PROJECT_AMOUNT_RULES: Record<ProjectAmountField, AmountRules> = {
  budget: { required: true },
  adjustment: { allowNegative: true },
  actualOwn: { required: true },
  actualDirect: {},
};

/** Request fields the row form has (server field errors for these go under the cell). */
export const PROJECT_FIELDS = ['name', 'budget', 'adjustment', 'adjustmentReason', 'actualOwn', 'actualDirect', 'keyProject'] as const;

export const EMPTY_PROJECT: ProjectFormValues = {
  name: '',
  budget: '',
  adjustment: '',
  adjustmentReason: '',
  actualOwn: '',
  actualDirect: '',
  keyProject: false,
};

/** The row form's values for a stored project: 元 → 万元 exactly; a zero adjustment or direct payment shows empty. */
export function toProjectFormValues(project: Project | null | undefined): ProjectFormValues {
  if (!project) {
    return { ...EMPTY_PROJECT };
  }
  return {
    name: project.name,
    budget: yuanToWanInput(project.budget),
    adjustment: isZeroAmount(project.adjustment) ? '' : yuanToWanInput(project.adjustment),
    adjustmentReason: project.adjustmentReason ?? '',
    actualOwn: yuanToWanInput(project.actualOwn),
    actualDirect: isZeroAmount(project.actualDirect) ? '' : yuanToWanInput(project.actualDirect),
    keyProject: project.keyProject,
  };
}

function isZeroAmount(yuan: string | null | undefined): boolean {
  return yuan === null || yuan === undefined || yuan === '' || compareDecimals(yuan, '0') === 0;
}

/** What is wrong with the row, field by field (empty when it can be saved). */
export function validateProjectRow(values: ProjectFormValues): Partial<Record<keyof ProjectFormValues, string>> {
  const problems: Partial<Record<keyof ProjectFormValues, string>> = {};
  if (values.name.trim() === '') {
    problems.name = 'required';
  }
  for (const field of Object.keys(PROJECT_AMOUNT_RULES) as ProjectAmountField[]) {
    const problem = checkWanAmount(values[field], PROJECT_AMOUNT_RULES[field]);
    if (problem !== null) {
      problems[field] = problem;
    }
  }
  if (problems.adjustment === undefined && needsAdjustmentReason(values.adjustment, values.adjustmentReason)) {
    problems.adjustmentReason = 'reasonRequired';
  }
  return problems;
}

/** A non-zero adjustment needs its reason. */
export function needsAdjustmentReason(adjustment: string | undefined, reason: string | undefined): boolean {
  const yuan = tryWanInputToYuan(adjustment, PROJECT_AMOUNT_RULES.adjustment);
  return yuan !== undefined && yuan !== null && compareDecimals(yuan, '0') !== 0 && (reason ?? '').trim() === '';
}

/** The POST/PUT body: amounts converted exactly to 元; empty optional amounts as "0.00"; the version read. */
export function toProjectInput(values: ProjectFormValues, version: number | null): ProjectInput {
  const problems = validateProjectRow(values);
  const first = Object.entries(problems)[0];
  if (first) {
    throw new Error(`Invalid ${first[0]}: ${first[1]}`);
  }
  const adjustment = wanInputToYuan(values.adjustment, PROJECT_AMOUNT_RULES.adjustment) ?? '0.00';
  const reason = values.adjustmentReason.trim();
  return {
    name: values.name.trim(),
    budget: wanInputToYuan(values.budget, PROJECT_AMOUNT_RULES.budget)!,
    adjustment,
    adjustmentReason: reason === '' ? null : reason,
    actualOwn: wanInputToYuan(values.actualOwn, PROJECT_AMOUNT_RULES.actualOwn)!,
    actualDirect: wanInputToYuan(values.actualDirect, PROJECT_AMOUNT_RULES.actualDirect) ?? '0.00',
    keyProject: values.keyProject,
    version,
  };
}

/** True when saving the row would change nothing. */
export function isProjectUnchanged(values: ProjectFormValues, project: Project): boolean {
  try {
    const input = toProjectInput(values, project.version);
    return (
      input.name === project.name &&
      compareDecimals(input.budget, project.budget) === 0 &&
      compareDecimals(input.adjustment ?? '0', project.adjustment) === 0 &&
      (input.adjustmentReason ?? '') === (project.adjustmentReason ?? '') &&
      compareDecimals(input.actualOwn, project.actualOwn) === 0 &&
      compareDecimals(input.actualDirect ?? '0', project.actualDirect) === 0 &&
      input.keyProject === project.keyProject
    );
  } catch {
    return false;
  }
}

/** The computed columns of a row (元): what the server will compute, shown live while editing. */
export interface ProjectComputed {
  adjustedBudget?: string;
  actual?: string;
  variance?: string;
  executionRate?: string | null;
}

/**
 * 调整后预算 = 年初预算 + 调整数; 实际 = 单位支付 + 财政直接支付; 差异 = 实际 − 年初预算;
 * 执行率 = 实际 ÷ 年初预算 (null when the budget is 0). Each is undefined while its inputs are not valid.
 */
export function computeProjectRow(values: Partial<ProjectFormValues> | undefined): ProjectComputed {
  if (!values) return {};
  const amount = (field: ProjectAmountField) => {
    const yuan = tryWanInputToYuan(values[field], PROJECT_AMOUNT_RULES[field]);
    return yuan === null ? '0.00' : yuan;
  };
  const budget = amount('budget');
  const adjustment = amount('adjustment');
  const own = amount('actualOwn');
  const direct = amount('actualDirect');
  const result: ProjectComputed = {};
  if (budget !== undefined && adjustment !== undefined) {
    result.adjustedBudget = sumDecimals([budget, adjustment]);
  }
  if (own !== undefined && direct !== undefined) {
    result.actual = sumDecimals([own, direct]);
    if (budget !== undefined) {
      result.variance = subtractDecimals(result.actual, budget);
      result.executionRate = percentOf(result.actual, budget);
    }
  }
  return result;
}
