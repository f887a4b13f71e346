/**
 * The SPA's names for the API's shapes. Everything the merged contract (docs/openapi/jixiao-api.json)
 * describes is an alias of the generated `components['schemas']` (./generated/jixiao-api.ts, see
 * frontend/README.md "API types"), so a contract change that breaks a page fails `npm run typecheck`.
 * Client-side choices (the goals editor's lists) are in ./goalConstants.ts.
 * Money: 元 decimal strings; rates: percent strings.
 */
import type { components } from './generated/jixiao-api';

type Schemas = components['schemas'];

/** Decimals the evaluation service sends as JSON numbers (BigDecimal); strings are accepted too. */
export type DecimalValue = number | string;

/**
 * The contract documents BigDecimal request fields as JSON numbers; the services' JSON reader takes a
 * decimal string as well, and the SPA sends strings so that money never goes through floating point.
 * K names the decimal fields (checked against the contract's keys).
 */
export type DecimalStrings<T, K extends keyof T> = Omit<T, K> & {
  [P in K]: Extract<T[P], number> extends never ? T[P] : Exclude<T[P], number> | string;
};

/**
 * Fields the services send as null although the contract does not say so (SmallRye marks no `null`
 * for them; fixing that is the services' part): K names them, checked against the contract's keys.
 */
export type WithNulls<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };

/** T with the nested shapes O replaced (O's keys must be T's keys, so a renamed field still fails). */
type Nest<T, O extends { [P in keyof O]: P extends keyof T ? unknown : never }> = Omit<T, keyof O> & O;

// ------------------------------------------------------------------ departments

/** What the department pickers read of GET /departments. */
export type Department = Pick<Schemas['Department'], 'id' | 'code' | 'name' | 'jurisdiction'>;
/** GET/PUT /departments/{id}: 单位基本情况. */
export type DepartmentProfile = Schemas['Department'];
export type ProfileUpdate = Schemas['ProfileInput'];

/** T with the fields K optional: the service leaves them out when it has nothing to say (JsonInclude NON_NULL). */
type Omitted<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** POST /departments (单位开户): initialPassword omitted, the service generates one and returns it once. */
export type OnboardingInput = Nest<Schemas['OnboardingInput'], { user: Omitted<Schemas['OnboardingUser'], 'initialPassword'> }>;
/** The department and its first user; initialPassword only when the service generated it (shown this once, never stored). */
export type OnboardingResult = Nest<
  Schemas['OnboardingResult'],
  { user: Omitted<Schemas['OnboardingResultUser'], 'initialPassword'> }
>;

// ------------------------------------------------------------------ 基本支出 (single section)

export type BasicExpenditure = Schemas['BasicExpenditure'];
export type BasicExpenditureUpdate = DecimalStrings<
  Schemas['BasicExpenditureInput'],
  'personnelActual' | 'subsidiesActual' | 'publicFundsActual' | 'publicFundsBudget'
>;
/** Who changed which field when; oldValue, newValue and version null where there is none. */
export type AuditEntry = Schemas['AuditEntryView'];

// ------------------------------------------------------------------ the department-year sheet

/** Every count null when not entered. */
export type Staffing = Schemas['Staffing'];
export type StaffingUpdate = WithNulls<Schemas['StaffingInput'], Exclude<keyof Schemas['StaffingInput'], 'version'>>;
/** 基本支出 in the sheet: partsSum is null while a part is missing; partsDifference = actual − partsSum. */
export type SheetBasic = Schemas['Basic'];
export type Project = Schemas['Project'];
export type ProjectInput = WithNulls<
  DecimalStrings<Schemas['ProjectInput'], 'budget' | 'adjustment' | 'actualOwn' | 'actualDirect'>,
  'adjustment' | 'adjustmentReason' | 'actualDirect' | 'version'
>;
export type ProjectTotals = Schemas['ProjectTotals'];
export type ThreePublic = Schemas['ThreePublic'];
/** 政府采购: budgetOrCurrent = budget, actualOrPrevious = actual; 结转结余: this year, last year. */
export type AmountPair = Schemas['Pair'];
export type Assets = Schemas['Assets'];
export type OtherFiguresUpdate = WithNulls<
  DecimalStrings<
    Omit<Schemas['OtherFiguresInput'], 'monthlyPayments'>,
    Exclude<keyof Schemas['OtherFiguresInput'], 'monthlyPayments' | 'version'>
  >,
  Exclude<keyof Schemas['OtherFiguresInput'], 'monthlyPayments'>
