import type { ApiClient } from '../../api/client';

/** report-service /api/v1/reports/batches: 批量生成 of every department's report of a year. */

export type BatchStatus = 'RUNNING' | 'DONE' | 'FAILED';

export interface BatchFailure {
  departmentId: string;
  departmentName: string;
  message: string;
}

export interface BatchProgress {
  id: string;
  fiscalYear: number;
  status: BatchStatus;
  total: number;
  done: number;
  failed: number;
  /** (done + failed) / total in percent, 2 decimals rounded down (a JSON number or a decimal string). */
  percent: number | string;
  failures: BatchFailure[];
  requestedBy: string;
  createdAt: string;
  finishedAt: string | null;
}

export const batchApi = {
  start: (client: ApiClient, fiscalYear: number) =>
    client.post<BatchProgress>(`/reports/batches?fiscalYear=${fiscalYear}`, undefined),

  /** The most recent batches of every year, newest first (the service keeps finished ones for a week). */
  recent: (client: ApiClient, signal?: AbortSignal) => client.get<BatchProgress[]>('/reports/batches?limit=20', { signal }),

  progress: (client: ApiClient, id: string, signal?: AbortSignal) =>
    client.get<BatchProgress>(`/reports/batches/${encodeURIComponent(id)}`, { signal }),

  zip: (client: ApiClient, id: string, fiscalYear: number) =>
    client.download(`/reports/batches/${encodeURIComponent(id)}/reports.zip`, `reports-${fiscalYear}-${id}.zip`),
};

export const batchKeys = {
  recent: ['report-batches'] as const,
  progress: (id: string) => ['report-batch', id] as const,
};
