import type { ImportJob, ImportRowError, ImportSummary } from './importApi';

/** How often a running import is asked for its progress. */
export const IMPORT_POLL_MS = 1000;

/** Problem code of a submitted (locked) year, in a 409 or in a failed job. */
export const LOCKED_CODE = 'filing.locked';
/** Problem code of a file with row errors (nothing saved). */
export const INVALID_CODE = 'import.invalid';

/** The job still runs (poll again). */
export function isActive(job: Pick<ImportJob, 'state'> | null | undefined): boolean {
  return job?.state === 'QUEUED' || job?.state === 'RUNNING';
}

export type ImportStage = 'queued' | 'validating' | 'saving' | 'succeeded' | 'failed';

export interface JobProgress {
  stage: ImportStage;
  /** 0..100, as the service computes it over both phases. */
  percent: number;
  /** antd Progress status. */
  status: 'active' | 'success' | 'exception';
  /** Rows done in the current phase, and of how many (null while unknown). */
  processed: number;
  total: number | null;
}

/** The progress bar of a job: which stage, how far, and processed of total. */
export function jobProgress(job: ImportJob): JobProgress {
  const percent = Math.max(0, Math.min(100, Math.round(Number.isFinite(job.percent) ? job.percent : 0)));
  const total = job.totalRows ?? null;
  const processed = Math.max(0, job.processedRows ?? 0);
  switch (job.state) {
    case 'QUEUED':
      return { stage: 'queued', percent, status: 'active', processed: 0, total };
    case 'RUNNING':
      return {
        stage: job.phase === 'SAVING' ? 'saving' : 'validating',
        percent,
        status: 'active',
        processed: total === null ? processed : Math.min(processed, total),
        total,
      };
    case 'SUCCEEDED':
      return { stage: 'succeeded', percent: 100, status: 'success', processed: total ?? processed, total };
    default:
      return { stage: 'failed', percent: 100, status: 'exception', processed, total };
  }
}

export interface ErrorRow {
  key: string;
  sheet: string;
  row: number;
  /** The column letter, or null when a whole column is missing. */
  column: string | null;
  header: string | null;
  message: string;
}

/** The order of the sheets in the template; unknown sheet names after these. */
const SHEET_ORDER = ['基本支出', '项目支出', '支出明细'];

function sheetRank(sheet: string): number {
  const index = SHEET_ORDER.indexOf(sheet);
  return index === -1 ? SHEET_ORDER.length : index;
}

/** "A" < "B" < … < "Z" < "AA": shorter letters first, then alphabetical; a missing column first. */
function compareColumns(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Rows of the error table: sheet by sheet in template order, then by row and column, as a clerk reads the file. */
export function errorRows(errors: readonly ImportRowError[] | null | undefined): ErrorRow[] {
  return (errors ?? [])
    .map((error, index) => ({
      key: `${index}`,
      sheet: error.sheet,
      row: error.row,
      column: error.column ?? null,
      header: error.header ?? null,
      message: error.message,
    }))
    .sort(
      (a, b) =>
        sheetRank(a.sheet) - sheetRank(b.sheet) ||
        a.sheet.localeCompare(b.sheet) ||
        a.row - b.row ||
        compareColumns(a.column, b.column),
    );
}

export type JobOutcome =
  | { kind: 'running' }
  /** Everything saved: how many data rows, and what changed. */
  | { kind: 'succeeded'; rows: number; summary: ImportSummary | null }
  /** Row errors: nothing saved. `shown` of `errorCount` are listed. */
  | { kind: 'invalid'; message: string | null; errorCount: number; shown: number; errors: ErrorRow[] }
  /** The year was submitted (locked) before the save: nothing saved. */
  | { kind: 'locked'; message: string | null }
  /** Any other refusal (interrupted, changed meanwhile, no data rows, …): nothing saved. */
  | { kind: 'failed'; code: string | null; message: string | null };

/** What a finished (or running) job means for the clerk. */
export function jobOutcome(job: ImportJob): JobOutcome {
  if (isActive(job)) return { kind: 'running' };
  if (job.state === 'SUCCEEDED') {
    return { kind: 'succeeded', rows: savedRows(job), summary: job.summary };
  }
  const code = job.failure?.code ?? null;
  const message = job.failure?.message ?? null;
  if (code === LOCKED_CODE) return { kind: 'locked', message };
  if (job.errors.length > 0 || job.errorCount > 0 || code === INVALID_CODE) {
    const errors = errorRows(job.errors);
    return { kind: 'invalid', message, errorCount: Math.max(job.errorCount, errors.length), shown: errors.length, errors };
  }
  return { kind: 'failed', code, message };
}

/** Data rows a successful import saved: the file's rows (示例 and 合计 rows are not data). */
export function savedRows(job: Pick<ImportJob, 'totalRows' | 'processedRows'>): number {
  return job.totalRows ?? job.processedRows ?? 0;
}
