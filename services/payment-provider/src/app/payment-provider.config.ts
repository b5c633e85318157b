import { type Static, Type } from '@sinclair/typebox';

/** The provider's settings, read from its environment by `loadConfig`; the fault knobs start from these. */
export const PaymentProviderConfig = Type.Object({
  PAYMENT_PROVIDER_LATENCY_MS: Type.Integer({ minimum: 0, maximum: 30_000, default: 0 }),
  PAYMENT_PROVIDER_DECLINE_RATE: Type.Number({ minimum: 0, maximum: 1, default: 0 }),
  PAYMENT_PROVIDER_OUTAGE: Type.Boolean({ default: false }),
  PAYMENT_PROVIDER_MAX_AUTHORIZATIONS: Type.Integer({ minimum: 1, maximum: 10_000_000, default: 100_000 }),
});
export type PaymentProviderConfig = Static<typeof PaymentProviderConfig>;
