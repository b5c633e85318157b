import { newId } from '@bazaar/platform/ids';
import { createInProcessBroker, type Broker } from '@bazaar/platform/messaging';
import { OrderPlacedMessage } from '@bazaar/orders/contract';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshUserId, startCartFixture, startCatalogPeer, type CartFixture, type CatalogPeer } from './support/cart.fixture.ts';

let catalog: CatalogPeer;
let broker: Broker;
let cart: CartFixture;

beforeAll(async () => {
  catalog = await startCatalogPeer();
  broker = createInProcessBroker();
  cart = await startCartFixture({ kind: 'memory', discovery: catalog.discovery, broker });
});
afterAll(async () => {
  await cart.close();
  await broker.close();
  await catalog.close();
});

const placed = (userId: string) =>
  OrderPlacedMessage.create({ orderId: newId('ord'), userId, lines: [], totalMinor: 0, currency: 'USD' });

const publish = (message: ReturnType<typeof placed> | string) =>
  broker.publish([
    typeof message === 'string'
      ? { id: newId('msg'), type: OrderPlacedMessage.type, body: message }
      : { id: message.id, type: message.type, body: JSON.stringify(message) },
  ]);

describe('cart on order.placed', () => {
  it('empties the buyer’s cart, and a redelivery changes nothing more', async () => {
    const userId = freshUserId();
    const token = await cart.tokenFor(userId);
    await cart.add({ token }, catalog.products[0]!.id, 2);
    const other = freshUserId();
    const otherToken = await cart.tokenFor(other);
    await cart.add({ token: otherToken }, catalog.products[1]!.id, 1);

    const message = placed(userId);
    await publish(message);
    await vi.waitFor(async () => expect((await cart.cart({ token })).items).toEqual([]), { timeout: 5_000 });
    await publish(message);
    await publish(message);

    await vi.waitFor(async () => expect((await cart.cart({ token })).items).toEqual([]));
    expect((await cart.cart({ token: otherToken })).items).toHaveLength(1);
  });

  it('keeps consuming after an unreadable event', async () => {
    await publish('{not json');
    await publish(JSON.stringify({ ...placed(freshUserId()), payload: { orderId: 'nope' } }));
    const userId = freshUserId();
    const token = await cart.tokenFor(userId);
    await cart.add({ token }, catalog.products[0]!.id, 1);
    await publish(placed(userId));
    await vi.waitFor(async () => expect((await cart.cart({ token })).items).toEqual([]), { timeout: 5_000 });
  });
});