> & { monthlyPayments: string[] | null };
export type VarianceLine = Schemas['Line'];
export type VarianceReason = Schemas['Reason'];
export type VarianceReasonInput = WithNulls<DecimalStrings<Schemas['VarianceReasonInput'], 'amount'>, 'projectId'>;
export type VarianceReasonsUpdate = Nest<WithNulls<Schemas['VarianceReasonsInput'], 'revision'>, { reasons: VarianceReasonInput[] }>;
export type ReasonCheck = Schemas['ReasonCheck'];

/** GET /budgets/{dept}/{year}: everything reported for the year with every derived figure; a part not reported yet is null. */
export type BudgetSheet = Nest<
  Schemas['BudgetSheet'],
  {
    /** Paid in each month 1..12 (元), a month null when not entered (an annotation cannot mark a list's items null). */
    monthlyPayments: (string | null)[] | null;
  }
>;

// ------------------------------------------------------------------ import jobs (budget-service)

/** One wrong cell of the file: where it is (as Excel shows it) and what to do, in the caller's language. */
export type ImportRowError = Schemas['ImportRowError'];
/** Why the whole file was refused or not saved (import.invalid, filing.locked, import.interrupted, …). */
export type ImportFailure = Schemas['ImportFailure'];
/** What a successful import saved: counts per section and the sheet's new revision. */
export type ImportSummary = Schemas['ImportSummary'];
/** GET/POST …/imports: a background import, polled for its progress; percent runs over both phases. */
export type ImportJob = Schemas['ImportJob'];
export type ImportState = ImportJob['state'];
export type ImportPhase = NonNullable<ImportJob['phase']>;

// ------------------------------------------------------------------ bureau overview

export type OverviewRow = WithNulls<
  Schemas['Row'],
  'basicBudget' | 'basicActual' | 'projectBudget' | 'projectActual' | 'totalBudget' | 'totalActual' | 'executionRate'
>;
/** The contract names it Page1 (another service's Page came first in the merge). */
export type OverviewPage = Nest<WithNulls<Schemas['Page1'], 'nextCursor'>, { items: OverviewRow[] }>;
export type ExportFormat = 'csv' | 'ndjson';

/** 抽查复核 on a summary row: the self total as re-reviewed, the re-review total, their deviation and 自评偏差较大. */
export type SummaryReReview = Schemas['DistrictSummaryReReview'];
/** One department of report-service's GET /reports/summary; reReview null when it was not re-reviewed. */
export type SummaryRow = Schemas['DistrictSummaryRow'];
/** A page of the district summary; nextCursor null on the last. */
export type SummaryPage = Schemas['DistrictSummaryPage'];

// ------------------------------------------------------------------ evaluation and report section

export type IndicatorInput = Schemas['Input'];
export type IndicatorValue = Schemas['Indicator'];
export type ScoreItem = Schemas['Item'];
export type ScoreCard = Schemas['ScoreCard'];
/** GET /evaluations/{dept}/{year}: indicators and, once a template applies, the score card. */
export type Evaluation = Schemas['Evaluation'];
export type EvaluationWithScore = Evaluation;
export type SelfScoreTier = Schemas['Tier'];
export type SelfScoreInput = WithNulls<DecimalStrings<Schemas['SelfScoreInput'], 'score'>, 'version'>;
export type AdjustmentInput = WithNulls<DecimalStrings<Schemas['AdjustmentInput'], 'score'>, 'version'>;
export type ReportSectionFigures = Schemas['ReportSectionFigures'];
export type ReportSection = Schemas['ReportSection'];
/** GET /evaluations/ranking: equal totals share a rank; total is a decimal. */
export type RankingEntry = Nest<Schemas['RankingEntryResponse'], { total: DecimalValue }>;

// ------------------------------------------------------------------ 绩效目标 input and the narrative

export type GoalIndicatorInput = WithNulls<DecimalStrings<Schemas['IndicatorInput'], 'target' | 'actual'>, 'actual'>;
export type GoalsInput = Nest<
  WithNulls<Schemas['GoalsInput'], 'version'>,
  { goals: Nest<Schemas['GoalInput'], { indicators: GoalIndicatorInput[] }>[] }
