import type { ApiClient } from '../../api/client';
import type { DeadLetter, ParkedEvent, ParkedReplay } from '../../api/types';

/** The services whose event plumbing an admin inspects, by the resource name their admin API sits under. */
export const EVENT_SERVICES = [
  { key: 'budget', segment: 'budgets' },
  { key: 'evaluation', segment: 'evaluations' },
  { key: 'report', segment: 'reports' },
] as const;

export type EventService = (typeof EVENT_SERVICES)[number];

export type { DeadLetter, ParkedEvent, ParkedReplay, ReplayOutcome } from '../../api/types';

const base = (service: EventService) => `/${service.segment}/admin/events`;

export const eventsApi = {
  deadLetters: (client: ApiClient, service: EventService) => client.get<DeadLetter[]>(`${base(service)}/dead-letters`),
  parked: (client: ApiClient, service: EventService) => client.get<ParkedEvent[]>(`${base(service)}/parked`),
  retry: (client: ApiClient, service: EventService, id: number) =>
    client.request<void>('POST', `${base(service)}/dead-letters/${id}/retry`),
  replay: (client: ApiClient, service: EventService, id: number) =>
    client.request<ParkedReplay>('POST', `${base(service)}/parked/${id}/replay`),
};
