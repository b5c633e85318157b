import type { Kysely } from '@bazaar/platform/db';
import { defineStep } from '@bazaar/platform/workflow';
import type { ShopTables } from '../shop.tables.ts';
import type { ShopOrder } from './shop-order.ts';

async function appendEvent(trx: Kysely<ShopTables>, sagaId: string, type: string) {
  await trx.insertInto('test_events').values({ saga_id: sagaId, type }).execute();
}

/** A local step: it writes in the orchestrator's own transaction. */
export const confirmOrder = defineStep<ShopOrder, ShopTables>({
  id: 'confirm-order',
  doc: 'Marks the order confirmed in the shop itself.',
  async run(trx, order) {
    await appendEvent(trx, order.orderId, 'order-confirmed-locally');
    return { ok: true, patch: { confirmed: true } };
  },
  compensation: {
    async run(trx, order) {
      await appendEvent(trx, order.orderId, 'order-unconfirmed');
      return { ok: true };
    },
  },
});
