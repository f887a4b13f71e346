import type { ApiClient } from './client';

/** report-service /api/v1/rounds and /api/v1/notices: 年度自评工作 and 站内通知 (hand-written until generated types cover them). */

export type RoundStatus = 'OPEN' | 'CLOSED';
export type Progress = 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED' | 'RETURNED' | 'APPROVED' | 'OVERDUE';
export const PROGRESS: readonly Progress[] = ['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'APPROVED', 'OVERDUE'];

export interface RoundDepartment {
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  extendedUntil: string | null;
  effectiveDeadline: string;
  /** Days until the end of the effective deadline day; negative once passed. */
  daysLeft: number;
  progress: Progress;
  filingStatus: string;
}

export interface Round {
  id: number;
  fiscalYear: number;
  district: string;
  deadline: string;
  templateVersion: number;
  status: RoundStatus;
  openedBy: string;
  openedAt: string;
  closedAt: string | null;
  version: number;
  /** Bureau only (null for a department, which sees its own row). */
  counts: Record<Progress, number> | null;
  departments: RoundDepartment[];
}

/** A 区县 of the onboarded departments, with how many there are: the choices of a round's district. */
export interface District {
  name: string;
  departments: number;
}

export interface OpenRoundInput {
  fiscalYear: number;
  district: string;
  deadline: string;
  templateVersion: number;
  /** Omitted: the onboarded departments of the district. */
  departmentIds?: string[];
}

export interface ExtensionInput {
  departmentId: string;
  until: string;
  reason: string;
  version: number;
}

export type NoticeKind = 'OPENED' | 'DUE_7' | 'DUE_1' | 'EXTENDED' | 'RETURNED' | 'APPROVED' | 'REREVIEWED';

export interface Notice {
  id: number;
  departmentId: string;
  fiscalYear: number;
  roundId: number | null;
  kind: NoticeKind;
  deadline: string | null;
  comment: string | null;
  createdAt: string;
  readAt: string | null;
}

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
