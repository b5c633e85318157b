import type { KeyRotation } from '../contract/auth.schemas.ts';
import { retirableKeys } from '../domain/signing-key.policy.ts';
import type { IdentityStore } from '../store/identity.store.ts';
import { generateSigningKey, type SigningKeyRing } from './signing-key.ring.ts';

export interface RotateSigningKeyDeps {
  readonly store: IdentityStore;
  readonly keyRing: SigningKeyRing;
  readonly accessTokenTtlSeconds: number;
}

/**
 * Makes a new key the signing key. The previous one stays published so that tokens it signed keep
 * verifying until they expire; keys superseded longer ago than that are retired from the JWKS.
 */
export async function rotateSigningKey(deps: RotateSigningKeyDeps): Promise<KeyRotation> {
  const fresh = await generateSigningKey();
  const publishedKids = await deps.store.transaction(async (tx) => {
    await tx.signingKeys.lock();
    await tx.signingKeys.supersedeActive();
    await tx.signingKeys.insertActive(fresh);
    const retired = retirableKeys(await tx.signingKeys.listPublished(), await tx.signingKeys.now(), deps.accessTokenTtlSeconds);
    await tx.signingKeys.retire(retired);
    return (await tx.signingKeys.listPublished()).map((key) => key.kid);
  });
  await deps.keyRing.reload();
  return { activeKid: fresh.kid, publishedKids };
}
