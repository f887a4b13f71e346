import type { ApiClient } from './client';
import { isApiError } from './problem';
import type {
  AdjustmentInput,
  AuditEntry,
  CheckResult,
  EvaluationWithScore,
  Filing,
  GoalsInput,
  GoalsView,
  Narrative,
  NarrativeInput,
  RankingEntry,
  ReportView,
  SelfScoreInput,
  BasicExpenditure,
  BasicExpenditureUpdate,
  BudgetSheet,
  Department,
  DepartmentProfile,
  Evaluation,
  ExportFormat,
  OtherFiguresUpdate,
  OverviewPage,
  ProfileUpdate,
  ProjectInput,
  ReportSection,
  StaffingUpdate,
  VarianceReasonsUpdate,
} from './types';

const seg = encodeURIComponent;

/** A GET whose 404 means "nothing there yet": resolves to null instead of failing. */
async function nullOn404<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (isApiError(error) && error.isNotFound) {
      return null;
    }
    throw error;
  }
}

export function basicExpenditurePath(departmentId: string, fiscalYear: number): string {
  return `/budgets/${seg(departmentId)}/${fiscalYear}/basic-expenditure`;
}

export function sheetPath(departmentId: string, fiscalYear: number): string {
  return `/budgets/${seg(departmentId)}/${fiscalYear}`;
}

export interface OverviewQuery {
  fiscalYear: number;
  /** undefined: all; true: submitted (locked) filings only; false: not submitted. */
  locked?: boolean;
  cursor?: string | null;
  limit?: number;
}

export function overviewPath({ fiscalYear, locked, cursor, limit = 50 }: OverviewQuery): string {
  const params = new URLSearchParams({ fiscalYear: String(fiscalYear), limit: String(limit) });
  if (locked !== undefined) params.set('locked', String(locked));
  if (cursor) params.set('cursor', cursor);
  return `/budgets?${params.toString()}`;
}

export function exportPath(fiscalYear: number, format: ExportFormat): string {
  return `/budgets/export?fiscalYear=${fiscalYear}&format=${format}`;
}

export function goalsPath(departmentId: string, fiscalYear: number): string {
  return `/goals/${seg(departmentId)}/${fiscalYear}`;
}

export function evaluationPath(departmentId: string, fiscalYear: number): string {
  return `/evaluations/${seg(departmentId)}/${fiscalYear}`;
}

export function reportPath(departmentId: string, fiscalYear: number): string {
  return `/reports/${seg(departmentId)}/${fiscalYear}`;
}

export function filingPath(departmentId: string, fiscalYear: number): string {
  return `/filings/${seg(departmentId)}/${fiscalYear}`;
}

