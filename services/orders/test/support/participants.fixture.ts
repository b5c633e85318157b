import { setTimeout as sleep } from 'node:timers/promises';
import { databaseUrl } from '@bazaar/platform/db';
import { staticDiscovery, type Service } from '@bazaar/platform/http';
import type { Broker } from '@bazaar/platform/messaging';
import { testDatabase, testLogger, type TestIssuer } from '@bazaar/platform/testing';
import { startInventory, type InventoryService } from '@bazaar/inventory/main';
// Composition, not coupling: the saga tests run the real inventory and payments services with their command
// consumers on the shared broker (and payments the real provider stand-in over HTTP), as a placement would;
// orders' own code reaches them only through messages.
import { startPaymentProvider } from '@bazaar/payment-provider/main';
import { startPayments, type PaymentsService } from '@bazaar/payments/main';
import pg from 'pg';

/** Inventory and payments on throwaway databases, answering the checkout saga's commands over the given broker. */
export interface ParticipantsFixture {
  readonly inventory: InventoryService;
  readonly payments: PaymentsService;
  /** Sets the SKU's stock on hand in the first warehouse. */
  stock(sku: string, onHand: number): Promise<void>;
  available(sku: string): Promise<number>;
  /** The order's reservation status at inventory, if it has one. */
  reservationStatus(orderId: string): Promise<string | undefined>;
  /** The order's payment status at payments, if it has one. */
  paymentStatus(orderId: string): Promise<string | undefined>;
  /** Publishes every reply twice from now on (true) or once (false): a redelivery after a lost acknowledgement. */
  duplicateReplies(on: boolean): void;
  /** Holds payments' commands back until the returned release is called (a participant that is slow to reply). */
  holdPayments(): () => void;
  /** Captures the provider made, over all orders. */
  captures(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The shared broker as one participant sees it: what it publishes goes out `copies()` times (same message id,
 * as a redelivery would), and each delivery to it waits for `gate()` first.
 */
function participantBroker(broker: Broker, copies: () => number, gate: () => Promise<void>): Broker {
  return {
    kind: broker.kind,
    publish: (messages) => broker.publish(Array.from({ length: copies() }, () => messages).flat()),
    consume: (options, handler) =>
      broker.consume(options, async (delivery) => {
        await gate();
        return handler(delivery);
      }),
    check: () => broker.check(),
    // The broker belongs to the test; the services never close an override anyway.
    close: async () => {},
  };
}

export async function startParticipants(broker: Broker, issuer: TestIssuer): Promise<ParticipantsFixture> {
  const inventoryDb = testDatabase('inventory');
  const paymentsDb = testDatabase('payments');
  const discovery = staticDiscovery({});
  let paymentsGate: Promise<void> = Promise.resolve();
  let copies = 1;
  const inventory = await startInventory(
    { databaseServerUrl: inventoryDb.serverUrl, databaseName: inventoryDb.name, logger: testLogger('inventory'), discovery, env: {} },
    { verifier: issuer.verifier, broker: participantBroker(broker, () => copies, () => Promise.resolve()) },
  );
  const provider: Service = await startPaymentProvider({ databaseServerUrl: paymentsDb.serverUrl, logger: testLogger('payment-provider'), discovery, env: {} }, { verifier: issuer.verifier });
  discovery.set('payment-provider', [await provider.listen(0)]);
  const payments = await startPayments(
    { databaseServerUrl: paymentsDb.serverUrl, databaseName: paymentsDb.name, logger: testLogger('payments'), discovery, env: { PAYMENTS_PROVIDER_TIMEOUT_MS: '2000' } },
    { verifier: issuer.verifier, broker: participantBroker(broker, () => copies, () => paymentsGate) },
  );
  const paymentsSql = new pg.Pool({ connectionString: paymentsDb.url, max: 2 });
  const inventorySql = new pg.Pool({ connectionString: inventoryDb.url, max: 2 });
  const adminToken = await issuer.token({ roles: ['customer', 'admin'] });

  return {
    inventory,
    payments,
    async stock(sku, onHand) {
      await inventory.seedIfEmpty([sku]);
      const [warehouse] = await inventory.useCases.warehouses();
      const set = await inventory.useCases.setStock({ sku, warehouseId: warehouse!.id, onHand });
      if (!set.ok) throw set.error;
      for (const other of (await inventory.useCases.warehouses()).slice(1)) {
        const cleared = await inventory.useCases.setStock({ sku, warehouseId: other.id, onHand: 0 });
        if (!cleared.ok) throw cleared.error;
      }
    },
    duplicateReplies(on) {
      copies = on ? 2 : 1;
    },
    holdPayments() {
      let release = () => {};
      paymentsGate = new Promise((resolve) => (release = resolve));
      return () => {
        paymentsGate = Promise.resolve();
        release();
      };
    },
    available: async (sku) => (await inventory.useCases.availability(sku)).available,
    async reservationStatus(orderId) {
      const { rows } = await inventorySql.query<{ status: string }>('SELECT status FROM reservations WHERE order_id = $1', [orderId]);
      return rows[0]?.status;
    },
    async paymentStatus(orderId) {
      const { rows } = await paymentsSql.query<{ status: string }>('SELECT status FROM payments WHERE order_id = $1', [orderId]);
      return rows[0]?.status;
    },
    async captures() {
      const response = await provider.app.inject({ method: 'GET', url: '/api/admin/payment-provider/counters', headers: { authorization: `Bearer ${adminToken}` } });
      return response.json<{ captures: number }>().captures;
    },
    async close() {
      await paymentsSql.end();
      await inventorySql.end();
      await payments.close();
      await provider.close();
      await inventory.close();
      await untilDisconnected(inventoryDb.serverUrl, inventoryDb.name);
      await untilDisconnected(paymentsDb.serverUrl, paymentsDb.name);
      await paymentsDb.drop();
      await inventoryDb.drop();
    },
  };
}

/** Waits for every connection to the database to be gone, so dropping it does not break a closing connection. */
async function untilDisconnected(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    for (let waited = 0; waited < 5_000; waited += 20) {
      const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM pg_stat_activity WHERE datname = $1', [name]);
      if (rows[0]!.count === '0') return;
      await sleep(20);
    }
  } finally {
    await client.end();
  }
}
