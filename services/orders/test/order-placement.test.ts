import { describe, expect, it } from 'vitest';
import { placeOrder } from '../src/domain/order-placement.ts';
import { requestHash } from '../src/domain/request-hash.ts';
import { checkoutBody, lamp } from './support/orders.fixture.ts';

const base = { orderId: 'ord_1', userId: 'usr_1', email: 'ada@example.com', shippingAddress: checkoutBody().shippingAddress, idempotencyKey: 'key-00000001' };

describe('placing an order from a cart', () => {
  it('totals the lines in whole minor units', () => {
    const placed = placeOrder({ ...base, cart: [lamp('sku_a', 2), { ...lamp('sku_b', 3), unitPriceMinor: 99 }] });
    expect(placed.ok && placed.event).toMatchObject({ totalMinor: 2 * 1250 + 3 * 99, currency: 'USD', email: 'ada@example.com' });
  });

  it('refuses an empty cart and a cart in two currencies', () => {
    expect(placeOrder({ ...base, cart: [] })).toEqual({ ok: false, problem: 'EMPTY_CART' });
    expect(placeOrder({ ...base, cart: [lamp('sku_a'), { ...lamp('sku_b'), currency: 'EUR' }] })).toEqual({ ok: false, problem: 'MIXED_CURRENCIES' });
  });
});

describe('the request hash of a checkout', () => {
  it('ignores the order of keys and tells different bodies apart', () => {
    const body = checkoutBody();
    const reordered = { paymentToken: body.paymentToken, shippingAddress: { ...body.shippingAddress } };
    expect(requestHash(reordered)).toBe(requestHash(body));
    expect(requestHash(checkoutBody('tok_chargeDeclined'))).not.toBe(requestHash(body));
  });
});
