import type { Notice, Progress, Round } from '../../api/season';

/** Tag colours of a department's progress in a round. */
export const PROGRESS_COLORS: Readonly<Record<Progress, string>> = {
  NOT_STARTED: 'default',
  IN_PROGRESS: 'processing',
  SUBMITTED: 'blue',
  RETURNED: 'orange',
  APPROVED: 'success',
  OVERDUE: 'error',
};

/** The i18n key and arguments of a days-left line: due today, n days left, or n days overdue. */
export function daysLeftText(daysLeft: number): { key: string; n: number } {
  if (daysLeft < 0) return { key: 'season.daysOverdue', n: -daysLeft };
  if (daysLeft === 0) return { key: 'season.dueToday', n: 0 };
  return { key: 'season.daysLeft', n: daysLeft };
}

/** How urgent the deadline looks on a department's home page. */
export function deadlineAlertType(daysLeft: number, progress: Progress): 'success' | 'info' | 'warning' | 'error' {
  if (progress === 'SUBMITTED' || progress === 'APPROVED') return 'success';
  if (daysLeft < 0) return 'error';
  return daysLeft <= 7 ? 'warning' : 'info';
}

/** Submitted and approved out of all departments, in percent with no decimals (0 for an empty round). */
export function submittedShare(round: Round): number {
  if (!round.counts) return 0;
  const total = Object.values(round.counts).reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  return Math.floor(((round.counts.SUBMITTED + round.counts.APPROVED) * 100) / total);
}

/** The department's open round: the one of the latest year still open, else the latest. */
export function currentRound(rounds: readonly Round[]): Round | undefined {
  const sorted = [...rounds].sort((a, b) => b.fiscalYear - a.fiscalYear || b.id - a.id);
  return sorted.find((r) => r.status === 'OPEN') ?? sorted[0];
}

export function unreadCount(notices: readonly Notice[]): number {
  return notices.filter((n) => n.readAt === null).length;
}

/** An extension must be later than the round's deadline (ISO dates compare as strings). */
export function extensionValid(deadline: string, until: string | null, reason: string): boolean {
  return until !== null && until > deadline && reason.trim().length > 0;
}
