import { type Static, Type } from '@sinclair/typebox';

const DAY = 86_400;

/** Cart's settings, read from its environment by `loadConfig`. */
export const CartConfig = Type.Object({
  /** How long a user's cart lives after its last change. */
  CART_TTL_SECONDS: Type.Integer({ minimum: 1, maximum: 365 * DAY, default: 30 * DAY }),
  /** How long an anonymous cart lives after its last change. */
  CART_ANONYMOUS_TTL_SECONDS: Type.Integer({ minimum: 1, maximum: 365 * DAY, default: 7 * DAY }),
  /** Keys of this service in a shared Redis start with this prefix. */
  CART_REDIS_PREFIX: Type.String({ minLength: 1, maxLength: 100, default: 'cart:' }),
  /** Carts kept by the in-memory store (the least recently used go first). */
  CART_MEMORY_MAX_CARTS: Type.Integer({ minimum: 1, maximum: 10_000_000, default: 100_000 }),
  /** Per-attempt time limit of a price lookup in catalog. */
  CART_CATALOG_TIMEOUT_MS: Type.Integer({ minimum: 10, maximum: 60_000, default: 2_000 }),
});
export type CartConfig = Static<typeof CartConfig>;
