import type { InstanceState } from './balancer.ts';
import type { BreakerState } from './circuit.ts';
import { createServiceClient, type ServiceClient, type ServiceClientOptions } from './service-client.ts';

/** One client per target service, created on first use; what an admin page reads breaker and replica state from. */
export interface ServiceClients {
  for(service: string): ServiceClient;
  breakerStates(): Record<string, BreakerState>;
  instances(): Record<string, InstanceState[]>;
  close(): Promise<void>;
}

/** Clients sharing settings; `overrides` tunes individual targets (e.g. a longer timeout for a slow one). */
export function createServiceClients(
  defaults: Omit<ServiceClientOptions, 'service'>,
  overrides: Readonly<Record<string, Partial<Omit<ServiceClientOptions, 'service' | 'discovery'>>>> = {},
): ServiceClients {
  const clients = new Map<string, ServiceClient>();
  return {
    for(service) {
      let client = clients.get(service);
      if (!client) {
        client = createServiceClient({ ...defaults, ...overrides[service], service });
        clients.set(service, client);
      }
      return client;
    },
    breakerStates: () => Object.fromEntries([...clients].map(([name, client]) => [name, client.breakerState()])),
    instances: () => Object.fromEntries([...clients].map(([name, client]) => [name, client.instances()])),
    async close() {
      await Promise.all([...clients.values()].map((client) => client.close()));
      clients.clear();
    },
  };
}
