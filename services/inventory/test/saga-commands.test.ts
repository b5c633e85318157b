import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '@bazaar/platform/ids';
import { createInProcessBroker, type MessageDefinition, type Subscription } from '@bazaar/platform/messaging';
import { testLogger } from '@bazaar/platform/testing';
import { OrderConfirmedMessage } from '@bazaar/orders/contract';
import { InventoryReplies, ReleaseStockCommand, ReserveStockCommand } from '@bazaar/inventory/contract';
import { INVENTORY_COMMANDS_CONSUMER } from '@bazaar/inventory/main';
import { freshSku, startInventoryFixture, type InventoryFixture } from './support/inventory.fixture.ts';

interface Reply {
  readonly type: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly payload: { step: unknown; orderId: string; reservationId?: string; reason?: string };
}

describe("inventory's answers to the checkout saga's commands", () => {
  const broker = createInProcessBroker({ logger: testLogger('broker') });
  const replies: Reply[] = [];
  let fixture: InventoryFixture;
  let listener: Subscription;

  beforeAll(async () => {
    fixture = await startInventoryFixture({ broker });
    listener = await broker.consume({ consumer: 'test-saga-replies', bindings: InventoryReplies.map((reply) => reply.type) }, async (delivery) => {
      replies.push(JSON.parse(delivery.body) as Reply);
      return { outcome: 'ack' };
    });
  });
  afterAll(async () => {
    await listener.close();
    await fixture.close();
    await broker.close();
  });

  const step = { stepId: 'reserve-stock', phase: 'forward', attempt: 1 } as const;
  const send = async (definition: MessageDefinition, payload: unknown) => {
    const message = definition.create(payload as never, { correlationId: 'saga-test' });
    await broker.publish([{ id: message.id, type: message.type, body: JSON.stringify(message) }]);
    return message;
  };
  const repliesTo = (orderId: string) => replies.filter((reply) => reply.payload.orderId === orderId);
  const untilReplies = (orderId: string, count: number) => vi.waitFor(() => expect(repliesTo(orderId)).toHaveLength(count), { timeout: 10_000, interval: 50 });
  const reservation = async (orderId: string) =>
    (await fixture.sql.query<{ id: string; status: string }>('SELECT id, status FROM reservations WHERE order_id = $1', [orderId])).rows;

  it('reserves the stock and replies stock-reserved with the reservation, echoing the step and order', async () => {
    const sku = freshSku();
    await fixture.stock(sku, { rotterdam: 5 });
    const orderId = newId('ord');
    const command = await send(ReserveStockCommand, { step, orderId, lines: [{ sku, quantity: 2 }] });
    await untilReplies(orderId, 1);
    const [reserved] = await reservation(orderId);
    expect(repliesTo(orderId)[0]).toMatchObject({
      type: 'inventory.stock-reserved',
      correlationId: 'saga-test',
      causationId: command.id,
      payload: { step, orderId, reservationId: reserved!.id },
    });
    expect((await fixture.useCases.availability(sku)).available).toBe(3);
  });

  it('replies stock-reservation-failed naming the short SKU, and reserves nothing', async () => {
    const sku = freshSku('short');
    await fixture.stock(sku, { rotterdam: 1 });
    const orderId = newId('ord');
    await send(ReserveStockCommand, { step, orderId, lines: [{ sku, quantity: 2 }] });
    await untilReplies(orderId, 1);
    expect(repliesTo(orderId)[0]).toMatchObject({ type: 'inventory.stock-reservation-failed', payload: { step, orderId } });
    expect(repliesTo(orderId)[0]!.payload.reason).toContain(sku);
    expect((await fixture.useCases.availability(sku)).available).toBe(1);
    // The reservation's claim is undone with the rest, though the reply commits.
    expect(await reservation(orderId)).toEqual([]);
  });

  it('reserves once when the same command arrives twice, replying to each with the same reservation', async () => {
    const sku = freshSku('twice');
    await fixture.stock(sku, { rotterdam: 5 });
    const orderId = newId('ord');
    await send(ReserveStockCommand, { step, orderId, lines: [{ sku, quantity: 2 }] });
    await send(ReserveStockCommand, { step, orderId, lines: [{ sku, quantity: 2 }] });
    await untilReplies(orderId, 2);
    const ids = new Set(repliesTo(orderId).map((reply) => reply.payload.reservationId));
    expect(ids.size).toBe(1);
    expect(await reservation(orderId)).toHaveLength(1);
    expect((await fixture.useCases.availability(sku)).available).toBe(3);
  });

  it('releases the stock on release-stock, twice without harm, replying stock-released each time', async () => {
    const sku = freshSku('release');
    await fixture.stock(sku, { rotterdam: 4 });
    const orderId = newId('ord');
    await send(ReserveStockCommand, { step, orderId, lines: [{ sku, quantity: 3 }] });
    await untilReplies(orderId, 1);
    const compensate = { stepId: 'reserve-stock', phase: 'compensate', attempt: 1 } as const;
    await send(ReleaseStockCommand, { step: compensate, orderId });
    await send(ReleaseStockCommand, { step: compensate, orderId });
    await untilReplies(orderId, 3);
    expect(repliesTo(orderId).slice(1)).toMatchObject([
      { type: 'inventory.stock-released', payload: { step: compensate, orderId } },
      { type: 'inventory.stock-released', payload: { step: compensate, orderId } },
    ]);
    expect(await reservation(orderId)).toMatchObject([{ status: 'released' }]);
    expect((await fixture.useCases.availability(sku)).available).toBe(4);
  });

  it('takes the stock for good when the order is confirmed, so it never expires back', async () => {
    const sku = freshSku('confirm');
    await fixture.stock(sku, { rotterdam: 4 });
    const orderId = newId('ord');
    await send(ReserveStockCommand, { step, orderId, lines: [{ sku, quantity: 1 }] });
    await untilReplies(orderId, 1);
    await send(OrderConfirmedMessage, { orderId, userId: 'usr_1', email: 'buyer@example.com', totalMinor: 100, currency: 'EUR' });
    await vi.waitFor(async () => expect(await reservation(orderId)).toMatchObject([{ status: 'confirmed' }]), { timeout: 10_000, interval: 50 });
    fixture.advanceClock(24 * 3_600_000);
    await fixture.useCases.expireReservations(fixture.now());
    expect(await reservation(orderId)).toMatchObject([{ status: 'confirmed' }]);
    expect((await fixture.stockRows(sku))[0]).toMatchObject({ on_hand: 3, reserved: 0 });
  });

  it('dead-letters a command it cannot read, and answers nothing', async () => {
    const id = newId('msg');
    const malformed = { id, type: ReserveStockCommand.type, version: 1, occurredAt: new Date().toISOString(), correlationId: 'saga-test', payload: { orderId: 'nope' } };
    await broker.publish([{ id, type: ReserveStockCommand.type, body: JSON.stringify(malformed) }]);
    await vi.waitFor(
      async () => expect((await fixture.service.messaging.deadLetters.list({ consumer: INVENTORY_COMMANDS_CONSUMER })).items.map((letter) => letter.messageId)).toContain(id),
      { timeout: 10_000, interval: 50 },
    );
    expect(repliesTo('nope')).toEqual([]);
  });
});
