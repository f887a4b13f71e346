// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Notice, Round } from '../../api/season';
import { currentRound, daysLeftText, deadlineAlertType, extensionValid, submittedShare, unreadCount } from './seasonState';

function round(over: Partial<Round>): Round {
  return {
    id: 1, fiscalYear: 2020, district: '示例区', deadline: '2021-04-30', templateVersion: 1, status: 'OPEN',
    openedBy: 'caizheng', openedAt: '2021-03-01T00:00:00Z', closedAt: null, version: 0, counts: null, departments: [],
    ...over,
  };
}

describe('season state', () => {
  it('words the days left, the deadline day and overdue days', () => {
    expect(daysLeftText(3)).toEqual({ key: 'season.daysLeft', n: 3 });
    expect(daysLeftText(0)).toEqual({ key: 'season.dueToday', n: 0 });
    expect(daysLeftText(-2)).toEqual({ key: 'season.daysOverdue', n: 2 });
  });

  it('warns within 7 days, errs when overdue, and is calm once submitted', () => {
    expect(deadlineAlertType(8, 'IN_PROGRESS')).toBe('info');
    expect(deadlineAlertType(7, 'NOT_STARTED')).toBe('warning');
    expect(deadlineAlertType(-1, 'OVERDUE')).toBe('error');
    expect(deadlineAlertType(-1, 'SUBMITTED')).toBe('success');
  });

  it('counts submitted and approved as filed, rounded down', () => {
    const counts = { NOT_STARTED: 1, IN_PROGRESS: 0, SUBMITTED: 1, RETURNED: 0, APPROVED: 0, OVERDUE: 1 };
    expect(submittedShare(round({ counts }))).toBe(33);
    expect(submittedShare(round({ counts: null }))).toBe(0);
    expect(submittedShare(round({ counts: { ...counts, NOT_STARTED: 0, SUBMITTED: 0, OVERDUE: 0 } }))).toBe(0);
  });

  it('picks the latest open round, else the latest', () => {
    const closed2021 = round({ id: 3, fiscalYear: 2021, status: 'CLOSED' });
    const open2020 = round({ id: 2, fiscalYear: 2020 });
    expect(currentRound([open2020, closed2021])?.id).toBe(2);
    expect(currentRound([closed2021])?.id).toBe(3);
    expect(currentRound([])).toBeUndefined();
  });

  it('counts unread notices and checks an extension before it is sent', () => {
    const notice = (id: number, readAt: string | null): Notice => ({
      id, departmentId: 'd', fiscalYear: 2020, roundId: 1, kind: 'DUE_7', deadline: '2021-04-30', comment: null,
      createdAt: '2021-04-23T00:00:00Z', readAt,
    });
    expect(unreadCount([notice(1, null), notice(2, '2021-04-24T00:00:00Z')])).toBe(1);
    expect(extensionValid('2021-04-30', '2021-05-10', '理由')).toBe(true);
    expect(extensionValid('2021-04-30', '2021-04-30', '理由')).toBe(false);
    expect(extensionValid('2021-04-30', '2021-05-10', '  ')).toBe(false);
    expect(extensionValid('2021-04-30', null, '理由')).toBe(false);
  });
});
