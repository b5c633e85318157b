import { Type, type Static } from '@sinclair/typebox';

/** The gateway's settings, read from its environment. */
export const GatewayConfigSchema = Type.Object({
  /** Largest request body forwarded, in bytes (413 above it). */
  GATEWAY_BODY_LIMIT_BYTES: Type.Integer({ minimum: 1, default: 1024 * 1024 }),
  GATEWAY_RATE_LIMIT_IP_CAPACITY: Type.Integer({ minimum: 1, default: 300 }),
  GATEWAY_RATE_LIMIT_IP_REFILL_PER_SECOND: Type.Number({ exclusiveMinimum: 0, default: 100 }),
  GATEWAY_RATE_LIMIT_USER_CAPACITY: Type.Integer({ minimum: 1, default: 120 }),
  GATEWAY_RATE_LIMIT_USER_REFILL_PER_SECOND: Type.Number({ exclusiveMinimum: 0, default: 40 }),
  /** Where the rate-limit buckets live in Redis (when Redis is used). */
  GATEWAY_RATE_LIMIT_PREFIX: Type.String({ minLength: 1, default: 'bazaar:gateway:ratelimit:' }),
  /** Browser origins allowed to call the API cross-origin, comma-separated; empty allows none. */
  GATEWAY_CORS_ORIGINS: Type.String({ default: '' }),
  /** Time limit of one forwarded attempt, in ms. */
  GATEWAY_UPSTREAM_TIMEOUT_MS: Type.Integer({ minimum: 1, default: 10_000 }),
  /** Trust `X-Forwarded-For` from a load balancer in front of the gateway (for the client IP). */
  GATEWAY_TRUST_PROXY: Type.Boolean({ default: false }),
  /** How long the merged OpenAPI document is reused before services are asked again, in ms. */
  GATEWAY_DOCS_CACHE_MS: Type.Integer({ minimum: 0, default: 10_000 }),
  /** The built storefront (`apps/storefront/dist`) to serve at `/`; unset serves the API alone. */
  BAZAAR_STOREFRONT_DIR: Type.Optional(Type.String({ minLength: 1 })),
});

export type GatewayConfig = Static<typeof GatewayConfigSchema>;

/** The configured CORS origins as a list. */
export function corsOrigins(config: GatewayConfig): string[] {
  return config.GATEWAY_CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
}
