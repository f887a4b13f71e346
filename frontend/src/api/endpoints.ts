import type { ApiClient } from './client';
import { isApiError } from './problem';
import type {
  AuditEntry,
  BasicExpenditure,
  BasicExpenditureUpdate,
  Department,
  Evaluation,
  ReportSection,
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

  evaluation: (client: ApiClient, departmentId: string, fiscalYear: number, signal?: AbortSignal) =>
    nullOn404(client.get<Evaluation>(`/evaluations/${seg(departmentId)}/${fiscalYear}`, { signal })),

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
  evaluation: (departmentId: string, fiscalYear: number) => ['evaluation', departmentId, fiscalYear] as const,
  basicExpenditureSection: (departmentId: string, fiscalYear: number) =>
    ['report-section', 'basic-expenditure', departmentId, fiscalYear] as const,
};
