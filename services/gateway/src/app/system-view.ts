import type { Discovery, ServiceClients } from '@bazaar/platform/http';
import type { Logger } from '@bazaar/platform/telemetry';
import type { ReplicaView, ServiceView, SystemView } from '../contract/system.schemas.ts';

interface Readiness {
  readonly status?: unknown;
  readonly checks?: unknown;
  readonly pid?: unknown;
  readonly uptimeSeconds?: unknown;
}

export interface SystemViewOptions {
  readonly clients: ServiceClients;
  readonly discovery: Discovery;
  /** The services to show, in order. */
  readonly services: readonly string[];
  /** How long a replica has to answer its readiness probe before it counts as down. */
  readonly probeTimeoutMs: number;
  readonly logger: Logger;
}

/**
 * The operator's picture of the running system: every replica probed directly (not through the balancer, so a
 * replica out of rotation is still seen), the gateway's circuit to each service, and each service's messaging
 * status, read with the administrator's own token.
 */
export function createSystemView(options: SystemViewOptions) {
  async function probe(url: string, state: { ejectedUntil: number | undefined; inFlight: number } | undefined): Promise<ReplicaView> {
    const base = { url, ejected: state?.ejectedUntil !== undefined && state.ejectedUntil > Date.now(), inFlight: state?.inFlight ?? 0 };
    try {
      const response = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(options.probeTimeoutMs) });
      const body = (await response.json()) as Readiness;
      return {
        ...base,
        status: response.status === 200 ? 'ready' : 'not-ready',
        pid: typeof body.pid === 'number' ? body.pid : null,
        uptimeSeconds: typeof body.uptimeSeconds === 'number' ? body.uptimeSeconds : null,
        checks: Array.isArray(body.checks) ? body.checks.filter(isCheck).map(({ name, ok }) => ({ name, ok })) : [],
      };
    } catch {
      return { ...base, status: 'down', pid: null, uptimeSeconds: null, checks: [] };
    }
  }

  async function messaging(name: string, authorization: string): Promise<ServiceView['messaging']> {
    try {
      const response = await options.clients.for(name).request<NonNullable<ServiceView['messaging']>>({
        method: 'GET',
        path: '/api/admin/messaging',
        headers: { authorization },
        timeoutMs: options.probeTimeoutMs,
      });
      // A service that does not use the broker has no such route.
      return response.status === 200 ? response.body : null;
    } catch (error) {
      options.logger.warn({ err: error, service: name }, 'could not read a service’s messaging status');
      return null;
    }
  }

  async function service(name: string, authorization: string): Promise<ServiceView> {
    const urls = options.discovery.urls(name);
    const states = new Map(options.clients.for(name).instances().map((instance) => [instance.url, instance]));
    const [replicas, status] = await Promise.all([
      Promise.all(urls.map((url) => probe(url, states.get(url)))),
      urls.length > 0 ? messaging(name, authorization) : Promise.resolve(null),
    ]);
    return { name, replicas, breaker: options.clients.for(name).breakerState(), messaging: status };
  }

  return {
    async read(authorization: string): Promise<SystemView> {
      const services = await Promise.all(options.services.map((name) => service(name, authorization)));
      return { generatedAt: new Date().toISOString(), services };
    },
  };
}

export type SystemViewReader = ReturnType<typeof createSystemView>;

function isCheck(value: unknown): value is { name: string; ok: boolean } {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string' && typeof (value as { ok?: unknown }).ok === 'boolean';
}
