import type { Finding, FilingStatus } from '../../api/types';

/** Where a finding is fixed: a route of the SPA (with a narrative field to focus, when it is text). */
export interface FixTarget {
  path: string;
  /** i18n key of the link text (report.fix.*). */
  labelKey: string;
  /** Narrative field to focus on /report/narrative. */
  field?: NarrativeField;
}

export const NARRATIVE_FIELDS = ['goals', 'achievements', 'problems', 'measures', 'other'] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];

/** Outline section → the narrative field that writes it (三 has goals and achievements: goals first). */
const NARRATIVE_BY_SECTION: Record<string, NarrativeField> = { 三: 'goals', 四: 'problems', 五: 'measures', 六: 'other' };

/**
 * The screen where the cause of a finding is fixed. Figures live in 单位情况 (一) and 预算与支出 (二);
 * the department's own words (三 … 六) in the narrative editor; a missing score on 绩效评价.
 */
export function fixTarget(finding: Pick<Finding, 'rule' | 'section'> & { excerpt?: string }): FixTarget | null {
  const { rule, section } = finding;
  if (rule === 'score.missing') return { path: '/evaluation', labelKey: 'evaluation' };
  if (rule === 'narrative.missing') {
    // 三 has two parts the department writes: 绩效目标 (goals) and 主要成效 (achievements).
    const field = section === '三' && finding.excerpt?.startsWith('主要成效') ? 'achievements' : (NARRATIVE_BY_SECTION[section] ?? 'goals');
    return { path: '/report/narrative', labelKey: 'narrative', field };
  }
  if (rule === 'variance.explanations-mismatch' || rule === 'variance.mismatch') {
    return { path: '/budget/reasons', labelKey: 'reasons' };
  }
  if (rule === 'staff.over-authorized') return { path: '/profile', labelKey: 'profile' };
  // 年底突击花钱 comes from the monthly payments (其他数据), not from a sentence of the report
  if (rule === 'spending.year-end-rush') return { path: '/budget/other', labelKey: 'other' };
  if (section === '一') return { path: '/profile', labelKey: 'profile' };
  if (section === '二') {
    if (rule === 'count.mismatch') return { path: '/budget/projects', labelKey: 'projects' };
    if (rule === 'parts.mismatch' || rule === 'rate.mismatch' || rule === 'sum.mismatch') {
      return { path: '/budget/basic', labelKey: 'basic' };
    }
    return { path: '/budget/basic', labelKey: 'basic' };
  }
  const field = NARRATIVE_BY_SECTION[section];
  if (field) return { path: '/report/narrative', labelKey: 'narrative', field };
  return null;
}

/** Fatal first, then by outline section (一 … 六), then paragraph. */
const SECTION_ORDER = ['', '一', '二', '三', '四', '五', '六'];
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const sectionIndex = (section: string) => {
    const index = SECTION_ORDER.indexOf(section);
    return index < 0 ? SECTION_ORDER.length : index;
  };
  return [...findings].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'FATAL' ? -1 : 1) ||
      sectionIndex(a.section) - sectionIndex(b.section) ||
      a.paragraph - b.paragraph,
  );
}

/** What the department may do with its filing now. */
export function canSubmit(status: FilingStatus | undefined, fatal: number): { allowed: boolean; reason?: 'fatal' | 'submitted' | 'approved' } {
  if (status === 'SUBMITTED' || status === 'SUBMITTING') return { allowed: false, reason: 'submitted' };
  if (status === 'APPROVED') return { allowed: false, reason: 'approved' };
  if (fatal > 0) return { allowed: false, reason: 'fatal' };
  return { allowed: true };
}

/** Antd colour of a filing status tag. */
export function statusColor(status: FilingStatus | undefined): string {
  switch (status) {
    case 'SUBMITTING':
    case 'SUBMITTED':
      return 'processing';
    case 'RETURNED':
      return 'warning';
    case 'APPROVED':
      return 'success';
    default:
      return 'default';
  }
}

/**
 * The report formats offered for download: report-service serves each as
 * GET /reports/{d}/{y}/{file}. A format that is not served (yet) stays listed with `available: false`.
 */
export interface DownloadFormat {
  key: 'docx' | 'pdf' | 'xlsx';
  /** Path below /reports/{d}/{y}/. */
  file: string;
  available: boolean;
}

export const DOWNLOAD_FORMATS: readonly DownloadFormat[] = [
  { key: 'docx', file: 'report.docx', available: true },
  { key: 'pdf', file: 'report.pdf', available: true },
  // 评分表 (score sheet) of the year, as a workbook.
  { key: 'xlsx', file: 'score.xlsx', available: true },
];
