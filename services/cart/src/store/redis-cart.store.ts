import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import type { Cart } from '../domain/cart.model.ts';
import { type CartStore, storageKey } from './cart.store.ts';

/**
 * Compare-and-set over one or two keys: the write happens only when both still hold exactly the text the
 * change was computed from (an empty string standing for "absent"). Running in Redis makes the check and the
 * writes one step, and unlike WATCH it needs no connection of its own per update.
 */
const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[1] then return 0 end
if #KEYS == 2 then
  local consumed = redis.call('GET', KEYS[2]) or ''
  if consumed ~= ARGV[2] then return 0 end
  redis.call('DEL', KEYS[2])
end
if ARGV[3] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[4]) end
return 1
`;

/** Updates racing on one cart retry on a fresh read; this bounds a pathological pile-up. */
const MAX_ATTEMPTS = 100;

const parse = (json: string | null): Cart | undefined => (json === null || json === '' ? undefined : (JSON.parse(json) as Cart));

/** The cluster placement's carts: one Redis key per cart holding its JSON, expiring `ttlSeconds` after the last write. */
export function createRedisCartStore(options: { url: string; prefix: string }): CartStore {
  const redis = new Redis(options.url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  const key = (cartKey: Parameters<CartStore['read']>[0]) => storageKey(options.prefix, cartKey);
  return {
    async read(cartKey) {
      return parse(await redis.get(key(cartKey)));
    },
    async update(cartKey, change, { ttlSeconds, consume }) {
      const keys = consume === undefined ? [key(cartKey)] : [key(cartKey), key(consume)];
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        const [current, consumed] = await Promise.all(keys.map((name) => redis.get(name)));
        const result = change(parse(current ?? null), parse(consumed ?? null));
        if (!result.ok) return result;
        const next = result.value === null ? '' : JSON.stringify(result.value);
        const written = await redis.eval(COMPARE_AND_SET, keys.length, ...keys, current ?? '', consumed ?? '', next, String(ttlSeconds));
        if (written === 1) return result;
        // Spread the retries of racing writers so they do not collide again in lockstep.
        await sleep(Math.random() * Math.min(50, attempt * 2));
      }
      throw new Error(`The cart ${keys[0]} changed under every one of ${MAX_ATTEMPTS} attempts`);
    },
    async check() {
      await redis.ping();
    },
    async close() {
      await redis.quit();
    },
  };
}
