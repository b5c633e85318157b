import { authenticate, type TokenVerifier } from '@bazaar/platform/auth';
import type { App } from '@bazaar/platform/http';
import { Jwks, KeyRotation, RotateKeysRequest } from '../contract/auth.schemas.ts';
import { IdentityPaths } from '../contract/identity.paths.ts';
import { rotateSigningKey, type RotateSigningKeyDeps } from '../app/rotate-signing-key.use-case.ts';

/** Publishing the token-verification keys, and rotating the signing key. */
export function registerKeyRoutes(app: App, deps: RotateSigningKeyDeps & { verifier: TokenVerifier }): void {
  app.get(
    IdentityPaths.jwks,
    { schema: { tags: ['keys'], summary: 'Public keys that verify access tokens', response: { 200: Jwks } } },
    async (_request, reply) => {
      // Short enough that verifiers pick up a rotation soon; they also refetch on an unknown kid.
      return reply.header('cache-control', 'public, max-age=60').send(await deps.keyRing.jwks());
    },
  );

  app.post(
    IdentityPaths.rotateKeys,
    {
      // Checked before the body, so that a caller without the role learns nothing from validation errors.
      preValidation: authenticate(deps.verifier, ['admin']),
      schema: {
        tags: ['keys'],
        summary: 'Start signing with a new key; the old one stays published until its tokens expire',
        security: [{ bearer: [] }],
        body: RotateKeysRequest,
        response: { 200: KeyRotation },
      },
    },
    async () => rotateSigningKey(deps),
  );
}
