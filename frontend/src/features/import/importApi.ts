import type { ApiClient } from '../../api/client';
import { sheetPath } from '../../api/endpoints';

/** Shapes of budget-service's import endpoints (rest/ImportResource, ImportJobResponse). */

export type ImportState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'INTERRUPTED';
export type ImportPhase = 'VALIDATING' | 'SAVING';

/** One wrong cell of the file: where it is (as Excel shows it) and what to do, in the caller's language. */
export interface ImportRowError {
  sheet: string;
  /** Row number as Excel shows it (header = 1). */
  row: number;
  /** Column letter; null when the error is about a missing column. */
  column: string | null;
  header: string | null;
  code: string;
  message: string;
}

/** Why the whole file was refused or not saved (import.invalid, filing.locked, import.interrupted, …). */
export interface ImportFailure {
  code: string;
  message: string;
}

/** What a successful import saved (ImportService: counts per section). */
export interface ImportSummary {
  basicChanged?: boolean;
  projectsCreated?: number;
  projectsUpdated?: number;
  projectsUnchanged?: number;
  linesReplaced?: number;
  linesSaved?: number;
  /** Sum of the saved 支出明细, 元. */
  linesTotal?: string;
  revision?: number;
}

export interface ImportJob {
  id: string;
  departmentId: string;
  fiscalYear: number;
  fileName: string;
  fileType: 'XLSX' | 'CSV' | string;
  fileBytes: number;
  state: ImportState;
  phase: ImportPhase | null;
  /** Data rows in the file (an estimate while validating). */
  totalRows: number | null;
  /** Rows done in the current phase. */
  processedRows: number;
  /** 0..100 over both phases (validating 0–49, saving 50–99, finished 100). */
  percent: number;
  /** All errors found; only the first ones are listed in `errors`. */
  errorCount: number;
  errors: ImportRowError[];
  failure: ImportFailure | null;
  summary: ImportSummary | null;
  createdBy?: string;
  createdAt?: string;
  updatedAt?: string;
  finishedAt?: string | null;
}

export type TemplateSheet = 'basic' | 'projects' | 'lines';
export const TEMPLATE_SHEETS: readonly TemplateSheet[] = ['basic', 'projects', 'lines'];

const seg = encodeURIComponent;

export function importsPath(departmentId: string, fiscalYear: number): string {
  return `${sheetPath(departmentId, fiscalYear)}/imports`;
}

export function templatePath(format: 'xlsx' | 'csv', sheet?: TemplateSheet): string {
  return format === 'xlsx' ? '/budgets/import-template?format=xlsx' : `/budgets/import-template?format=csv&sheet=${sheet}`;
}

export const importApi = {
  template: (client: ApiClient, format: 'xlsx' | 'csv', sheet?: TemplateSheet) =>
    client.download(templatePath(format, sheet), format === 'xlsx' ? 'import-template.xlsx' : `import-template-${sheet}.csv`),

  /** POST …/imports (multipart: file, and the sheet revision the file was based on). Answers 202 with the job. */
  upload: (client: ApiClient, departmentId: string, fiscalYear: number, file: File, revision: number | null) => {
    const form = new FormData();
    form.append('file', file, file.name);
    if (revision !== null) form.append('revision', String(revision));
    return client.postForm<ImportJob>(importsPath(departmentId, fiscalYear), form);
  },

  job: (client: ApiClient, departmentId: string, fiscalYear: number, jobId: string, signal?: AbortSignal) =>
    client.get<ImportJob>(`${importsPath(departmentId, fiscalYear)}/${seg(jobId)}`, { signal }),

  recent: (client: ApiClient, departmentId: string, fiscalYear: number, signal?: AbortSignal) =>
    client.get<ImportJob[]>(importsPath(departmentId, fiscalYear), { signal }),

  workbook: (client: ApiClient, departmentId: string, fiscalYear: number) =>
    client.download(`${sheetPath(departmentId, fiscalYear)}/workbook`, `${departmentId}-${fiscalYear}.xlsx`),
};

export const importQueryKeys = {
  job: (departmentId: string, fiscalYear: number, jobId: string) => ['import-job', departmentId, fiscalYear, jobId] as const,
  recent: (departmentId: string, fiscalYear: number) => ['import-jobs', departmentId, fiscalYear] as const,
};
