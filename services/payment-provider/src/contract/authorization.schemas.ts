import { idPattern } from '@bazaar/platform/ids';
import { type Static, Type } from '@sinclair/typebox';

/** ISO 4217 alphabetic currency code. */
const Currency = Type.String({ pattern: '^[A-Z]{3}$' });
/** Whole minor units: ten billion is 100 million in a two-decimal currency. */
const AmountMinor = Type.Integer({ minimum: 1, maximum: 10_000_000_000 });
/** What a caller chooses to make a retried authorization safe: one key, at most one authorization. */
const IdempotencyKey = Type.String({ pattern: '^[A-Za-z0-9_:.-]{1,200}$' });

/** Where an authorization stands; `declined` and `voided` are final, `captured` is final too. */
export const AuthorizationStatus = Type.Union([Type.Literal('approved'), Type.Literal('declined'), Type.Literal('captured'), Type.Literal('voided')]);
export type AuthorizationStatus = Static<typeof AuthorizationStatus>;

/** `POST /v1/authorizations`: hold an amount on a card; the same key always answers with the same authorization. */
export const AuthorizeRequest = Type.Object(
  {
    amountMinor: AmountMinor,
    currency: Currency,
    token: Type.String({ minLength: 1, maxLength: 100 }),
    idempotencyKey: IdempotencyKey,
  },
  { additionalProperties: false },
);
export type AuthorizeRequest = Static<typeof AuthorizeRequest>;

/** An authorization as the provider reports it (201 approved, 402 declined, 200 after capture or void). */
export const Authorization = Type.Object({
  authorizationId: Type.String({ pattern: idPattern('auth') }),
  status: AuthorizationStatus,
  amountMinor: Type.Integer(),
  currency: Type.String(),
  idempotencyKey: Type.String(),
  declineCode: Type.Optional(Type.String()),
  capturedAmountMinor: Type.Optional(Type.Integer()),
});
export type Authorization = Static<typeof Authorization>;

/** `:id` of an authorization route. */
export const AuthorizationParams = Type.Object({ id: Type.String({ pattern: idPattern('auth') }) }, { additionalProperties: false });
export type AuthorizationParams = Static<typeof AuthorizationParams>;

/** `POST /v1/authorizations/:id/capture`: take the held amount, or part of it; a second capture returns the first. */
export const CaptureRequest = Type.Object({ amountMinor: Type.Optional(AmountMinor) }, { additionalProperties: false });
export type CaptureRequest = Static<typeof CaptureRequest>;

/** `POST /v1/authorizations/:id/void`: release the hold; the body is empty. */
export const VoidRequest = Type.Object({}, { additionalProperties: false });
export type VoidRequest = Static<typeof VoidRequest>;

/** `GET /v1/authorizations?idempotencyKey=`: what a caller that lost an answer uses to learn the outcome. */
export const AuthorizationLookup = Type.Object({ idempotencyKey: IdempotencyKey }, { additionalProperties: false });
export type AuthorizationLookup = Static<typeof AuthorizationLookup>;
