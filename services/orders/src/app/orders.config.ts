import { type Static, Type } from '@sinclair/typebox';

/** Orders' settings, read from its environment by `loadConfig`. */
export const OrdersConfig = Type.Object({
  ORDERS_DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
  /** How long a checkout waits for the saga to finish before answering 202 instead of 200. */
  ORDERS_CHECKOUT_WAIT_MS: Type.Integer({ minimum: 0, maximum: 10_000, default: 1_500 }),
  /** How long a saga step waits for its participant's reply before compensating. */
  ORDERS_SAGA_STEP_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 30_000 }),
  /** How long an undo waits for its reply before it is sent again. */
  ORDERS_SAGA_UNDO_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 10_000 }),
  /** How often the saga runner looks for overdue steps and undos to retry. */
  ORDERS_SAGA_TICK_MS: Type.Integer({ minimum: 10, maximum: 60_000, default: 1_000 }),
});
export type OrdersConfig = Static<typeof OrdersConfig>;
