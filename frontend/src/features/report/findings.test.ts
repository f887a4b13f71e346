// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../api/types';
import { DOWNLOAD_FORMATS, canSubmit, fixTarget, sortFindings } from './findings';

const finding = (over: Partial<Finding>): Finding => ({
  severity: 'FATAL',
  tag: 'ACCURACY',
  rule: 'parts.mismatch',
  section: '二',
  paragraph: 19,
  excerpt: '',
  message: '',
  expected: null,
  ...over,
});

describe('checker findings', () => {
  it('links each finding to the screen where it is fixed', () => {
    expect(fixTarget(finding({}))?.path).toBe('/budget/basic');
    expect(fixTarget(finding({ rule: 'variance.explanations-mismatch' }))?.path).toBe('/budget/reasons');
    expect(fixTarget(finding({ rule: 'staff.over-authorized', section: '一' }))?.path).toBe('/profile');
    expect(fixTarget(finding({ rule: 'spending.year-end-rush', section: '二' }))).toEqual({ path: '/budget/other', labelKey: 'other' });
    expect(fixTarget(finding({ rule: 'count.mismatch', section: '二' }))?.path).toBe('/budget/projects');
    expect(fixTarget(finding({ rule: 'score.missing', section: '三' }))?.path).toBe('/evaluation');
    expect(fixTarget(finding({ rule: 'narrative.missing', section: '四' }))).toEqual({ path: '/report/narrative', labelKey: 'narrative', field: 'problems' });
    expect(fixTarget(finding({ rule: 'narrative.missing', section: '三', excerpt: '主要成效：（待填写）' }))?.field).toBe('achievements');
    expect(fixTarget(finding({ rule: 'narrative.missing', section: '三', excerpt: '绩效目标：（待填写）' }))?.field).toBe('goals');
    expect(fixTarget(finding({ rule: 'passage.repeated', section: '五' }))?.field).toBe('measures');
    expect(fixTarget(finding({ rule: 'outline.order', section: '' }))).toBeNull();
  });

  it('lists fatal findings first, then by section and paragraph', () => {
    const sorted = sortFindings([
      finding({ severity: 'WARNING', section: '一', paragraph: 3 }),
      finding({ section: '四', paragraph: 0 }),
      finding({ section: '二', paragraph: 21 }),
      finding({ section: '二', paragraph: 19 }),
    ]);
    expect(sorted.map((f) => `${f.severity}/${f.section}/${f.paragraph}`)).toEqual(['FATAL/二/19', 'FATAL/二/21', 'FATAL/四/0', 'WARNING/一/3']);
  });

  it('blocks submitting with fatal findings or while submitted/approved; a returned filing may go again', () => {
    expect(canSubmit('DRAFT', 2)).toEqual({ allowed: false, reason: 'fatal' });
    expect(canSubmit('DRAFT', 0)).toEqual({ allowed: true });
    expect(canSubmit('RETURNED', 0)).toEqual({ allowed: true });
    expect(canSubmit('SUBMITTED', 0)).toEqual({ allowed: false, reason: 'submitted' });
    // submitted, locks not yet confirmed by every service: no second submit either
    expect(canSubmit('SUBMITTING', 0)).toEqual({ allowed: false, reason: 'submitted' });
    expect(canSubmit('APPROVED', 0)).toEqual({ allowed: false, reason: 'approved' });
  });

  it('offers the DOCX, the PDF and the 评分表 XLSX at the paths report-service serves', () => {
    expect(DOWNLOAD_FORMATS.filter((f) => f.available).map((f) => f.key)).toEqual(['docx', 'pdf', 'xlsx']);
    expect(DOWNLOAD_FORMATS.map((f) => f.file)).toEqual(['report.docx', 'report.pdf', 'score.xlsx']);
  });
});
