import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from '@bazaar/platform/db';
import { defineSaga, defineStep } from '@bazaar/platform/workflow';
import { manualClock } from './support/manual.clock.ts';
import { createParticipant } from './support/participant.ts';
import { authorizePayment } from './support/shop/authorize-payment.step.ts';
import { capturePayment } from './support/shop/capture-payment.step.ts';
import { confirmOrder } from './support/shop/confirm-order.step.ts';
import { reserveStock } from './support/shop/reserve-stock.step.ts';
import type { ShopOrder } from './support/shop/shop-order.ts';
import type { ShopTables } from './support/shop.tables.ts';
import { commandTypes, nextOrderId, openShopDatabase, sagaOf, shopOrchestrator } from './support/workflow.harness.ts';

/** The shop checkout, but its capture is past the point of no return: a missing reply sends it again. */
const checkoutCapturingForSure = defineSaga<ShopOrder, ShopTables>({
  name: 'shop-checkout-capturing-for-sure',
  steps: [reserveStock, authorizePayment, confirmOrder, defineStep<ShopOrder>({ ...capturePayment, retryUntilDone: true })],
});

let db: Kysely<ShopTables>;
let close: () => Promise<void>;
const clock = manualClock();

beforeAll(async () => {
  ({ db, close } = await openShopDatabase());
});
afterAll(() => close());

describe('a step marked retryUntilDone that gets no reply', () => {
  it('is sent again after its deadline instead of undoing the saga, and only the new attempt’s reply counts', async () => {
    const orchestrator = shopOrchestrator(db, clock, { sagas: [checkoutCapturingForSure] });
    const participant = createParticipant(db, orchestrator);
    const orderId = nextOrderId();
    await orchestrator.start(db, checkoutCapturingForSure.name, orderId, { orderId, amount: 4_200 });
    await participant.answer(orderId, 'success');
    await participant.answer(orderId, 'success');
    const firstCapture = await participant.awaited(orderId);
    expect(firstCapture).toMatchObject({ type: 'CapturePayment', attempt: 1 });

    await orchestrator.tick(clock.advance(5_000));
    const secondCapture = await participant.awaited(orderId);
    expect(secondCapture).toMatchObject({ type: 'CapturePayment', attempt: 2 });
    expect(await sagaOf(orchestrator, orderId)).toMatchObject({ status: 'running', currentStep: 'capture-payment' });

    expect(await participant.reply(firstCapture, 'success')).toMatchObject({ applied: false });
    expect(await participant.reply(secondCapture, 'success')).toMatchObject({ applied: true });
    expect(await sagaOf(orchestrator, orderId)).toMatchObject({ status: 'completed' });
    expect(await commandTypes(db, orderId)).toEqual(['ReserveStock', 'AuthorizePayment', 'CapturePayment', 'CapturePayment']);
  });
});