export const api = {
  departments: (client: ApiClient, signal?: AbortSignal) =>
    client.get<Department[]>('/departments', { signal }),

  basicExpenditure: (client: ApiClient, departmentId: string, fiscalYear: number, signal?: AbortSignal) =>
    nullOn404(client.get<BasicExpenditure>(basicExpenditurePath(departmentId, fiscalYear), { signal })),

  saveBasicExpenditure: (
    client: ApiClient,
    departmentId: string,
    fiscalYear: number,
    update: BasicExpenditureUpdate,
  ) => client.put<BasicExpenditure>(basicExpenditurePath(departmentId, fiscalYear), update),

  basicExpenditureAudit: (client: ApiClient, departmentId: string, fiscalYear: number, signal?: AbortSignal) =>
    client.get<AuditEntry[]>(`${basicExpenditurePath(departmentId, fiscalYear)}/audit`, { signal }),

  departmentProfile: (client: ApiClient, departmentId: string, signal?: AbortSignal) =>
    client.get<DepartmentProfile>(`/departments/${seg(departmentId)}`, { signal }),

  saveProfile: (client: ApiClient, departmentId: string, update: ProfileUpdate) =>
    client.put<DepartmentProfile>(`/departments/${seg(departmentId)}`, update),

  sheet: (client: ApiClient, departmentId: string, fiscalYear: number, signal?: AbortSignal) =>
    client.get<BudgetSheet>(sheetPath(departmentId, fiscalYear), { signal }),

  saveStaffing: (client: ApiClient, departmentId: string, fiscalYear: number, update: StaffingUpdate) =>
    client.put<BudgetSheet>(`${sheetPath(departmentId, fiscalYear)}/staffing`, update),

  saveOtherFigures: (client: ApiClient, departmentId: string, fiscalYear: number, update: OtherFiguresUpdate) =>
    client.put<BudgetSheet>(`${sheetPath(departmentId, fiscalYear)}/other-figures`, update),

  addProject: (client: ApiClient, departmentId: string, fiscalYear: number, input: ProjectInput) =>
    client.post<BudgetSheet>(`${sheetPath(departmentId, fiscalYear)}/projects`, input),

  updateProject: (client: ApiClient, departmentId: string, fiscalYear: number, projectId: number, input: ProjectInput) =>
    client.put<BudgetSheet>(`${sheetPath(departmentId, fiscalYear)}/projects/${projectId}`, input),

  deleteProject: (client: ApiClient, departmentId: string, fiscalYear: number, projectId: number, version: number) =>
    client.delete<BudgetSheet>(`${sheetPath(departmentId, fiscalYear)}/projects/${projectId}?version=${version}`),

  saveVarianceReasons: (client: ApiClient, departmentId: string, fiscalYear: number, update: VarianceReasonsUpdate) =>
    client.put<BudgetSheet>(`${sheetPath(departmentId, fiscalYear)}/variance-reasons`, update),

  yearAudit: (client: ApiClient, departmentId: string, fiscalYear: number, signal?: AbortSignal) =>
    client.get<AuditEntry[]>(`${sheetPath(departmentId, fiscalYear)}/audit`, { signal }),

  overview: (client: ApiClient, query: OverviewQuery, signal?: AbortSignal) =>
    client.get<OverviewPage>(overviewPath(query), { signal }),

  exportYear: (client: ApiClient, fiscalYear: number, format: ExportFormat) =>
    client.download(exportPath(fiscalYear, format), `budget-lines-${fiscalYear}.${format}`),

  evaluation: (client: ApiClient, departmentId: string, fiscalYear: number, signal?: AbortSignal) =>
    nullOn404(client.get<Evaluation>(`/evaluations/${seg(departmentId)}/${fiscalYear}`, { signal })),

  evaluationWithScore: (client: ApiClient, departmentId: string, fiscalYear: number, signal?: AbortSignal) =>
    nullOn404(client.get<EvaluationWithScore>(evaluationPath(departmentId, fiscalYear), { signal })),

  saveSelfScore: (client: ApiClient, departmentId: string, fiscalYear: number, code: string, input: SelfScoreInput) =>
    client.put<EvaluationWithScore>(`${evaluationPath(departmentId, fiscalYear)}/self-scores/${seg(code)}`, input),

  saveAdjustment: (client: ApiClient, departmentId: string, fiscalYear: number, code: string, input: AdjustmentInput) =>
    client.put<EvaluationWithScore>(`${evaluationPath(departmentId, fiscalYear)}/adjustments/${seg(code)}`, input),

  ranking: (client: ApiClient, fiscalYear: number, signal?: AbortSignal) =>
    client.get<RankingEntry[]>(`/evaluations/ranking?fiscalYear=${fiscalYear}`, { signal }),

  goals: (client: ApiClient, departmentId: string, fiscalYear: number, signal?: AbortSignal) =>
    client.get<GoalsView>(goalsPath(departmentId, fiscalYear), { signal }),

  saveGoals: (client: ApiClient, departmentId: string, fiscalYear: number, input: GoalsInput) =>
    client.put<GoalsView>(goalsPath(departmentId, fiscalYear), input),

  report: (client: ApiClient, departmentId: string, fiscalYear: number, signal?: AbortSignal) =>
    nullOn404(client.get<ReportView>(reportPath(departmentId, fiscalYear), { signal })),

  reportPreview: (client: ApiClient, departmentId: string, fiscalYear: number, signal?: AbortSignal) =>
    client.getText(`${reportPath(departmentId, fiscalYear)}/preview`, { signal }),

  reportFile: (client: ApiClient, departmentId: string, fiscalYear: number, file: string, fallbackName: string) =>
    client.download(`${reportPath(departmentId, fiscalYear)}/${file}`, fallbackName),

  narrative: (client: ApiClient, departmentId: string, fiscalYear: number, signal?: AbortSignal) =>
    client.get<Narrative>(`${reportPath(departmentId, fiscalYear)}/narrative`, { signal }),

  saveNarrative: (client: ApiClient, departmentId: string, fiscalYear: number, input: NarrativeInput) =>
    client.put<Narrative>(`${reportPath(departmentId, fiscalYear)}/narrative`, input),

  filing: (client: ApiClient, departmentId: string, fiscalYear: number, signal?: AbortSignal) =>
    client.get<Filing>(filingPath(departmentId, fiscalYear), { signal }),

  submitFiling: (client: ApiClient, departmentId: string, fiscalYear: number) =>
    client.post<Filing>(`${filingPath(departmentId, fiscalYear)}/submit`, {}),

  returnFiling: (client: ApiClient, departmentId: string, fiscalYear: number, comment: string) =>
    client.post<Filing>(`${filingPath(departmentId, fiscalYear)}/return`, { comment }),

  approveFiling: (client: ApiClient, departmentId: string, fiscalYear: number, comment: string | null) =>
    client.post<Filing>(`${filingPath(departmentId, fiscalYear)}/approve`, { comment }),

  filingVersionPreview: (client: ApiClient, departmentId: string, fiscalYear: number, number: number, signal?: AbortSignal) =>
    client.getText(`${filingPath(departmentId, fiscalYear)}/versions/${number}/preview`, { signal }),

  checkReport: (client: ApiClient, file: Blob) => client.postFile<CheckResult>('/checks', file),

  basicExpenditureSection: (client: ApiClient, departmentId: string, fiscalYear: number, signal?: AbortSignal) =>
    nullOn404(
      client.get<ReportSection>(`/reports/${seg(departmentId)}/${fiscalYear}/sections/basic-expenditure`, {
        signal,
      }),
    ),
};

