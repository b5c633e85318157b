import { Counter, type Registry } from 'prom-client';

/** The orchestrator's counters; without a registry they count nothing. */
export interface SagaMetrics {
  /** A saga reached a final status. */
  outcome(saga: string, status: 'completed' | 'compensated' | 'failed'): void;
  /** An undo failed or timed out and will be retried: the signal to alert on. */
  compensationFailed(saga: string, step: string): void;
}

/** A counter by this name from the registry, created on first use, so several orchestrators can share one registry. */
function counter<L extends string>(registry: Registry, name: string, help: string, labelNames: readonly L[]): Counter<L> {
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as Counter<L>;
  return new Counter({ name, help, labelNames, registers: [registry] });
}

/**
 * Counts are taken when the transition is made, inside a transaction that may still roll back, so they can run
 * ahead of the tables by the odd transition; the tables are the truth, the counters are for dashboards and alerts.
 */
export function createSagaMetrics(registry?: Registry): SagaMetrics {
  if (!registry) return { outcome: () => {}, compensationFailed: () => {} };
  const outcomes = counter(registry, 'saga_outcomes_total', 'Sagas that reached a final status, by saga and status', ['saga', 'status']);
  const failures = counter(registry, 'saga_compensation_failures_total', 'Undos that failed or timed out and will be retried', ['saga', 'step']);
  return {
    outcome: (saga, status) => outcomes.inc({ saga, status }),
    compensationFailed: (saga, step) => failures.inc({ saga, step }),
  };
}
