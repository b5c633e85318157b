export { createTokenVerifier, TOKEN_ISSUER, TOKEN_AUDIENCE, type Principal, type TokenVerifier } from './token-verifier.ts';
export { authenticate, bearerToken, principalOf } from './guards.ts';
export { issuerTokenVerifier } from './identity-verifier.ts';
