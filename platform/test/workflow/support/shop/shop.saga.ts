import { defineSaga } from '@bazaar/platform/workflow';
import type { ShopTables } from '../shop.tables.ts';
import { authorizePayment } from './authorize-payment.step.ts';
import { capturePayment } from './capture-payment.step.ts';
import { confirmOrder } from './confirm-order.step.ts';
import { reserveStock } from './reserve-stock.step.ts';
import type { ShopOrder } from './shop-order.ts';

/** The test shop's checkout: the shape of the real one, with the shop's own events appended by the end hooks. */
export const shopCheckout = defineSaga<ShopOrder, ShopTables>({
  name: 'shop-checkout',
  steps: [reserveStock, authorizePayment, confirmOrder, capturePayment],
  async onCompleted(trx, saga) {
    await trx.insertInto('test_events').values({ saga_id: saga.id, type: 'OrderConfirmed' }).execute();
  },
  async onFailed(trx, saga) {
    const detail = JSON.stringify({ reason: saga.reason, status: saga.status });
    await trx.insertInto('test_events').values({ saga_id: saga.id, type: 'OrderCancelled', detail }).execute();
  },
});
