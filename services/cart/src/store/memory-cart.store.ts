import { LRUCache } from 'lru-cache';
import type { Cart } from '../domain/cart.model.ts';
import { type CartStore, storageKey } from './cart.store.ts';

/**
 * The embedded placement's carts: a bounded LRU in this process. Updates are atomic because a change runs
 * synchronously between the read and the write, with nothing awaited in between.
 */
export function createMemoryCartStore(options: { maxCarts: number }): CartStore {
  // Stored serialized, so no caller can mutate a cart another caller holds.
  const carts = new LRUCache<string, string>({ max: options.maxCarts, ttlAutopurge: false });
  const key = (cartKey: Parameters<CartStore['read']>[0]) => storageKey('', cartKey);
  const get = (name: string): Cart | undefined => {
    const json = carts.get(name);
    return json === undefined ? undefined : (JSON.parse(json) as Cart);
  };
  return {
    async read(cartKey) {
      return get(key(cartKey));
    },
    async update(cartKey, change, { ttlSeconds, consume }) {
      const target = key(cartKey);
      const source = consume === undefined ? undefined : key(consume);
      const result = change(get(target), source === undefined ? undefined : get(source));
      if (!result.ok) return result;
      if (result.value === null) carts.delete(target);
      else carts.set(target, JSON.stringify(result.value), { ttl: ttlSeconds * 1000 });
      if (source !== undefined) carts.delete(source);
      return result;
    },
    async check() {},
    async close() {
      carts.clear();
    },
  };
}