>;
/** An item of 四 (存在的问题及原因): the problem and, optionally, its cause. */
export type NarrativeProblem = Schemas['Problem'];
/** An item of 五 (改进措施): problemRef is the 1-based number of the problem of 四 it answers (null only on converted old text). */
export type NarrativeMeasure = Schemas['Measure'];
export type NarrativeInput = WithNulls<Schemas['NarrativeInput'], 'version'>;
/** GET/PUT /reports/{dept}/{year}/narrative: the department's own words in the report (version null: never saved). */
export type Narrative = Schemas['NarrativeResponse'];

// ------------------------------------------------------------------ 指标体系 templates (evaluation-service)

/** Which template (and version) a jurisdiction scores a year with; version locks re-assignments. */
export type TemplateAssignment = Schemas['TemplateAssignmentResponse'];
/** GET /templates: a template without its tree; jurisdiction, fiscalYear and copiedFrom* are null for the default. */
export type TemplateSummary = Schemas['TemplateSummaryResponse'];
/** A stored, immutable version of a template. */
export type TemplateVersionInfo = Schemas['TemplateVersionResponse'];
/**
 * GET /templates/indicators: what the editor may add. kinds: the rule kinds the service accepts for it, the
 * first being the one a new indicator starts with; threshold and deductPerPoint: the configured defaults of
 * the rush indicators (decimals), null for the others.
 */
export type KnownIndicator = Nest<
  Schemas['KnownIndicatorResponse'],
  { threshold: DecimalValue | null; deductPerPoint: DecimalValue | null }
>;

/**
 * A template's tree as the editor sends it back: every number (points, rule parameters, bands, project
 * weights) a decimal string or a number, null while its field is empty (the service refuses it with the
 * field's path). The tree holds no other numbers.
 */
export type EditedDecimals<T> = T extends number
  ? DecimalValue | null
  : T extends (infer U)[]
    ? EditedDecimals<U>[]
    : T extends object
      ? { [K in keyof T]: EditedDecimals<T[K]> }
      : T;

/** A template's tree (指标体系) as the service sends it: 一级 → 二级 → 三级 with points and rules, and the project weights. */
export type TemplateBody = Schemas['TemplateBody'];
export type TemplateLevel1 = Schemas['TemplateLevel1'];
export type TemplateLevel2 = Schemas['TemplateLevel2'];
export type TemplateIndicator = Schemas['TemplateIndicator'];
/** kind and the parameters it uses; the others null. */
export type TemplateRule = Schemas['TemplateRule'];
export type TemplateBand = Schemas['TemplateBand'];
export type ProjectWeights = Schemas['ProjectWeights'];
/** GET /templates/{id}, and the answer of a copy and an edit: the template and the tree of the version read. */
export type TemplateDetail = Schemas['TemplateDetailResponse'];
/** GET /templates/{id}/audit: one row per changed field. */
export type TemplateAuditEntry = AuditEntry;
/** POST /templates/{id}/copies: name null gives the service's default name. */
export type TemplateCopyInput = WithNulls<Schemas['CopyInput'], 'name'>;
/** PUT /templates/{id}: the whole tree on the version read. */
export type TemplateEditInput = Nest<
  WithNulls<Schemas['EditInput'], 'description'>,
  { levels: EditedDecimals<TemplateLevel1>[]; project: EditedDecimals<ProjectWeights> }
>;

// ------------------------------------------------------------------ 自评报告 and the checker (report-service)

export type Finding = Schemas['FindingResponse'];
export type FindingSeverity = Finding['severity'];
export type FindingTag = Finding['tag'];
export type ReportPart = Schemas['ReportPartResponse'];
export type ReportOutlineSection = Schemas['ReportOutlineSectionResponse'];
export type ReportDocument = Schemas['ReportDocumentResponse'];
/** GET /reports/{dept}/{year}: the report, its findings and its text as the checker reads it. */
export type ReportView = Schemas['ReportResponse'];
/** POST /checks: the checker on an uploaded report. */
export type CheckResult = Schemas['CheckResponse'];

// ------------------------------------------------------------------ 批量生成 (report-service batches)

