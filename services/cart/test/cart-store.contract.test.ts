import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError, fail, ok } from '@bazaar/platform/errors';
import { CartErrors } from '../src/contract/cart.errors.ts';
import { addLine, type Cart, emptyCart } from '../src/domain/cart.model.ts';
import type { CartKey } from '../src/store/cart.store.ts';
import { freshUserId, STORE_KINDS, testCartStore } from './support/cart.fixture.ts';

const now = new Date('2026-01-01T00:00:00Z');
const line = (n: number) => ({ productId: `prd_${String(n).padStart(26, '0')}`, sku: `sku_p-${n}`, name: `P${n}`, priceMinor: 100 * n, currency: 'USD' });
const withLine = (cart: Cart | undefined, n: number, quantity = 1) => addLine(cart ?? emptyCart(now), line(n), quantity, now);
const ttl = { ttlSeconds: 60 };

describe.each(STORE_KINDS)('the %s cart store', (kind) => {
  const opened: ReturnType<typeof testCartStore>[] = [];
  const open = () => {
    const store = testCartStore(kind);
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });
  const user = (): CartKey => ({ kind: 'user', userId: freshUserId() });

  it('has no cart for a key nothing was written to', async () => {
    expect(await open().read(user())).toBeUndefined();
  });

  it('stores what a change makes of the cart and reads it back', async () => {
    const store = open();
    const key = user();
    const written = await store.update(key, (current) => withLine(current, 1, 2), ttl);
    expect(written.ok).toBe(true);
    expect((await store.read(key))?.lines).toEqual([{ ...line(1), quantity: 2 }]);
  });

  it('writes nothing when the change fails', async () => {
    const store = open();
    const key = user();
    await store.update(key, (current) => withLine(current, 1), ttl);
    const refused = await store.update(key, () => fail(new AppError(CartErrors.TOO_MANY_LINES)), ttl);
    expect(!refused.ok && refused.error.code).toBe('CART.TOO_MANY_LINES');
    expect((await store.read(key))?.lines).toHaveLength(1);
  });

  it('deletes the cart when the change makes nothing of it', async () => {
    const store = open();
    const key = user();
    await store.update(key, (current) => withLine(current, 1), ttl);
    await store.update(key, () => ok(null), ttl);
    expect(await store.read(key)).toBeUndefined();
  });

  it('hands a consumed cart to the change and deletes it in the same step', async () => {
    const store = open();
    const key = user();
    const anonymous: CartKey = { kind: 'anonymous', cartId: 'crt_01jd3x00000000000000000001' };
    await store.update(anonymous, (current) => withLine(current, 7, 3), ttl);
    await store.update(key, (current, consumed) => withLine(current, 7, consumed?.lines[0]?.quantity ?? 0), { ...ttl, consume: anonymous });
    expect((await store.read(key))?.lines[0]?.quantity).toBe(3);
    expect(await store.read(anonymous)).toBeUndefined();
  });

  it('keeps a consumed cart when the change fails', async () => {
    const store = open();
    const anonymous: CartKey = { kind: 'anonymous', cartId: 'crt_01jd3x00000000000000000002' };
    await store.update(anonymous, (current) => withLine(current, 7), ttl);
    await store.update(user(), () => fail(new AppError(CartErrors.CART_NOT_FOUND)), { ...ttl, consume: anonymous });
    expect(await store.read(anonymous)).toBeDefined();
  });

  it('loses none of many concurrent changes to one cart', async () => {
    const store = open();
    const key = user();
    await Promise.all(Array.from({ length: 40 }, (_, i) => store.update(key, (current) => withLine(current, i + 1), ttl)));
    await Promise.all(Array.from({ length: 30 }, () => store.update(key, (current) => withLine(current, 1), ttl)));
    const cart = await store.read(key);
    expect(cart?.lines).toHaveLength(40);
    expect(cart?.lines.find((l) => l.productId === line(1).productId)?.quantity).toBe(31);
  });

  it('forgets a cart once its time to live has passed without a write', async () => {
    const store = open();
    const key = user();
    await store.update(key, (current) => withLine(current, 1), { ttlSeconds: 1 });
    expect(await store.read(key)).toBeDefined();
    await vi.waitFor(async () => expect(await store.read(key)).toBeUndefined(), { timeout: 10_000, interval: 200 });
  });

  it('restarts the time to live on every write', async () => {
    const store = open();
    const key = user();
    await store.update(key, (current) => withLine(current, 1), { ttlSeconds: 1 });
    await store.update(key, (current) => withLine(current, 2), { ttlSeconds: 600 });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await store.read(key))?.lines).toHaveLength(2);
  });
});
