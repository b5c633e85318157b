import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from '@bazaar/platform/db';
import type { CommandSender } from '@bazaar/platform/workflow';
import { manualClock } from './support/manual.clock.ts';
import { createParticipant } from './support/participant.ts';
import { recordingSender } from './support/recording.sender.ts';
import type { ShopTables } from './support/shop.tables.ts';
import { commandTypes, nextOrderId, openShopDatabase, sagaOf, shopEvents, shopOrchestrator } from './support/workflow.harness.ts';

let db: Kysely<ShopTables>;
let connect: () => Kysely<ShopTables>;
let close: () => Promise<void>;
const clock = manualClock();

beforeAll(async () => {
  ({ db, connect, close } = await openShopDatabase());
});
afterAll(() => close());

/** A sender whose process dies right after it wrote its first AuthorizePayment: the transaction never commits. */
function dyingSender(): CommandSender<ShopTables> {
  const inner = recordingSender();
  return {
    async send(trx, command) {
      await inner.send(trx, command);
      if (command.type === 'AuthorizePayment') throw new Error('process killed');
    },
  };
}

describe('an orchestrator that crashed mid-saga', () => {
  it('is replaced by a new one over the same database, which finishes the saga', async () => {
    const crashedProcess = connect();
    const first = shopOrchestrator(crashedProcess, clock);
    const orderId = nextOrderId();
    await first.start(crashedProcess, 'shop-checkout', orderId, { orderId, amount: 4_200 });
    await createParticipant(crashedProcess, first).answer(orderId, 'success');
    await crashedProcess.destroy();

    const second = shopOrchestrator(db, clock);
    await createParticipant(db, second).answerAll(orderId);

    expect(await sagaOf(second, orderId)).toMatchObject({ status: 'completed' });
    expect(await commandTypes(db, orderId)).toEqual(['ReserveStock', 'AuthorizePayment', 'CapturePayment']);
    expect((await shopEvents(db, orderId)).map((event) => event.type)).toEqual(['order-confirmed-locally', 'OrderConfirmed']);
  });

  it('has its passed deadlines picked up by the next orchestrator tick', async () => {
    const crashedProcess = connect();
    const orderId = nextOrderId();
    await shopOrchestrator(crashedProcess, clock).start(crashedProcess, 'shop-checkout', orderId, { orderId, amount: 4_200 });
    await crashedProcess.destroy();

    const restarted = shopOrchestrator(db, clock);
    await restarted.tick(clock.advance(60_000));
    await createParticipant(db, restarted).answer(orderId, 'success');

    expect(await sagaOf(restarted, orderId)).toMatchObject({ status: 'compensated', failureReason: "Step 'reserve-stock' got no reply within 5000 ms" });
  });

  it('leaves neither the next command nor the state change when it dies inside a transition', async () => {
    const dying = shopOrchestrator(db, clock, { sender: dyingSender() });
    const orderId = nextOrderId();
    await dying.start(db, 'shop-checkout', orderId, { orderId, amount: 4_200 });
    const reservation = await createParticipant(db, dying).awaited(orderId);

    await expect(createParticipant(db, dying).reply(reservation, 'success', 'msg_1')).rejects.toThrow('process killed');
    expect(await commandTypes(db, orderId)).toEqual(['ReserveStock']);
    expect(await sagaOf(dying, orderId)).toMatchObject({ status: 'running', currentStep: 'reserve-stock', version: 1 });

    // The broker redelivers the unacknowledged reply to the restarted service.
    const restarted = shopOrchestrator(db, clock);
    expect(await createParticipant(db, restarted).reply(reservation, 'success', 'msg_1')).toEqual({ applied: true });
    expect(await commandTypes(db, orderId)).toEqual(['ReserveStock', 'AuthorizePayment']);
  });
});
