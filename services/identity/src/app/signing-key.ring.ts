import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  errors,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
  type JWTVerifyGetKey,
  type LocalJWKSet,
} from 'jose';
import type { Jwks, PublicJwk } from '../contract/auth.schemas.ts';
import type { IdentityStore } from '../store/identity.store.ts';
import type { StoredSigningKey } from '../store/signing-key.repository.ts';

export const SIGNING_ALGORITHM = 'EdDSA';

/** The keys identity signs with and publishes, shared by every replica through the database. */
export interface SigningKeyRing {
  /** The key that signs new tokens. */
  signingKey(): Promise<{ kid: string; key: CryptoKey }>;
  /** The public keys tokens may be verified with: the active one and those superseded but not retired. */
  jwks(): Promise<Jwks>;
  /** A jose key resolver over the JWKS, for verifying identity's own tokens. */
  readonly resolveKey: JWTVerifyGetKey;
  /** Reads the keys again, after this replica or another one rotated them. */
  reload(): Promise<void>;
}

interface Snapshot {
  readonly active: { kid: string; key: CryptoKey };
  readonly jwks: Jwks;
  readonly localSet: LocalJWKSet;
  readonly loadedAt: number;
}

/** A fresh Ed25519 pair, its kid being the RFC 7638 thumbprint of the public key. */
export async function generateSigningKey(): Promise<{ kid: string; algorithm: string; publicJwk: PublicJwk; privateJwk: JWK }> {
  const pair = await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519', extractable: true });
  const publicJwk = await exportJWK(pair.publicKey);
  const privateJwk = await exportJWK(pair.privateKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    kid,
    algorithm: SIGNING_ALGORITHM,
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x: publicJwk.x!, kid, alg: SIGNING_ALGORITHM, use: 'sig' },
    privateJwk,
  };
}

/** Creates the first key unless one is active; replicas starting together create exactly one. */
async function ensureActiveKey(store: IdentityStore): Promise<void> {
  const hasActive = (keys: StoredSigningKey[]) => keys.some((key) => key.supersededAt === null);
  if (hasActive(await store.signingKeys.listPublished())) return;
  const fresh = await generateSigningKey();
  await store.transaction(async (tx) => {
    await tx.signingKeys.lock();
    if (hasActive(await tx.signingKeys.listPublished())) return;
    await tx.signingKeys.insertActive(fresh);
  });
}

async function loadSnapshot(store: IdentityStore): Promise<Snapshot> {
  const keys = await store.signingKeys.listPublished();
  const active = keys.find((key) => key.supersededAt === null);
  if (!active) throw new Error('identity has no active signing key');
  const jwks: Jwks = { keys: keys.map((key) => key.publicJwk as PublicJwk) };
  return {
    active: { kid: active.kid, key: (await importJWK(active.privateJwk, SIGNING_ALGORITHM)) as CryptoKey },
    jwks,
    localSet: createLocalJWKSet(jwks),
    loadedAt: Date.now(),
  };
}

export interface KeyRingOptions {
  /** How long a replica trusts its copy of the keys before reading them again. */
  readonly maxAgeMs?: number;
  /** The least time between two reloads caused by tokens naming an unknown kid (they may be forged). */
  readonly unknownKidCooldownMs?: number;
}

/** Opens the key ring, generating the first key on the very first start. */
export async function openSigningKeyRing(store: IdentityStore, options: KeyRingOptions = {}): Promise<SigningKeyRing> {
  const maxAgeMs = options.maxAgeMs ?? 30_000;
  const cooldownMs = options.unknownKidCooldownMs ?? 5_000;
  await ensureActiveKey(store);
  let snapshot = await loadSnapshot(store);
  let reloading: Promise<Snapshot> | undefined;
  let lastUnknownKidReload = Number.NEGATIVE_INFINITY;

  const reload = async (): Promise<Snapshot> => {
    reloading ??= loadSnapshot(store).finally(() => (reloading = undefined));
    snapshot = await reloading;
    return snapshot;
  };
  const current = async (): Promise<Snapshot> => (Date.now() - snapshot.loadedAt > maxAgeMs ? reload() : snapshot);

  return {
    signingKey: async () => (await current()).active,
    jwks: async () => (await current()).jwks,
    async reload() {
      await reload();
    },
    async resolveKey(header, token) {
      const known = await current();
      try {
        return await known.localSet(header, token);
      } catch (error) {
        if (!(error instanceof errors.JWKSNoMatchingKey) || Date.now() - lastUnknownKidReload < cooldownMs) throw error;
        lastUnknownKidReload = Date.now();
        return (await reload()).localSet(header, token);
      }
    },
  };
}
