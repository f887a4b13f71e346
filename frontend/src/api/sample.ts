import type { ApiClient } from './client';
import type { DrawInput, Review, ReviewInput, Sample } from './types';

/** report-service /api/v1/rounds/{id}/sample: 抽查复核, the draw, the re-reviews and the report (types: the contract's, in ./types). */

export type {
  DrawInput,
  Review,
  ReviewInput,
  ReviewItem,
  Sample,
  SampleMember,
  SampleSummary,
  SizeBand,
} from './types';

const base = (roundId: number) => `/rounds/${roundId}/sample`;

export const sampleApi = {
  sample: (client: ApiClient, roundId: number, signal?: AbortSignal) => client.get<Sample>(base(roundId), { signal }),
  draw: (client: ApiClient, roundId: number, input: DrawInput) => client.post<Sample>(base(roundId), input),
  review: (client: ApiClient, roundId: number, departmentId: string, signal?: AbortSignal) =>
    client.get<Review>(`${base(roundId)}/reviews/${departmentId}`, { signal }),
  saveReview: (client: ApiClient, roundId: number, departmentId: string, input: ReviewInput) =>
    client.put<Review>(`${base(roundId)}/reviews/${departmentId}`, input),
  report: (client: ApiClient, roundId: number, format: 'xlsx' | 'docx') =>
    client.download(`${base(roundId)}/report.${format}`, `sample-review-${roundId}.${format}`),
  /** 结果应用: every department's grade, re-review outcome and projects scored 中 or 差 (reviewers only). */
  outcome: (client: ApiClient, roundId: number) => client.download(`/rounds/${roundId}/outcome.xlsx`, `outcome-${roundId}.xlsx`),
};

export const sampleKeys = {
  sample: (roundId: number) => ['season-sample', roundId] as const,
  review: (roundId: number, departmentId: string) => ['season-review', roundId, departmentId] as const,
};
