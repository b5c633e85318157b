import type { InventoryStore } from '../store/inventory.store.ts';

/** What inventory's use cases work with. */
export interface InventoryDeps {
  readonly store: InventoryStore;
  /** The time reservations are stamped and judged by; tests move it. */
  readonly clock: () => Date;
  readonly reservationTtlMs: number;
  readonly expiryBatchSize: number;
}
