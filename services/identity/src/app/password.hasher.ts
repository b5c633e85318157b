import { randomBytes } from 'node:crypto';
import { hash, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';

/** Hashes and checks passwords with argon2id. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
  /**
   * Spends the same time as `verify` and always fails: used when there is no account, so that the response
   * time does not tell whether an e-mail address is registered.
   */
  verifyWithoutAccount(password: string): Promise<false>;
  /** True when the hash was made with other parameters than the current ones. */
  needsRehash(passwordHash: string): boolean;
}

// The package declares Algorithm as a const enum, which exists only in its types; this is its runtime value.
const ARGON2ID = 2 as Algorithm;

export async function createPasswordHasher(cost: { memoryKib: number; timeCost: number }): Promise<PasswordHasher> {
  const options: Options = { algorithm: ARGON2ID, memoryCost: cost.memoryKib, timeCost: cost.timeCost, parallelism: 1 };
  const dummyHash = await hash(randomBytes(32), options);
  return {
    hash: (password) => hash(password, options),
    verify: (passwordHash, password) => verify(passwordHash, password),
    async verifyWithoutAccount(password) {
      await verify(dummyHash, password);
      return false;
    },
    needsRehash(passwordHash) {
      const current = parseOptions(passwordHash);
      return (
        current.algorithm !== ARGON2ID ||
        current.memoryCost !== cost.memoryKib ||
        current.timeCost !== cost.timeCost ||
        current.parallelism !== options.parallelism
      );
    },
  };
}
