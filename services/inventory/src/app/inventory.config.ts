import { type Static, Type } from '@sinclair/typebox';

/** Inventory's settings, read from its environment by `loadConfig`. */
export const InventoryConfig = Type.Object({
  /** Each concurrent reservation holds one connection for its few statements. */
  INVENTORY_DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
  /** How long a reservation holds stock when the caller does not say. */
  INVENTORY_RESERVATION_TTL_SECONDS: Type.Integer({ minimum: 1, maximum: 86_400, default: 900 }),
  /** How often expired reservations are swept back into stock, and how many per transaction. */
  INVENTORY_EXPIRY_INTERVAL_MS: Type.Integer({ minimum: 50, maximum: 3_600_000, default: 5_000 }),
  INVENTORY_EXPIRY_BATCH_SIZE: Type.Integer({ minimum: 1, maximum: 1_000, default: 100 }),
  /** Deliveries of a command before it is dead-lettered (a failing release or confirm is retried with backoff). */
  INVENTORY_CONSUMER_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
});
export type InventoryConfig = Static<typeof InventoryConfig>;
