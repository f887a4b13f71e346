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
