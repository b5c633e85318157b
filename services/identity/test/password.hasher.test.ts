import { describe, expect, it } from 'vitest';
import { createPasswordHasher } from '../src/app/password.hasher.ts';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('the password hasher', () => {
  it('verifies the password a hash was made from, and no other', async () => {
    const hasher = await createPasswordHasher({ memoryKib: 256, timeCost: 1 });
    const hash = await hasher.hash('violet-harbour-77');
    expect(await hasher.verify(hash, 'violet-harbour-77')).toBe(true);
    expect(await hasher.verify(hash, 'violet-harbour-78')).toBe(false);
  });

  it('knows when a hash was made with other parameters', async () => {
    const hasher = await createPasswordHasher({ memoryKib: 256, timeCost: 1 });
    const older = await createPasswordHasher({ memoryKib: 512, timeCost: 1 });
    expect(hasher.needsRehash(await hasher.hash('violet-harbour-77'))).toBe(false);
    expect(hasher.needsRehash(await older.hash('violet-harbour-77'))).toBe(true);
  });

  it('takes about as long to refuse a sign-in without an account as with a wrong password', async () => {
    // The production parameters, so that the argon2 work dominates the measurement.
    const hasher = await createPasswordHasher({ memoryKib: 19_456, timeCost: 2 });
    const stored = await hasher.hash('violet-harbour-77');
    const withAccount: number[] = [];
    const withoutAccount: number[] = [];
    for (let round = 0; round < 7; round++) {
      let started = performance.now();
      expect(await hasher.verify(stored, 'wrong-password-1')).toBe(false);
      withAccount.push(performance.now() - started);
      started = performance.now();
      expect(await hasher.verifyWithoutAccount('wrong-password-1')).toBe(false);
      withoutAccount.push(performance.now() - started);
    }
    const ratio = median(withoutAccount) / median(withAccount);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});
