import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CartLimits } from '../src/contract/cart.limits.ts';
import { addLine, type Cart, emptyCart, mergeCarts, removeLine, setQuantity, totalsOf, type PriceSnapshot } from '../src/domain/cart.model.ts';

const now = new Date('2026-01-01T00:00:00Z');
const productIds = Array.from({ length: 70 }, (_, i) => `prd_${String(i).padStart(26, '0')}`);
const snapshotOf = (productId: string): PriceSnapshot => {
  const index = productIds.indexOf(productId);
  return { productId, sku: `sku_p-${index}`, name: `Product ${index}`, priceMinor: index * 137, currency: index % 3 === 0 ? 'EUR' : 'USD' };
};

const productId = fc.constantFrom(...productIds);
const operation = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), productId, quantity: fc.integer({ min: CartLimits.minQuantity, max: CartLimits.maxQuantity }) }),
  fc.record({ kind: fc.constant('set' as const), productId, quantity: fc.integer({ min: 0, max: CartLimits.maxQuantity }) }),
  fc.record({ kind: fc.constant('remove' as const), productId }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function apply(cart: Cart, op: Operation): Cart {
  if (op.kind === 'remove') return removeLine(cart, op.productId, now);
  const result = op.kind === 'add' ? addLine(cart, snapshotOf(op.productId), op.quantity, now) : setQuantity(cart, op.productId, op.quantity, now);
  return result.ok ? result.value : cart;
}

const cartArbitrary = fc.array(operation, { maxLength: 150 }).map((ops) => ops.reduce(apply, emptyCart(now)));

function expectWithinLimits(cart: Cart): void {
  expect(cart.lines.length).toBeLessThanOrEqual(CartLimits.maxLines);
  expect(new Set(cart.lines.map((line) => line.productId)).size).toBe(cart.lines.length);
  for (const line of cart.lines) {
    expect(Number.isInteger(line.quantity)).toBe(true);
    expect(line.quantity).toBeGreaterThanOrEqual(CartLimits.minQuantity);
    expect(line.quantity).toBeLessThanOrEqual(CartLimits.maxQuantity);
  }
}

const quantityOf = (cart: Cart, id: string) => cart.lines.find((line) => line.productId === id)?.quantity ?? 0;

describe('the cart domain', () => {
  it('keeps every line within its limits, whatever sequence of adds, updates and removals it is given', () => {
    fc.assert(fc.property(cartArbitrary, expectWithinLimits), { numRuns: 300 });
  });

  it('refuses an add that would pass a limit and leaves the cart as it was', () => {
    fc.assert(
      fc.property(cartArbitrary, productId, fc.integer({ min: 1, max: 99 }), (cart, id, quantity) => {
        const result = addLine(cart, snapshotOf(id), quantity, now);
        const fits = quantityOf(cart, id) > 0 ? quantityOf(cart, id) + quantity <= CartLimits.maxQuantity : cart.lines.length < CartLimits.maxLines;
        expect(result.ok).toBe(fits);
        if (result.ok) expect(quantityOf(result.value, id)).toBe(quantityOf(cart, id) + quantity);
      }),
      { numRuns: 300 },
    );
  });

  it('merges two carts into one within the limits, adding quantities up to the cap and keeping every line of the user', () => {
    fc.assert(
      fc.property(cartArbitrary, cartArbitrary, (user, anonymous) => {
        const merged = mergeCarts(user, anonymous, now);
        expectWithinLimits(merged);
        for (const line of user.lines) expect(quantityOf(merged, line.productId)).toBe(Math.min(CartLimits.maxQuantity, line.quantity + quantityOf(anonymous, line.productId)));
        for (const line of merged.lines) {
          expect(line.quantity).toBe(Math.min(CartLimits.maxQuantity, quantityOf(user, line.productId) + quantityOf(anonymous, line.productId)));
        }
        if (user.lines.length + anonymous.lines.length <= CartLimits.maxLines) {
          expect(merged.lines.length).toBe(new Set([...user.lines, ...anonymous.lines].map((line) => line.productId)).size);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('totals each currency on its own, and the totals add up to the lines', () => {
    fc.assert(
      fc.property(cartArbitrary, (cart) => {
        const totals = totalsOf(cart);
        expect(new Set(totals.map((total) => total.currency)).size).toBe(totals.length);
        for (const total of totals) {
          const lines = cart.lines.filter((line) => line.currency === total.currency);
          expect(total.totalMinor).toBe(lines.reduce((sum, line) => sum + line.priceMinor * line.quantity, 0));
          expect(total.quantity).toBe(lines.reduce((sum, line) => sum + line.quantity, 0));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('removes a line when its quantity is set to 0, and refuses to set a line that is not there', () => {
    const cart = apply(emptyCart(now), { kind: 'add', productId: productIds[1]!, quantity: 3 });
    const emptied = setQuantity(cart, productIds[1]!, 0, now);
    expect(emptied.ok && emptied.value.lines).toEqual([]);
    const missing = setQuantity(cart, productIds[2]!, 4, now);
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.error.code).toBe('CART.ITEM_NOT_FOUND');
  });
});
