import type { ApiClient } from './client';
import type { District, ExtensionInput, Notice, OpenRoundInput, Progress, Round } from './types';

/** report-service /api/v1/rounds and /api/v1/notices: 年度自评工作 and 站内通知 (types: the contract's, in ./types). */

export type {
  District,
  ExtensionInput,
  Notice,
  NoticeKind,
  OpenRoundInput,
  Progress,
  Round,
  RoundDepartment,
  RoundStatus,
} from './types';

export const PROGRESS: readonly Progress[] = ['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'APPROVED', 'OVERDUE'];

export const seasonApi = {
  rounds: (client: ApiClient, signal?: AbortSignal) => client.get<Round[]>('/rounds', { signal }),
  districts: (client: ApiClient, signal?: AbortSignal) => client.get<District[]>('/rounds/districts', { signal }),
  round: (client: ApiClient, id: number, signal?: AbortSignal) => client.get<Round>(`/rounds/${id}`, { signal }),
  open: (client: ApiClient, input: OpenRoundInput) => client.post<Round>('/rounds', input),
  extend: (client: ApiClient, id: number, input: ExtensionInput) => client.post<Round>(`/rounds/${id}/extensions`, input),
  close: (client: ApiClient, id: number, version: number) => client.post<Round>(`/rounds/${id}/close`, { version }),
  notices: (client: ApiClient, signal?: AbortSignal) => client.get<Notice[]>('/notices', { signal }),
  markRead: (client: ApiClient, id: number) => client.post<void>(`/notices/${id}/read`, undefined),
};

export const seasonKeys = {
  rounds: ['season-rounds'] as const,
  districts: ['season-districts'] as const,
  round: (id: number) => ['season-round', id] as const,
  notices: ['season-notices'] as const,
};
