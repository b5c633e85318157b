import { apiRequest } from './http.ts';
import type { DeadLetter, DeadLetterPage, Faults, SystemView } from './types.ts';

/** The services that keep dead letters (those that consume from the broker). */
export const DEAD_LETTER_SERVICES = ['identity', 'inventory', 'orders', 'payments', 'notifications'] as const;

export const adminApi = {
  system: (signal?: AbortSignal) => apiRequest<SystemView>('/api/admin/system', { signal }),
  deadLetters: (service: string, signal?: AbortSignal) =>
    apiRequest<DeadLetterPage>(`/api/admin/dead-letters/${encodeURIComponent(service)}?state=pending`, { signal }),
  redrive: (service: string, id: string) =>
    apiRequest<DeadLetter>(`/api/admin/dead-letters/${encodeURIComponent(service)}/${encodeURIComponent(id)}/redrive`, { method: 'POST', body: {} }),
  faults: (signal?: AbortSignal) => apiRequest<Faults>('/api/admin/payment-provider/faults', { signal }),
  setFaults: (faults: Faults) => apiRequest<Faults>('/api/admin/payment-provider/faults', { method: 'PUT', body: faults }),
};
