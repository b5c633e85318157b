import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { authenticate, principalOf, type TokenVerifier } from '@bazaar/platform/auth';
import { AppError } from '@bazaar/platform/errors';
import { isId } from '@bazaar/platform/ids';
import { CartErrors } from '../contract/cart.errors.ts';
import { CART_ID_HEADER } from '../contract/cart.limits.ts';
import type { CartKey } from '../store/cart.store.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `resolveCart`: the cart this request acts on. */
    cartKey?: CartKey;
  }
}

/**
 * Decides whose cart a request acts on, before its body is parsed: a bearer token means the user's own
 * cart (a token that does not verify is refused, never downgraded to the anonymous cart); otherwise the
 * `X-Cart-Id` header names an anonymous cart. Neither is a 401.
 */
export function resolveCart(verifier: TokenVerifier): onRequestAsyncHookHandler {
  const user = authenticate(verifier);
  return async function cartOwner(request, reply) {
    if (request.headers.authorization !== undefined) {
      await user.call(this, request, reply);
      request.cartKey = { kind: 'user', userId: principalOf(request).userId };
      return;
    }
    const cartId = request.headers[CART_ID_HEADER];
    if (cartId === undefined) throw new AppError(CartErrors.CART_REQUIRED, undefined, { headers: { 'www-authenticate': 'Bearer' } });
    if (typeof cartId !== 'string' || !isId('crt', cartId)) throw new AppError(CartErrors.MALFORMED_CART_ID);
    request.cartKey = { kind: 'anonymous', cartId };
  };
}

/** The cart a guarded handler acts on; throws if the route forgot its guard. */
export function cartKeyOf(request: FastifyRequest): CartKey {
  if (!request.cartKey) throw new Error('route is missing its resolveCart() guard');
  return request.cartKey;
}
