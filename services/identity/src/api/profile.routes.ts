import { authenticate, principalOf, type TokenVerifier } from '@bazaar/platform/auth';
import { unwrap } from '@bazaar/platform/errors';
import type { App } from '@bazaar/platform/http';
import { User } from '../contract/auth.schemas.ts';
import { IdentityPaths } from '../contract/identity.paths.ts';
import { getProfile } from '../app/get-profile.use-case.ts';
import { toUserView } from '../app/user.view.ts';
import type { IdentityStore } from '../store/identity.store.ts';

/** The signed-in user's own account. */
export function registerProfileRoutes(app: App, deps: { store: IdentityStore; verifier: TokenVerifier }): void {
  app.get(
    IdentityPaths.me,
    {
      preHandler: authenticate(deps.verifier),
      schema: { tags: ['account'], summary: 'Your profile', security: [{ bearer: [] }], response: { 200: User } },
    },
    async (request) => toUserView(unwrap(await getProfile(deps, principalOf(request).userId))),
  );
}
