import type { ApiClient } from './client';

/** report-service /api/v1/rounds/{id}/sample: 抽查复核, the draw, the re-reviews and the report. */

export type SizeBand = 'SMALL' | 'MEDIUM' | 'LARGE' | 'NONE';

export interface SampleMember {
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  grade: string;
  sizeBand: SizeBand;
  stratum: string;
  /** 元, or null without figures. */
  budget: string | null;
  selfTotal: string | null;
  byHand: boolean;
  reviewed: boolean;
  reviewTotal: string | null;
  deviation: string | null;
  /** null until re-reviewed. */
  flagged: boolean | null;
}

export interface SampleSummary {
  sampled: number;
  reviewed: number;
  flagged: number;
  selfAverage: string | null;
  reviewAverage: string | null;
  averageDeviation: string | null;
}

export interface Sample {
  roundId: number;
  fiscalYear: number;
  percentage: string;
  minimum: number;
  seed: number;
  population: number;
  drawnBy: string;
  drawnAt: string;
  threshold: string;
  members: SampleMember[];
  summary: SampleSummary;
}

export interface DrawInput {
  percentage: number;
  minimum: number;
  /** Omitted: the service picks one and records it. */
  seed?: number;
  keyDepartmentIds: string[];
}

export interface ReviewItem {
  code: string;
  level1: string;
  level2: string;
  name: string;
  points: string;
  tier: string;
  selfScore: string;
  score: string | null;
  deviation: string | null;
  flagged: boolean;
  comment: string | null;
}

export interface Review {
  roundId: number;
  departmentId: string;
  departmentName: string;
  fiscalYear: number;
  items: ReviewItem[];
  findings: string | null;
  selfTotal: string | null;
  reviewTotal: string | null;
  deviation: string | null;
  threshold: string;
  flagged: boolean;
  /** 'TOTAL' and the codes of the indicators beyond their tier. */
  reasons: string[];
  reviewedBy: string | null;
  reviewedAt: string | null;
  /** null: not re-reviewed yet. */
  version: number | null;
}

export interface ReviewInput {
  items: { code: string; score: number; comment: string | null }[];
  findings: string;
  version: number | null;
}

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
