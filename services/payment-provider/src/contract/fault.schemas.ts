import { type Static, Type } from '@sinclair/typebox';

/** The fault knobs, settable at run time: every `/v1` call is slowed, randomly declined or refused. */
export const Faults = Type.Object(
  {
    /** Added to every `/v1` call before it is processed. */
    latencyMs: Type.Integer({ minimum: 0, maximum: 30_000 }),
    /** Share of `tok_visa` authorizations declined with `insufficient_funds`. */
    declineRate: Type.Number({ minimum: 0, maximum: 1 }),
    /** Every `/v1` call answers 503. */
    outage: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type Faults = Static<typeof Faults>;

/** What the provider has done since it started: requests received and effects made. */
export const ProviderCounters = Type.Object({
  authorizeRequests: Type.Integer(),
  /** Authorizations created (approved or declined); a replayed key creates none. */
  authorizations: Type.Integer(),
  approved: Type.Integer(),
  declined: Type.Integer(),
  captureRequests: Type.Integer(),
  captures: Type.Integer(),
  voidRequests: Type.Integer(),
  voids: Type.Integer(),
  /** `/v1` calls answered 503 by the outage knob, before any processing. */
  refusedByOutage: Type.Integer(),
});
export type ProviderCounters = Static<typeof ProviderCounters>;

/** One authorization with what was asked of it and what was done to it. */
export const AuthorizationCounters = Type.Object({
  authorizationId: Type.String(),
  idempotencyKey: Type.String(),
  status: Type.String(),
  authorizeRequests: Type.Integer(),
  captureRequests: Type.Integer(),
  /** Captures that took effect: never more than one. */
  captures: Type.Integer(),
  voidRequests: Type.Integer(),
  voids: Type.Integer(),
});
export type AuthorizationCounters = Static<typeof AuthorizationCounters>;

/** Every authorization made with one idempotency key: a list so that a double authorization would show. */
export const AuthorizationsByKey = Type.Object({ items: Type.Array(AuthorizationCounters) });
export type AuthorizationsByKey = Static<typeof AuthorizationsByKey>;
