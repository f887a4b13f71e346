import type { ApiClient } from '../../api/client';

/** The services whose event plumbing an admin inspects, by the resource name their admin API sits under. */
export const EVENT_SERVICES = [
  { key: 'budget', segment: 'budgets' },
  { key: 'evaluation', segment: 'evaluations' },
  { key: 'report', segment: 'reports' },
] as const;

export type EventService = (typeof EVENT_SERVICES)[number];

/** An outgoing event the broker refused for good; `waiting` later events of its department-year wait behind it. */
export interface DeadLetter {
  id: number;
  eventId: string;
  eventType: string;
  key: string;
  bytes: number;
  reason: string;
  failedAt: string;
  waiting: number;
}

/** An incoming event the service could not apply. */
export interface ParkedEvent {
  id: number;
  topic: string;
  eventId: string | null;
  eventType: string | null;
  schemaVersion: number | null;
  key: string | null;
  reason: string;
  parkedAt: string;
  replays: number;
}

export type ReplayOutcome = 'APPLIED' | 'DUPLICATE' | 'IGNORED' | 'PARKED';

const base = (service: EventService) => `/${service.segment}/admin/events`;

export const eventsApi = {
  deadLetters: (client: ApiClient, service: EventService) => client.get<DeadLetter[]>(`${base(service)}/dead-letters`),
  parked: (client: ApiClient, service: EventService) => client.get<ParkedEvent[]>(`${base(service)}/parked`),
  retry: (client: ApiClient, service: EventService, id: number) =>
    client.request<void>('POST', `${base(service)}/dead-letters/${id}/retry`),
  replay: (client: ApiClient, service: EventService, id: number) =>
    client.request<{ id: number; outcome: ReplayOutcome }>('POST', `${base(service)}/parked/${id}/replay`),
};
