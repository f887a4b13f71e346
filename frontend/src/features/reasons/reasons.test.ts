// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sampleSheet } from '../../test/sampleSheet';
import { reasonCheckView, reasonCheckViews, toReasonsFormValues, toReasonsUpdate } from './reasons';

describe('reason checks as shown', () => {
  it('shows the sample’s project variance as not fully explained, in red', () => {
    const sheet = sampleSheet();
    const projects = reasonCheckView(sheet.reasonChecks[1]!, sheet.projects);
    expect(projects).toEqual({
      testId: 'reason-check-PROJECTS',
      line: 'PROJECTS',
      projectId: null,
      projectName: undefined,
      variance: '77.41',
      explained: '77.52',
      unexplained: '-0.11',
      status: 'error',
    });
  });

  it('names the project of a PROJECT line and is green when it matches', () => {
    const sheet = sampleSheet();
    const bravery = reasonCheckView(sheet.reasonChecks[5]!, sheet.projects);
    expect(bravery).toMatchObject({
      testId: 'reason-check-PROJECT-14',
      projectName: '见义勇为奖励金',
      variance: '-6.90',
      unexplained: '0.00',
      status: 'success',
    });
    expect(reasonCheckView({ ...sheet.reasonChecks[5]!, projectId: 99 }, sheet.projects).projectName).toBeUndefined();
  });

  it('orders basic, all projects, then the projects in table order', () => {
    const sheet = sampleSheet();
    sheet.reasonChecks.reverse();
    expect(reasonCheckViews(sheet).map((view) => view.testId)).toEqual([
      'reason-check-BASIC',
      'reason-check-PROJECTS',
      'reason-check-PROJECT-11',
      'reason-check-PROJECT-12',
      'reason-check-PROJECT-13',
      'reason-check-PROJECT-14',
      'reason-check-PROJECT-15',
    ]);
  });

  it('adds a warning row for a project whose variance has no reason of its own', () => {
    const views = reasonCheckViews(sampleSheet());
    expect(views.find((view) => view.testId === 'reason-check-PROJECT-15')).toMatchObject({
      projectName: '综治维稳工作经费',
      variance: '-0.11',
      explained: '0.00',
      unexplained: '-0.11',
      status: 'warning',
    });
    // A project without a variance needs no reason.
    expect(views.some((view) => view.testId === 'reason-check-PROJECT-16')).toBe(false);
  });
});

describe('reasons form ↔ request', () => {
  it('round-trips the stored reasons in 元, with the revision read', () => {
    const sheet = sampleSheet();
    const values = toReasonsFormValues(sheet.varianceReasons);
    expect(values.reasons[3]).toEqual({ line: 'PROJECT', projectId: 14, amount: '-6.90', reason: '奖励金发放少于预算' });
    const update = toReasonsUpdate(values, sheet.revision);
    expect(update.revision).toBe(10);
    expect(update.reasons.map((reason) => reason.amount)).toEqual(['52800.00', '701400.00', '90000.00', '-69000.00']);
  });

  it('drops the project of a non-project line, trims, sends revision null at 0', () => {
    expect(
      toReasonsUpdate({ reasons: [{ line: 'BASIC', projectId: 12, amount: '61.25', reason: ' 人员增加 ' }] }, 0),
    ).toEqual({ reasons: [{ line: 'BASIC', projectId: null, amount: '612500.00', reason: '人员增加' }], revision: null });
  });
});
