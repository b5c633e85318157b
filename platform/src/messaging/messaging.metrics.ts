import type { Metric, Registry } from 'prom-client';

/**
 * The metric named `name` in `registry`, made once: relays and consumer runners of several services (or
 * restarted ones) may share a registry, and prom-client refuses a second registration.
 */
export function metricIn<M extends Metric>(registry: Registry, name: string, make: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? make();
}
