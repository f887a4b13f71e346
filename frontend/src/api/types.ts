/** Shapes of the slice endpoints (docs/contracts.md). Money: 元 decimal strings; rates: percent strings. */

export interface Department {
  id: string;
  code: string;
  name: string;
  jurisdiction: string;
}

export interface BasicExpenditure {
  departmentId: string;
  fiscalYear: number;
  budget: string;
  actual: string;
  variance: string;
  executionRate: string | null;
  /** 工资福利 (元), part of the actual; null = not provided. */
  personnelActual?: string | null;
  /** 对个人和家庭的补助 (元), part of the actual. */
  subsidiesActual?: string | null;
  /** 公用经费 actual (元), part of the actual. */
  publicFundsActual?: string | null;
  /** 公用经费 budget (元). */
  publicFundsBudget?: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface BasicExpenditureUpdate {
  budget: string;
  actual: string;
  personnelActual: string | null;
  subsidiesActual: string | null;
  publicFundsActual: string | null;
  publicFundsBudget: string | null;
  version: number | null;
}

export interface AuditEntry {
  /** Section of the year the change belongs to, when the server says (basic_expenditure, project, ...). */
  section?: string;
  at: string;
  actor: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  version: number | null;
}

export interface IndicatorInput {
  name: string;
  value: string | null;
  source: string;
}

export interface IndicatorValue {
  code: string;
  name: string;
  nameEn: string;
  value: string | null;
  unit: string;
  formula: string;
  inputs: IndicatorInput[];
  missing: boolean;
}

export interface Evaluation {
  departmentId: string;
  fiscalYear: number;
  sourceVersion: number;
  indicators: IndicatorValue[];
}

export interface ReportSectionFigures {
  budgetWan: string;
  actualWan: string;
  varianceWan: string;
  rate: string;
}

export interface ReportSection {
  departmentId: string;
  fiscalYear: number;
  sourceVersion: number;
  heading: string;
  paragraphs: string[];
  figures: ReportSectionFigures;
}

// ------------------------------------------------------------------ department profile

/** GET/PUT /departments/{id}: 单位基本情况. */
export interface DepartmentProfile extends Department {
  firstFiscalYear?: number;
  /** 职能职责, in order. */
  duties: string[];
  /** 内设科室. */
  divisions: string[];
  version: number;
}

export interface ProfileUpdate {
  name: string;
  duties: string[];
  divisions: string[];
  version: number;
}

// ------------------------------------------------------------------ the department-year sheet

/** GET /budgets/{dept}/{year}: everything reported for the year with every derived figure. */
export interface BudgetSheet {
  departmentId: string;
  fiscalYear: number;
  /** Filing revision: bumped by every write of the year. */
  revision: number;
  /** The filing is submitted: figures are read-only. */
  locked: boolean;
  staffing: Staffing | null;
  basic: SheetBasic | null;
  projects: Project[];
  projectTotals: ProjectTotals | null;
  threePublic: ThreePublic | null;
  /** 政府采购: budgetOrCurrent = budget, actualOrPrevious = actual. */
  procurement: AmountPair | null;
  /** 结转结余: budgetOrCurrent = this year, actualOrPrevious = last year. */
  carryOver: AmountPair | null;
  assets: Assets | null;
  /** Paid in each month 1..12 (元). */
  monthlyPayments: (string | null)[] | null;
  varianceReasons: VarianceReason[];
  reasonChecks: ReasonCheck[];
}

export interface Staffing {
  authorizedPosts: number | null;
  staffInPost: number | null;
  retiredSoldiers: number | null;
  temporaryStaff: number | null;
  secondedStaff: number | null;
  retirees: number | null;
  staffInPostLastYear: number | null;
  temporaryStaffLastYear: number | null;
  /** 实有在职在编 − 编制数 when positive. */
  overAuthorized: number | null;
  version: number;
}

export interface StaffingUpdate {
  authorizedPosts: number | null;
  staffInPost: number | null;
  retiredSoldiers: number | null;
  temporaryStaff: number | null;
  secondedStaff: number | null;
  retirees: number | null;
  version: number | null;
}

export interface SheetBasic {
  budget: string;
  actual: string;
  variance: string;
  executionRate: string | null;
  personnelActual: string | null;
  subsidiesActual: string | null;
  publicFundsActual: string | null;
  publicFundsBudget: string | null;
  /** Sum of the three parts (null when a part is missing). */
  partsSum: string | null;
  /** actual − partsSum: non-zero means the parts and the total disagree. */
  partsDifference: string | null;
  version: number;
}

export interface Project {
  id: number;
  name: string;
  /** 年初预算 (元). */
  budget: string;
  /** 追加 (+) / 调减 (−) (元). */
  adjustment: string;
  adjustmentReason: string | null;
  adjustedBudget: string;
  /** 单位支付. */
  actualOwn: string;
  /** 财政直接支付. */
  actualDirect: string;
  actual: string;
  variance: string;
  executionRate: string | null;
  keyProject: boolean;
  version: number;
}

export interface ProjectInput {
  name: string;
  budget: string;
  adjustment: string | null;
  adjustmentReason: string | null;
  actualOwn: string;
  actualDirect: string | null;
  keyProject: boolean;
  version?: number | null;
}

export interface ProjectTotals {
  count: number;
  budget: string;
  adjustment: string;
  adjustedBudget: string;
  actualOwn: string;
  actualDirect: string;
  actual: string;
  variance: string;
  executionRate: string | null;
  keyProjectsActual: string;
  keyProjectsShare: string | null;
}

export interface ThreePublic {
  overseasBudget: string | null;
  overseasActual: string | null;
  carsBudget: string | null;
  carsActual: string | null;
  receptionBudget: string | null;
  receptionActual: string | null;
  totalBudget: string | null;
  totalActual: string | null;
  budgetLastYear: string | null;
  version: number;
}

export interface AmountPair {
  budgetOrCurrent: string | null;
  actualOrPrevious: string | null;
}

export interface Assets {
  total: string | null;
  inUse: string | null;
  utilisationRate: string | null;
}

export interface OtherFiguresUpdate {
  overseasBudget: string | null;
  overseasActual: string | null;
  carsBudget: string | null;
  carsActual: string | null;
  receptionBudget: string | null;
  receptionActual: string | null;
  threePublicBudgetLastYear: string | null;
  procurementBudget: string | null;
  procurementActual: string | null;
  carryOver: string | null;
  carryOverLastYear: string | null;
  fixedAssetsTotal: string | null;
  fixedAssetsInUse: string | null;
  monthlyPayments: string[] | null;
  version: number | null;
}

export type VarianceLine = 'BASIC' | 'PROJECTS' | 'PROJECT';

export interface VarianceReason {
  id: number;
  line: VarianceLine;
  projectId: number | null;
  amount: string;
  reason: string;
}

export interface VarianceReasonInput {
  line: VarianceLine;
  projectId: number | null;
  amount: string;
  reason: string;
}

export interface VarianceReasonsUpdate {
  reasons: VarianceReasonInput[];
  revision: number | null;
}

export interface ReasonCheck {
  line: VarianceLine;
  projectId: number | null;
  variance: string;
  explained: string;
  unexplained: string;
  matches: boolean;
}

// ------------------------------------------------------------------ bureau overview

export interface OverviewRow {
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  jurisdiction: string;
  fiscalYear: number;
  revision: number;
  locked: boolean;
  basicBudget: string | null;
  basicActual: string | null;
  projectBudget: string | null;
  projectActual: string | null;
  totalBudget: string | null;
  totalActual: string | null;
  executionRate: string | null;
}

export interface OverviewPage {
  items: OverviewRow[];
  nextCursor: string | null;
}

export type ExportFormat = 'csv' | 'ndjson';

// ------------------------------------------------------------------ 绩效目标 (evaluation-service /goals)

/** Decimals the evaluation service sends as JSON numbers (BigDecimal); strings are accepted too. */
export type DecimalValue = number | string;

export const GOAL_CATEGORIES = ['QUANTITY', 'QUALITY', 'TIMELINESS', 'COST', 'BENEFIT', 'SATISFACTION'] as const;
export type GoalCategory = (typeof GOAL_CATEGORIES)[number];

export const GOAL_DIRECTIONS = ['GE', 'LE', 'EQ'] as const;
export type GoalDirection = (typeof GOAL_DIRECTIONS)[number];

/** Units the service accepts for a target (GoalService.UNITS). */
export const GOAL_UNITS = ['%', '个', '件', '次', '人', '人次', '户', '天', '项', '场', '万元', '元', '分', '所', '平方米'] as const;

export interface GoalIndicator {
  id: number;
  goal: string;
  category: GoalCategory;
  name: string;
  unit: string;
  direction: GoalDirection;
  target: DecimalValue;
  actual: DecimalValue | null;
  keyTask: boolean;
  /** null: no actual yet. */
  met: boolean | null;
}

export interface GoalsView {
  /** null until the goals were first saved. */
  version: number | null;
  indicators: GoalIndicator[];
}

export interface GoalIndicatorInput {
  category: GoalCategory;
  name: string;
  unit: string;
  direction: GoalDirection;
  target: string;
  actual: string | null;
  keyTask: boolean;
}

export interface GoalsInput {
  goals: { goal: string; indicators: GoalIndicatorInput[] }[];
  version: number | null;
}

// ------------------------------------------------------------------ 绩效评价: the score card

export type ScoreStatus = 'SCORED' | 'SELF_SCORED' | 'MISSING' | 'PENDING_SELF_SCORE';

export interface ScoreItem {
  level1: string;
  level2: string;
  code: string;
  name: string;
  /** English names from the template, when it gives them (shown in the English UI). */
  nameEn?: string | null;
  level1En?: string | null;
  level2En?: string | null;
  points: DecimalValue;
  /** ratio, target, ceiling, bands, qualitative … */
  ruleKind: string;
  ruleText: string | null;
  value: DecimalValue | null;
  /** By the rule, or the department's self-score. */
  score: DecimalValue;
  status: ScoreStatus;
  /** Why this score (for a self-score: the evidence). */
  explanation: string | null;
  /** The finance bureau's score, when it adjusted this one (the total counts it). */
  adjustedScore: DecimalValue | null;
  /** The bureau's comment on its adjustment. */
  adjustment: string | null;
  /** Version of the self-score row, when the service sends it (needed to change a self-score). */
  selfScoreVersion?: number | null;
  /** Version of the adjustment row, when the service sends it (needed to change an adjustment). */
  adjustmentVersion?: number | null;
}

export interface ScoreCard {
  templateCode: string;
  total: DecimalValue;
  grade: string;
  maxPoints: DecimalValue;
  items: ScoreItem[];
  /** Names of indicators scored 0 for 数据缺失. */
  missing: string[];
}

export interface EvaluationWithScore extends Evaluation {
  revision?: number;
  score: ScoreCard | null;
}

export type SelfScoreTier = 'GOOD' | 'FAIR' | 'POOR';

export interface SelfScoreInput {
  tier: SelfScoreTier;
  score: string;
  evidence: string;
  version: number | null;
}

export interface AdjustmentInput {
  score: string;
  comment: string;
  version: number | null;
}

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

/** An item of 四 (存在的问题及原因): the problem and, optionally, its cause. */
export interface NarrativeProblem {
  text: string;
  cause: string | null;
}

/** An item of 五 (改进措施): problemRef is the 1-based number of the problem of 四 it answers (null only on converted old text). */
export interface NarrativeMeasure {
  text: string;
  problemRef: number | null;
}

/** The department's own words in the report; goals, achievements and other are plain text (paragraphs split by blank lines). */
export interface Narrative {
  goals: string;
  achievements: string;
  problems: NarrativeProblem[];
  measures: NarrativeMeasure[];
  other: string;
  version: number | null;
  updatedBy: string | null;
}

export type NarrativeInput = Omit<Narrative, 'updatedBy'>;

/** SUBMITTING: submitted and locked in report-service; budget and evaluation have not both confirmed their locks yet. */
export type FilingStatus = 'DRAFT' | 'SUBMITTING' | 'SUBMITTED' | 'RETURNED' | 'APPROVED';

export interface FilingVersionInfo {
  number: number;
  submittedAt: string;
  submittedBy: string;
  contentHash: string;
  sheetRevision: number;
}

export interface FilingStep {
  step: 'SUBMITTED' | 'RETURNED' | 'APPROVED';
  filingVersion: number;
  actor: string;
  at: string;
  comment: string | null;
}

export interface Filing {
  departmentId: string;
  fiscalYear: number;
  status: FilingStatus;
  latestVersion: number | null;
  versions: FilingVersionInfo[];
  history: FilingStep[];
}

/** POST /checks: the checker on an uploaded report. */
export interface CheckResult {
  format: string;
  paragraphs: number;
  fatal: number;
  warnings: number;
  findings: Finding[];
}
