import type { ApiClient } from '../../api/client';
import type { BatchProgress } from '../../api/types';

/** report-service /api/v1/reports/batches: 批量生成 of every department's report of a year. */

export type { BatchFailure, BatchProgress, BatchStatus } from '../../api/types';

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
