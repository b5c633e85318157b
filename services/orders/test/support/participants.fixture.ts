import { setTimeout as sleep } from 'node:timers/promises';
import { databaseUrl } from '@bazaar/platform/db';
import type { AppError, Result } from '@bazaar/platform/errors';
import { staticDiscovery, type Service } from '@bazaar/platform/http';
import type { Broker, MessageDefinition, Subscription } from '@bazaar/platform/messaging';
import { testDatabase, testLogger, type TestIssuer } from '@bazaar/platform/testing';
import { startInventory, type InventoryService } from '@bazaar/inventory/main';
import {
  OrderConfirmedMessage,
  AuthorizePaymentCommand,
  CapturePaymentCommand,
  PaymentFailedReply,
  PaymentSucceededReply,
  ReleaseStockCommand,
  ReserveStockCommand,
  StockReleasedReply,
  StockReservationFailedReply,
  StockReservedReply,
  VoidPaymentCommand,
  type SagaStepRef,
} from '@bazaar/orders/contract';
// Composition, not coupling: the saga tests drive the real inventory and payments use cases (and payments the
// real provider stand-in over HTTP), as a placement would; orders' own code reaches them only through messages.
import { startPaymentProvider } from '@bazaar/payment-provider/main';
import { startPayments, type PaymentsService } from '@bazaar/payments/main';
import pg from 'pg';

/**
 * Inventory and payments on throwaway databases, with small consumers that answer the checkout saga's commands
 * by calling their use cases and publishing the reply, as the real participant consumers will.
 */
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
  /** Holds payments' answers back until the returned release is called (a participant that is slow to reply). */
  holdPayments(): () => void;
  /** Captures the provider made, over all orders. */
  captures(): Promise<number>;
  close(): Promise<void>;
}

/** A reply to publish: its definition and the payload besides the echoed step and order id. */
interface Answer {
  readonly definition: MessageDefinition;
  readonly payload: Record<string, unknown>;
}
const answerWith = (definition: unknown, payload: Record<string, unknown>): Answer => ({ definition: definition as MessageDefinition, payload });

const reasonOf = (error: AppError) => `${error.code}: ${error.message}`.slice(0, 500);

export async function startParticipants(broker: Broker, issuer: TestIssuer): Promise<ParticipantsFixture> {
  const inventoryDb = testDatabase('inventory');
  const paymentsDb = testDatabase('payments');
  const discovery = staticDiscovery({});
  const inventory = await startInventory({ databaseServerUrl: inventoryDb.serverUrl, databaseName: inventoryDb.name, logger: testLogger('inventory'), discovery, env: {} }, { verifier: issuer.verifier });
  const provider: Service = await startPaymentProvider({ databaseServerUrl: paymentsDb.serverUrl, logger: testLogger('payment-provider'), discovery, env: {} }, { verifier: issuer.verifier });
  discovery.set('payment-provider', [await provider.listen(0)]);
  const payments = await startPayments(
    { databaseServerUrl: paymentsDb.serverUrl, databaseName: paymentsDb.name, logger: testLogger('payments'), discovery, env: { PAYMENTS_PROVIDER_TIMEOUT_MS: '2000' } },
    { verifier: issuer.verifier },
  );
  const paymentsSql = new pg.Pool({ connectionString: paymentsDb.url, max: 2 });
  const inventorySql = new pg.Pool({ connectionString: inventoryDb.url, max: 2 });
  const adminToken = await issuer.token({ roles: ['customer', 'admin'] });
  let paymentsGate: Promise<void> = Promise.resolve();
  let copies = 1;

  async function reply(definition: MessageDefinition, payload: unknown, correlationId: string) {
    const message = definition.create(payload as never, { correlationId });
    const outgoing = { id: message.id, type: message.type, body: JSON.stringify(message) };
    await broker.publish(Array.from({ length: copies }, () => outgoing));
  }

  const answer = (
    consumer: string,
    commands: readonly unknown[],
    act: (type: string, payload: { step: SagaStepRef; orderId: string } & Record<string, unknown>) => Promise<Answer>,
  ) => {
    const definitions = commands as readonly MessageDefinition[];
    return broker.consume({ consumer, bindings: definitions.map((definition) => definition.type) }, async (delivery) => {
      const raw = JSON.parse(delivery.body) as { type: string; correlationId: string };
      const definition = definitions.find((candidate) => candidate.type === raw.type)!;
      const message = definition.parse(raw) as unknown as { type: string; payload: { step: SagaStepRef; orderId: string } & Record<string, unknown> };
      const { definition: replyDefinition, payload } = await act(message.type, message.payload);
      await reply(replyDefinition, { step: message.payload.step, orderId: message.payload.orderId, ...payload }, raw.correlationId);
      return { outcome: 'ack' };
    });
  };

  const paymentReply = (result: Result<{ id: string }, AppError>, operation: 'authorized' | 'captured' | 'voided'): Answer =>
    result.ok
      ? answerWith(PaymentSucceededReply, { paymentId: result.value.id, operation })
      : answerWith(PaymentFailedReply, { reason: reasonOf(result.error) });

  const subscriptions: Subscription[] = [
    // A confirmed order takes its held stock for good, before the reservation would expire.
    await broker.consume({ consumer: 'test-inventory-orders', bindings: [OrderConfirmedMessage.type] }, async (delivery) => {
      const confirmed = await inventory.useCases.confirmReservation(OrderConfirmedMessage.parse(JSON.parse(delivery.body)).payload.orderId);
      if (!confirmed.ok) throw confirmed.error;
      return { outcome: 'ack' };
    }),
    await answer('test-inventory', [ReserveStockCommand, ReleaseStockCommand], async (type, payload) => {
      if (type === ReleaseStockCommand.type) {
        const released = await inventory.useCases.releaseReservation(payload.orderId);
        if (!released.ok) throw released.error;
        return answerWith(StockReleasedReply, {});
      }
      const reserved = await inventory.useCases.reserveStock({ orderId: payload.orderId, lines: payload['lines'] as { sku: string; quantity: number }[] });
      return reserved.ok
        ? answerWith(StockReservedReply, { reservationId: reserved.value.reservation.id })
        : answerWith(StockReservationFailedReply, { reason: reasonOf(reserved.error) });
    }),
    await answer('test-payments', [AuthorizePaymentCommand, CapturePaymentCommand, VoidPaymentCommand], async (type, payload) => {
      await paymentsGate;
      if (type === AuthorizePaymentCommand.type) {
        const { step: _step, ...input } = payload;
        return paymentReply(await payments.useCases.authorizePayment(input as never), 'authorized');
      }
      if (type === CapturePaymentCommand.type) return paymentReply(await payments.useCases.capturePayment(payload.orderId), 'captured');
      return paymentReply(await payments.useCases.voidPayment(payload.orderId), 'voided');
    }),
  ];

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
      for (const subscription of subscriptions) await subscription.close();
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
