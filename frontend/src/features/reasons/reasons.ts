import type { BudgetSheet, Project, ReasonCheck, VarianceLine, VarianceReason, VarianceReasonsUpdate } from '../../api/types';
import { checkWanAmount, wanInputToYuan, yuanToWanInput } from '../../lib/amountInput';
import { compareDecimals } from '../../lib/decimal';
import { formatWan } from '../../lib/money';

export const LINES: readonly VarianceLine[] = ['BASIC', 'PROJECTS', 'PROJECT'];

/** One reason as edited: amount in 万元, signed. */
export interface ReasonFormValue {
  line: VarianceLine;
  projectId?: number | null;
  amount: string;
  reason: string;
}

export interface ReasonsFormValues {
  reasons: ReasonFormValue[];
}

export const AMOUNT_RULES = { required: true, allowNegative: true } as const;

export function toReasonsFormValues(reasons: readonly VarianceReason[] | undefined): ReasonsFormValues {
  return {
    reasons: (reasons ?? []).map((reason) => ({
      line: reason.line,
      projectId: reason.projectId,
      amount: yuanToWanInput(reason.amount),
      reason: reason.reason,
    })),
  };
}

/** The PUT body: amounts exactly in 元, projectId only for a PROJECT line, the revision read (null if 0). */
export function toReasonsUpdate(values: ReasonsFormValues, revision: number): VarianceReasonsUpdate {
  return {
    reasons: (values.reasons ?? []).map((reason, index) => {
      const problem = checkWanAmount(reason.amount, AMOUNT_RULES);
      if (problem !== null) throw new Error(`Invalid reasons[${index}].amount: ${problem}`);
      return {
        line: reason.line,
        projectId: reason.line === 'PROJECT' ? (reason.projectId ?? null) : null,
        amount: wanInputToYuan(reason.amount, AMOUNT_RULES)!,
        reason: reason.reason.trim(),
      };
    }),
    revision: revision === 0 ? null : revision,
  };
}

/** How a reason check is shown: the line, its variance and what is explained, green or red. */
export interface ReasonCheckView {
  /** Stable test id: reason-check-BASIC, reason-check-PROJECTS, reason-check-PROJECT-12. */
  testId: string;
  line: VarianceLine;
  /** Project name for a PROJECT line (or undefined when the project is unknown). */
  projectName?: string;
  projectId: number | null;
  /** 万元, 2 decimals. */
  variance: string;
  explained: string;
  unexplained: string;
  /**
   * success: the reasons add up to the variance; error: they do not; warning: a project's own
   * variance has no reason of its own (it may be covered by a reason for all projects).
   */
  status: 'success' | 'error' | 'warning';
}

export function reasonCheckView(check: ReasonCheck, projects: readonly Pick<Project, 'id' | 'name'>[]): ReasonCheckView {
  return {
    testId: check.line === 'PROJECT' ? `reason-check-PROJECT-${check.projectId}` : `reason-check-${check.line}`,
    line: check.line,
    projectId: check.projectId,
    projectName: check.projectId === null ? undefined : projects.find((project) => project.id === check.projectId)?.name,
    variance: formatWan(check.variance),
    explained: formatWan(check.explained),
    unexplained: formatWan(check.unexplained),
    status: check.matches ? 'success' : 'error',
  };
}

/**
 * The checks in the order a reader expects: basic, all projects, then each project in table order.
 * A project with a variance but no reason of its own gets a row too (status warning): that is where
 * an unexplained rest of the projects' variance usually sits.
 */
export function reasonCheckViews(sheet: Pick<BudgetSheet, 'reasonChecks' | 'projects'>): ReasonCheckView[] {
  const checks: ReasonCheck[] = [...sheet.reasonChecks];
  const checked = new Set(checks.filter((check) => check.line === 'PROJECT').map((check) => check.projectId));
  const synthetic = new Set<number>();
  for (const project of sheet.projects) {
    if (!checked.has(project.id) && compareDecimals(project.variance, '0') !== 0) {
      checks.push({
        line: 'PROJECT',
        projectId: project.id,
        variance: project.variance,
        explained: '0.00',
        unexplained: project.variance,
        matches: false,
      });
      synthetic.add(project.id);
    }
  }
  const order = (check: ReasonCheck) => {
    if (check.line === 'BASIC') return -2;
    if (check.line === 'PROJECTS') return -1;
    const index = sheet.projects.findIndex((project) => project.id === check.projectId);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return checks
    .sort((a, b) => order(a) - order(b))
    .map((check) => {
      const view = reasonCheckView(check, sheet.projects);
      return check.projectId !== null && synthetic.has(check.projectId) ? { ...view, status: 'warning' as const } : view;
    });
}