export const queryKeys = {
  departments: ['departments'] as const,
  basicExpenditure: (departmentId: string, fiscalYear: number) =>
    ['basic-expenditure', departmentId, fiscalYear] as const,
  basicExpenditureAudit: (departmentId: string, fiscalYear: number) =>
    ['basic-expenditure-audit', departmentId, fiscalYear] as const,
  departmentProfile: (departmentId: string) => ['department-profile', departmentId] as const,
  sheet: (departmentId: string, fiscalYear: number) => ['budget-sheet', departmentId, fiscalYear] as const,
  yearAudit: (departmentId: string, fiscalYear: number) => ['year-audit', departmentId, fiscalYear] as const,
  overview: (fiscalYear: number, locked: boolean | undefined) => ['overview', fiscalYear, locked ?? 'all'] as const,
  evaluation: (departmentId: string, fiscalYear: number) => ['evaluation', departmentId, fiscalYear] as const,
  evaluationWithScore: (departmentId: string, fiscalYear: number) => ['evaluation', departmentId, fiscalYear] as const,
  goals: (departmentId: string, fiscalYear: number) => ['goals', departmentId, fiscalYear] as const,
  report: (departmentId: string, fiscalYear: number) => ['report', departmentId, fiscalYear] as const,
  reportPreview: (departmentId: string, fiscalYear: number) => ['report-preview', departmentId, fiscalYear] as const,
  narrative: (departmentId: string, fiscalYear: number) => ['narrative', departmentId, fiscalYear] as const,
  filing: (departmentId: string, fiscalYear: number) => ['filing', departmentId, fiscalYear] as const,
  filingVersionPreview: (departmentId: string, fiscalYear: number, number: number) =>
    ['filing-version-preview', departmentId, fiscalYear, number] as const,
  ranking: (fiscalYear: number) => ['ranking', fiscalYear] as const,
  basicExpenditureSection: (departmentId: string, fiscalYear: number) =>
    ['report-section', 'basic-expenditure', departmentId, fiscalYear] as const,
};
