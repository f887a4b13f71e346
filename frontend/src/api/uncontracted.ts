/**
 * Responses the merged contract gives no schema for (the resource returns a JAX-RS Response or a Map),
 * so these are still written by hand: when a service documents one, replace it by an alias in types.ts.
 */
import type { NarrativeInput } from './types';

// ------------------------------------------------------------------ 绩效目标 (evaluation-service /goals)

/** Decimals the evaluation service sends as JSON numbers (BigDecimal); strings are accepted too. */
export type DecimalValue = number | string;

export const GOAL_CATEGORIES = ['QUANTITY', 'QUALITY', 'TIMELINESS', 'COST', 'BENEFIT', 'SATISFACTION'] as const;
export type GoalCategory = (typeof GOAL_CATEGORIES)[number];

export const GOAL_DIRECTIONS = ['GE', 'LE', 'EQ'] as const;
export type GoalDirection = (typeof GOAL_DIRECTIONS)[number];

/** Units the service accepts for a target (GoalService.UNITS). */
export const GOAL_UNITS = ['%', '个', '件', '次', '人', '人次', '户', '天', '项', '场', '万元', '元', '分', '所', '平方米'] as const;


// ------------------------------------------------------------------ 绩效评价: the score card

export type ScoreStatus = 'SCORED' | 'SELF_SCORED' | 'MISSING' | 'PENDING_SELF_SCORE';

export interface RankingEntry {
  rank: number;
  departmentId: string;
  total: DecimalValue;
  grade: string;
}

// ------------------------------------------------------------------ 自评报告 and 报送

export type FindingSeverity = 'FATAL' | 'WARNING';
export type FindingTag = 'EXISTENCE' | 'ACCURACY' | 'COMPLETENESS' | 'TEXT';

export interface Finding {
  severity: FindingSeverity;
  tag: FindingTag;
  /** Rule id, e.g. "variance.explanations-mismatch", "narrative.missing". */
  rule: string;
  /** Section number of the outline ("一" … "六"), or "" for the whole report. */
  section: string;
  /** Paragraph within the section (1-based), 0 when not about one paragraph. */
  paragraph: number;
  excerpt: string;
  message: string;
  expected: string | null;
}

export interface ReportPart {
  heading: string | null;
  paragraphs: string[];
}

export interface ReportOutlineSection {
  number: string;
  title: string;
  parts: ReportPart[];
}

export interface ReportDocument {
  title: string;
  sections: ReportOutlineSection[];
  unit: string;
  date: string;
}

export interface ReportView {
  report: ReportDocument;
  sheetRevision: number;
  scoreRevision: number | null;
  fatal: number;
  warnings: number;
  findings: Finding[];
  text: string;
}

/** GET /reports/{dept}/{year}/narrative: the department's own words in the report. */
export type Narrative = NarrativeInput & { updatedBy: string | null };

/** POST /checks: the checker on an uploaded report. */
export interface CheckResult {
  format: string;
  paragraphs: number;
  fatal: number;
  warnings: number;
  findings: Finding[];
}
