import path from 'node:path';
import { openDatabase, type Database } from '@bazaar/platform/db';
import { testDatabase, testLogger } from '@bazaar/platform/testing';
import type { OrderPlaced } from '../../src/domain/order.events.ts';
import type { OrdersTables } from '../../src/store/orders.tables.ts';

/** Orders' migrated schema on a throwaway database; `close()` drops it. */
export async function openOrdersDatabase(): Promise<Database<OrdersTables> & { drop(): Promise<void> }> {
  const database = testDatabase('orders');
  const opened = await openDatabase<OrdersTables>({
    serverUrl: database.serverUrl,
    name: database.name,
    migrationsFolder: path.join(import.meta.dirname, '../../src/store/migrations'),
    logger: testLogger('orders'),
    poolSize: 6,
  });
  return Object.assign(opened, {
    async drop() {
      await opened.close();
      await database.drop();
    },
  });
}

/** A placed order for a given id and user. */
export function orderPlaced(orderId: string, userId = 'usr_1'): OrderPlaced {
  return {
    type: 'OrderPlaced',
    orderId,
    userId,
    lines: [{ productId: 'prd_1', sku: 'SKU-1', name: 'Lamp', quantity: 2, unitPriceMinor: 1250, currency: 'USD' }],
    totalMinor: 2500,
    currency: 'USD',
    shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
    idempotencyKey: 'key-00000001',
  };
}
