import { AppError } from '@bazaar/platform/errors';
import { isTransportError, type BreakerState, type ServiceClient } from '@bazaar/platform/http';
import {
  type Authorization,
  type AuthorizeRequest,
  PaymentProviderErrors,
  PaymentProviderPaths as Paths,
} from '@bazaar/payment-provider/contract';

/** The provider could not be reached, or did not answer, within the call's retry budget (or its circuit is open). */
export interface Unavailable {
  readonly kind: 'unavailable';
  readonly reason: string;
}

export type AuthorizeOutcome =
  | { readonly kind: 'approved'; readonly authorizationId: string }
  | { readonly kind: 'declined'; readonly authorizationId: string | null; readonly declineCode: string }
  | Unavailable;
export type CaptureOutcome = { readonly kind: 'captured' } | Unavailable;
export type VoidOutcome = { readonly kind: 'voided' } | Unavailable;
export type LookupOutcome = { readonly kind: 'found'; readonly authorization: Authorization } | { readonly kind: 'none' } | Unavailable;

/** The payment provider as payments sees it: each call says what happened, and only a bug throws. */
export interface ProviderGateway {
  authorize(request: AuthorizeRequest): Promise<AuthorizeOutcome>;
  capture(authorizationId: string, idempotencyKey: string): Promise<CaptureOutcome>;
  void(authorizationId: string, idempotencyKey: string): Promise<VoidOutcome>;
  /** The authorization made with a key, for a payment whose authorize answer was lost. */
  findByKey(idempotencyKey: string): Promise<LookupOutcome>;
  breakerState(): BreakerState;
}

/** Decline code recorded when the provider refuses the token itself (not a test card it knows). */
export const INVALID_TOKEN_DECLINE = 'invalid_token';

interface Problem {
  readonly code?: string;
}

function unexpected(what: string, status: number, body: unknown): Error {
  return new Error(`The payment provider answered ${what} with ${status}: ${JSON.stringify(body)}`);
}

/** Transport failures and 5xx answers (after the client's retries) mean "not now"; anything else is rethrown. */
async function unlessUnavailable<T>(call: () => Promise<T>): Promise<T | Unavailable> {
  try {
    return await call();
  } catch (error) {
    if (isTransportError(error) || (AppError.is(error) && error.status >= 500)) return { kind: 'unavailable', reason: error.message };
    throw error;
  }
}

/**
 * Every call is marked idempotent, so the client retries it after a timeout: the provider acts once per
 * authorization key and per authorization id, so a retry (or a late original) never makes a second effect.
 */
export function createProviderGateway(client: ServiceClient): ProviderGateway {
  const call = <T>(method: string, path: string, body: unknown, idempotencyKey?: string) =>
    client.request<T>({ method, path, body, idempotent: true, headers: { 'idempotency-key': idempotencyKey } });

  return {
    authorize: (request) =>
      unlessUnavailable(async (): Promise<AuthorizeOutcome> => {
        const { status, body } = await call<Authorization & Problem>('POST', Paths.authorizations, request, request.idempotencyKey);
        if (status === 201) return { kind: 'approved', authorizationId: body.authorizationId };
        if (status === 402) return { kind: 'declined', authorizationId: body.authorizationId, declineCode: body.declineCode ?? 'card_declined' };
        if (status === 400 && body.code === PaymentProviderErrors.UNKNOWN_TOKEN.code) {
          return { kind: 'declined', authorizationId: null, declineCode: INVALID_TOKEN_DECLINE };
        }
        throw unexpected('an authorization', status, body);
      }),

    capture: (authorizationId, idempotencyKey) =>
      unlessUnavailable(async (): Promise<CaptureOutcome> => {
        const { status, body } = await call('POST', Paths.capture.replace(':id', authorizationId), {}, idempotencyKey);
        if (status === 200) return { kind: 'captured' };
        throw unexpected('a capture', status, body);
      }),

    void: (authorizationId, idempotencyKey) =>
      unlessUnavailable(async (): Promise<VoidOutcome> => {
        const { status, body } = await call('POST', Paths.void.replace(':id', authorizationId), {}, idempotencyKey);
        if (status === 200) return { kind: 'voided' };
        throw unexpected('a void', status, body);
      }),

    findByKey: (idempotencyKey) =>
      unlessUnavailable(async (): Promise<LookupOutcome> => {
        const path = `${Paths.authorizations}?idempotencyKey=${encodeURIComponent(idempotencyKey)}`;
        const { status, body } = await client.request<Authorization>({ method: 'GET', path });
        if (status === 200) return { kind: 'found', authorization: body };
        if (status === 404) return { kind: 'none' };
        throw unexpected('a lookup', status, body);
      }),

    breakerState: () => client.breakerState(),
  };
}
