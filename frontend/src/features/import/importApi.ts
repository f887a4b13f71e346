import type { ApiClient } from '../../api/client';
import { sheetPath } from '../../api/endpoints';
import type { ImportJob } from '../../api/types';

/** Shapes of budget-service's import endpoints: the contract's ImportJob (rest/ImportJobResponse). */
export type { ImportJob, ImportRowError, ImportFailure, ImportSummary, ImportState, ImportPhase } from '../../api/types';

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