/** A department whose report the batch could not generate, and why (in words). */
export type BatchFailure = Schemas['BatchFailureResponse'];
/** GET/POST /reports/batches: counts, percent ((done + failed) / total, 2 decimals rounded down) and failures. */
export type BatchProgress = Nest<Schemas['BatchResponse'], { percent: DecimalValue }>;
export type BatchStatus = BatchProgress['status'];

// ------------------------------------------------------------------ 报送 (the filing workflow, report-service)

/** SUBMITTING: submitted and locked in report-service; budget and evaluation have not both confirmed their locks yet. */
export type FilingStatus = 'DRAFT' | 'SUBMITTING' | 'SUBMITTED' | 'RETURNED' | 'APPROVED';
/** A submitted version (number, who, when, revisions, the documents' SHA-256). */
export type FilingVersionInfo = Schemas['FilingVersionSummary'];
export type FilingStep = Nest<Schemas['FilingStep'], { step: 'SUBMITTED' | 'RETURNED' | 'APPROVED' }>;
/** GET /filings/{d}/{y}, and the answer of submit, return and approve. */
export type Filing = Nest<Schemas['Filing'], { status: FilingStatus; history: FilingStep[] }>;

// ------------------------------------------------------------------ 年度自评工作 and 站内通知 (report-service rounds, notices)

export type Progress = Schemas['Progress'];
/** A department of a round; daysLeft: days until the end of the effective deadline day, negative once passed. */
export type RoundDepartment = Schemas['RoundDepartment'];
/** counts: bureau only (null for a department); the contract documents a map, every progress is a key. */
export type Round = Nest<Schemas['Round'], { counts: Record<Progress, number> | null }>;
export type RoundStatus = Round['status'];
/** A 区县 of the onboarded departments, with how many there are: the choices of a round's district. */
export type District = Schemas['District'];
/** departmentIds omitted: the onboarded departments of the district. */
export type OpenRoundInput = Omitted<Schemas['OpenInput'], 'departmentIds'>;
export type ExtensionInput = Schemas['ExtensionInput'];
export type Notice = Schemas['Notice'];
export type NoticeKind = Notice['kind'];

// ------------------------------------------------------------------ 抽查复核 (report-service /rounds/{id}/sample)

export type SampleMember = Schemas['SampleMember'];
export type SizeBand = SampleMember['sizeBand'];
export type SampleSummary = Schemas['SampleSummary'];
export type Sample = Schemas['Sample'];
/** seed omitted: the service picks one and records it. */
export type DrawInput = Omitted<Schemas['DrawInput'], 'seed'>;
export type ReviewItem = Schemas['ReReviewItem'];
/** One sampled department's re-review; version null: not re-reviewed yet (the form with the self scores). */
export type Review = Schemas['ReReview'];
/** version null the first time; a comment may be null. */
export type ReviewInput = Nest<
  WithNulls<Schemas['ReReviewInput'], 'version'>,
  { items: WithNulls<Schemas['ItemInput'], 'comment'>[] }
>;

// ------------------------------------------------------------------ 信息公开 (report-service publications, public reports)

export type Publication = Schemas['Publication'];
export type PublicationStatus = Publication['status'];
/** A row of the public list: what a visitor sees, nothing about people. */
export type PublicEntry = Schemas['PublicEntry'];

// ------------------------------------------------------------------ 运维: event administration (platform, in every service)

/** An outgoing event the broker refused for good; waiting: later events of its department-year held behind it. */
export type DeadLetter = Schemas['DeadLetter'];
/** An incoming event the service could not apply (the envelope's fields null when it was unreadable). */
export type ParkedEvent = Schemas['ParkedEvent'];
export type ParkedReplay = Schemas['ParkedReplay'];
export type ReplayOutcome = Schemas['ReplayOutcome'];

// ------------------------------------------------------------------ 绩效目标 (evaluation-service /goals)

/** One goal indicator; target and actual are decimals (JSON numbers from the service, strings while edited). */
export type GoalIndicator = Nest<Schemas['GoalIndicatorResponse'], { target: DecimalValue; actual: DecimalValue | null }>;
export type GoalsView = Nest<Schemas['GoalsResponse'], { indicators: GoalIndicator[] }>;
export type GoalCategory = GoalIndicator['category'];
export type GoalDirection = GoalIndicator['direction'];

export * from './goalConstants';
