import { TransportError } from './transport-error.ts';

/** How the next replica is chosen among the healthy ones. */
export type BalancingStrategy = 'round-robin' | 'least-outstanding';

/** How a call through a lease ended: a failure counts toward ejection; `ignored` (e.g. the caller gave up) counts for nothing. */
export type CallOutcome = 'success' | 'failure' | 'ignored';

export interface BalancerOptions {
  /** The target service, for error messages. */
  readonly service: string;
  /** The current replica base URLs (from discovery); read on every pick so membership changes are followed. */
  readonly urls: () => readonly string[];
  /** Default `least-outstanding`. */
  readonly strategy?: BalancingStrategy;
  /** Consecutive failures that eject a replica (default 3). */
  readonly failureThreshold?: number;
  /** First ejection's cool-down (default 5 s); doubles on each repeated ejection. */
  readonly ejectionMs?: number;
  /** Longest cool-down (default 60 s); a replica healthy for this long forgets its earlier ejections. */
  readonly maxEjectionMs?: number;
  /** Clock in epoch milliseconds (tests inject one). */
  readonly now?: () => number;
}

/** One replica as the balancer sees it; what an admin page shows. */
export interface InstanceState {
  readonly url: string;
  readonly inFlight: number;
  /** Epoch ms until which the replica receives no traffic; undefined when it is in rotation. */
  readonly ejectedUntil: number | undefined;
  readonly consecutiveFailures: number;
  /** How many times in a row it has been ejected (drives the doubling cool-down). */
  readonly ejections: number;
  /** True while the single half-open probe request is in flight. */
  readonly probing: boolean;
}

/** A picked replica; `release` must be called exactly once when the call ends. */
export interface Lease {
  readonly url: string;
  release(outcome: CallOutcome): void;
}

export interface Balancer {
  readonly service: string;
  /** Picks a replica for one call; throws a TransportError (PLATFORM.UNAVAILABLE) when there is none to send it to. */
  pick(): Lease;
  /** A snapshot of every known replica. */
  instances(): InstanceState[];
}

interface Instance {
  url: string;
  inFlight: number;
  ejectedUntil: number | undefined;
  consecutiveFailures: number;
  ejections: number;
  restoredAt: number;
  probing: boolean;
}

/**
 * Client-side load balancing with outlier ejection. A replica failing `failureThreshold` times in a row
 * leaves the rotation for a cool-down; afterwards exactly one request probes it (half-open) and its
 * success puts the replica back. Ejection is per caller process, like Envoy's outlier detection: each
 * caller learns from its own traffic, so no coordination is needed.
 */
export function createBalancer(options: BalancerOptions): Balancer {
  const strategy = options.strategy ?? 'least-outstanding';
  const threshold = options.failureThreshold ?? 3;
  const baseEjectionMs = options.ejectionMs ?? 5_000;
  const maxEjectionMs = options.maxEjectionMs ?? 60_000;
  const now = options.now ?? Date.now;
  const known = new Map<string, Instance>();
  let cursor = 0;

  function current(): Instance[] {
    const urls = options.urls();
    if (known.size > urls.length * 2) {
      // Replicas that left discovery are forgotten, so a churning cluster does not grow this map.
      const live = new Set(urls);
      for (const url of known.keys()) if (!live.has(url)) known.delete(url);
    }
    return urls.map((url) => {
      let instance = known.get(url);
      if (!instance) {
        instance = { url, inFlight: 0, ejectedUntil: undefined, consecutiveFailures: 0, ejections: 0, restoredAt: 0, probing: false };
        known.set(url, instance);
      }
      return instance;
    });
  }

  function choose(candidates: Instance[]): Instance {
    const start = cursor % candidates.length;
    let best = candidates[start]!;
    if (strategy === 'least-outstanding') {
      // Scanning from the round-robin cursor breaks ties in rotation instead of always favouring the first.
      for (let i = 1; i < candidates.length; i++) {
        const candidate = candidates[(start + i) % candidates.length]!;
        if (candidate.inFlight < best.inFlight) best = candidate;
      }
    }
    cursor = candidates.indexOf(best) + 1;
    return best;
  }

  function eject(instance: Instance, at: number, probeFailed: boolean): void {
    if (!probeFailed && at - instance.restoredAt > maxEjectionMs) instance.ejections = 0;
    instance.ejections += 1;
    const coolDown = Math.min(maxEjectionMs, baseEjectionMs * 2 ** (instance.ejections - 1));
    instance.ejectedUntil = at + coolDown;
  }

  function lease(instance: Instance, probe: boolean): Lease {
    instance.inFlight += 1;
    if (probe) instance.probing = true;
    let released = false;
    return {
      url: instance.url,
      release(outcome) {
        if (released) return;
        released = true;
        instance.inFlight -= 1;
        if (probe) instance.probing = false;
        if (outcome === 'success') {
          instance.consecutiveFailures = 0;
          if (instance.ejectedUntil !== undefined) {
            instance.ejectedUntil = undefined;
            instance.restoredAt = now();
          }
        } else if (outcome === 'failure') {
          instance.consecutiveFailures += 1;
          const at = now();
          if (probe) eject(instance, at, true);
          else if (instance.ejectedUntil === undefined && instance.consecutiveFailures >= threshold) eject(instance, at, false);
        }
      },
    };
  }

  return {
    service: options.service,
    pick() {
      const instances = current();
      if (instances.length === 0) {
        throw new TransportError(options.service, 'no-replica', `No replica of ${options.service} is registered`);
      }
      const at = now();
      // A replica whose cool-down has passed gets the next request as its probe, so recovery is prompt.
      const probe = instances.find((i) => i.ejectedUntil !== undefined && i.ejectedUntil <= at && !i.probing);
      if (probe) return lease(probe, true);
      const healthy = instances.filter((i) => i.ejectedUntil === undefined);
      if (healthy.length === 0) {
        throw new TransportError(options.service, 'no-replica', `Every replica of ${options.service} is failing`);
      }
      return lease(choose(healthy), false);
    },
    instances() {
      return current().map(({ url, inFlight, ejectedUntil, consecutiveFailures, ejections, probing }) => ({
        url,
        inFlight,
        ejectedUntil,
        consecutiveFailures,
        ejections,
        probing,
      }));
    },
  };
}
