import { trace } from '@opentelemetry/api';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createConsumerRunner,
  createMessaging,
  MessagingErrors,
  type HandlerContext,
  type Messaging,
  type MessageOf,
} from '@bazaar/platform/messaging';
import { installTracing } from '@bazaar/platform/telemetry';
import { testLogger } from '@bazaar/platform/testing';
import { uniqueConsumer, type BrokerUnderTest } from './support/broker-under-test.ts';
import { openMessagingDatabase, reserved, type TestSchema } from './support/messaging-database.ts';
import { StockReleased, StockReserved } from './support/test-messages.ts';

const eventually = { timeout: 20_000, interval: 25 };
const logger = testLogger('messaging');
const MAX_ATTEMPTS = 3;

type Reserved = MessageOf<typeof StockReserved>;

/** The consumer's effect: reserve the units in its own transaction. */
async function reserve(message: Reserved, trx: HandlerContext<TestSchema>['trx']) {
  await trx
    .insertInto('stock')
    .values({ sku: message.payload.sku, reserved: message.payload.quantity })
    .onConflict((conflict) => conflict.column('sku').doUpdateSet((eb) => ({ reserved: eb('stock.reserved', '+', eb.ref('excluded.reserved')) })))
    .execute();
}

/**
 * Outbox, relay, inbox, retries and dead letters over a real database, the same for every broker adapter:
 * each adapter's test file runs it.
 */
export function describeMessagingContract(adapter: string, make: () => Promise<BrokerUnderTest>): void {
  describe(`messaging over ${adapter}`, () => {
    const tracing = installTracing({ processName: 'platform-messaging-test' });
    let database: Awaited<ReturnType<typeof openMessagingDatabase>>;
    let subject: BrokerUnderTest;
    let registry: Registry;
    const started: { stop(): Promise<void> }[] = [];

    function messaging(): Messaging<TestSchema> {
      const made = createMessaging<TestSchema>({
        db: database.db,
        broker: subject.broker,
        logger,
        registry,
        relay: { pollIntervalMs: 50, backoff: { baseMs: 50, maxMs: 400 }, publishTimeoutMs: 2_000 },
        consumers: { maxAttempts: MAX_ATTEMPTS, backoff: { baseMs: 20, maxMs: 200 }, prefetch: 8 },
      });
      started.push(made);
      return made;
    }

    async function consumedCount(consumer: string, outcome: string): Promise<number> {
      const metric = await registry.getSingleMetric('messages_consumed_total')!.get();
      return metric.values.find((value) => value.labels['consumer'] === consumer && value.labels['outcome'] === outcome)?.value ?? 0;
    }

    async function writeInTransaction(bus: Messaging<TestSchema>, ...messages: Reserved[]) {
      await database.db.transaction().execute((trx) => bus.outbox.write(trx, ...messages));
    }

    beforeAll(async () => {
      database = await openMessagingDatabase();
    });

    afterAll(async () => {
      await database.drop();
    });

    beforeEach(async () => {
      await database.reset();
      registry = new Registry();
      subject = await make();
      await subject.broker.check();
    });

    afterEach(async () => {
      await Promise.all(started.splice(0).map((one) => one.stop()));
      await subject.dispose();
    });

    it('relays a committed message to its consumers and marks it published', async () => {
      const bus = messaging();
      const handled: Reserved[] = [];
      bus.subscribe(uniqueConsumer('inventory'), StockReserved, async (message, { trx }) => {
        handled.push(message);
        await reserve(message, trx);
      });
      await bus.start();
      const sent = StockReserved.create({ sku: 'sku_kettle', quantity: 2 }, { correlationId: 'checkout-1' });
      await writeInTransaction(bus, sent);

      await vi.waitFor(async () => expect(await reserved(database, 'sku_kettle')).toBe(2), eventually);
      expect(handled).toEqual([sent]);
      await vi.waitFor(async () => {
        const row = await database.db.selectFrom('outbox').selectAll().where('id', '=', sent.id).executeTakeFirstOrThrow();
        expect(row.published_at).toBeInstanceOf(Date);
      }, eventually);
      expect(await bus.lag()).toEqual({ pending: 0, oldestAgeSeconds: 0 });
    });

    it('keeps a message unpublished while the broker is down, and publishes it once the broker is back', async () => {
      const bus = messaging();
      const consumer = uniqueConsumer('inventory');
      bus.subscribe(consumer, StockReserved, async (message, { trx }) => reserve(message, trx));
      await bus.start();
      await subject.outage.begin();
      const sent = StockReserved.create({ sku: 'sku_mug', quantity: 1 });
      await writeInTransaction(bus, sent);

      await vi.waitFor(async () => {
        const row = await database.db.selectFrom('outbox').selectAll().where('id', '=', sent.id).executeTakeFirstOrThrow();
        expect(row.last_error).toEqual(expect.any(String));
        expect(row.published_at).toBeNull();
      }, eventually);
      expect((await bus.lag()).pending).toBe(1);
      expect(await registry.getSingleMetricAsString('outbox_pending_messages')).toContain('outbox_pending_messages 1');

      await subject.outage.end();
      await vi.waitFor(async () => expect(await reserved(database, 'sku_mug')).toBe(1), { ...eventually, timeout: 30_000 });
      await vi.waitFor(async () => expect((await bus.lag()).pending).toBe(0), eventually);
    });

    it('gives a message delivered twice one effect', async () => {
      const bus = messaging();
      const consumer = uniqueConsumer('inventory');
      bus.subscribe(consumer, StockReserved, async (message, { trx }) => {
        await reserve(message, trx);
      });
      await bus.start();
      const sent = StockReserved.create({ sku: 'sku_teapot', quantity: 3 });
      const copy = { id: sent.id, type: sent.type, body: JSON.stringify(sent) };
      await subject.broker.publish([copy, copy]);
      await subject.broker.publish([copy]);

      await vi.waitFor(async () => expect(await consumedCount(consumer, 'duplicate')).toBe(2), eventually);
      // A duplicate's handler may run; the inbox refuses its commit, so what it wrote never lands.
      expect(await reserved(database, 'sku_teapot')).toBe(3);
      expect(await database.db.selectFrom('inbox').selectAll().where('consumer', '=', consumer).execute()).toHaveLength(1);
    });

    it('acknowledges a duplicate whose handler fails against the state the first delivery left', async () => {
      const bus = messaging();
      const consumer = uniqueConsumer('inventory');
      bus.subscribe(consumer, StockReserved, async (message, { trx }) => {
        // Refuses a second reservation of the same SKU, as a handler checking state would.
        if ((await reserved(database, message.payload.sku)) > 0) throw new Error('already reserved');
        await reserve(message, trx);
      });
      await bus.start();
      const sent = StockReserved.create({ sku: 'sku_kettle', quantity: 2 });
      const copy = { id: sent.id, type: sent.type, body: JSON.stringify(sent) };
      await subject.broker.publish([copy]);
      await vi.waitFor(async () => expect(await reserved(database, 'sku_kettle')).toBe(2), eventually);
      await subject.broker.publish([copy]);

      await vi.waitFor(async () => expect(await consumedCount(consumer, 'duplicate')).toBe(1), eventually);
      expect(await consumedCount(consumer, 'retried')).toBe(0);
      expect(await reserved(database, 'sku_kettle')).toBe(2);
    });

    it('retries a failing handler until it succeeds, without losing the message or doubling its effect', async () => {
      const bus = messaging();
      const attempts: number[] = [];
      bus.subscribe(uniqueConsumer('inventory'), StockReserved, async (message, { trx, attempt }) => {
        attempts.push(attempt);
        await reserve(message, trx);
        // Fails after writing: the transaction must take the write back.
        if (attempt < MAX_ATTEMPTS) throw new Error('database hiccup');
      });
      await bus.start();
      await writeInTransaction(bus, StockReserved.create({ sku: 'sku_pan', quantity: 4 }));

      await vi.waitFor(() => expect(attempts).toEqual([1, 2, 3]), eventually);
      await vi.waitFor(async () => expect(await reserved(database, 'sku_pan')).toBe(4), eventually);
      expect((await bus.deadLetters.list()).items).toEqual([]);
    });

    it('runs a prepared handler’s outside work before its transaction, retrying it when it throws, and records its result once', async () => {
      const bus = messaging();
      const prepared: number[] = [];
      bus.subscribe(uniqueConsumer('payments'), StockReserved, {
        async prepare(message, { attempt }) {
          prepared.push(attempt);
          if (attempt === 1) throw new Error('provider hiccup');
          return message.payload.quantity * 2;
        },
        async handle(message, doubled, { trx }) {
          await reserve({ ...message, payload: { ...message.payload, quantity: doubled } }, trx);
        },
      });
      await bus.start();
      await writeInTransaction(bus, StockReserved.create({ sku: 'sku_prepared', quantity: 4 }));
      await vi.waitFor(async () => expect(await reserved(database, 'sku_prepared')).toBe(8), eventually);
      expect(prepared).toEqual([1, 2]);
    });

    it('holds no connection while a prepared handler works, so work that commits on its own cannot starve a small pool', async () => {
      // One connection in all: were the consumer's transaction open during `prepare`, the write there would wait forever.
      const narrow = await openMessagingDatabase({ poolSize: 1 });
      const bus = createMessaging<TestSchema>({ db: narrow.db, broker: subject.broker, logger, consumers: { backoff: { baseMs: 20, maxMs: 200 } } });
      started.push(bus);
      try {
        bus.subscribe(uniqueConsumer('payments'), StockReserved, {
          async prepare(message) {
            await narrow.db.insertInto('stock').values({ sku: `${message.payload.sku}-own`, reserved: 1 }).execute();
            return message.payload.quantity;
          },
          async handle(message, quantity, { trx }) {
            await reserve({ ...message, payload: { ...message.payload, quantity } }, trx);
          },
        });
        await bus.start();
        await narrow.db.transaction().execute((trx) => bus.outbox.write(trx, StockReserved.create({ sku: 'sku_narrow', quantity: 3 })));
        await vi.waitFor(async () => expect(await reserved(narrow, 'sku_narrow')).toBe(3), eventually);
        expect(await reserved(narrow, 'sku_narrow-own')).toBe(1);
      } finally {
        await bus.stop();
        await narrow.drop();
      }
    });

    it('dead-letters a message that fails every attempt, and a re-drive after the fix processes it once', async () => {
      const bus = messaging();
      const consumer = uniqueConsumer('inventory');
      let broken = true;
      let calls = 0;
      bus.subscribe(consumer, StockReserved, async (message, { trx }) => {
        calls += 1;
        if (broken) throw new Error('warehouse table missing');
        await reserve(message, trx);
      });
      await bus.start();
      const sent = StockReserved.create({ sku: 'sku_pot', quantity: 5 });
      const pendingBefore = await bus.deadLetters.pendingCount();
      await writeInTransaction(bus, sent);

      await vi.waitFor(async () => expect((await bus.deadLetters.list({ consumer })).items).toHaveLength(1), eventually);
      expect(await bus.deadLetters.pendingCount()).toBe(pendingBefore + 1);
      const [letter] = (await bus.deadLetters.list({ consumer })).items;
      expect(letter).toMatchObject({ consumer, messageId: sent.id, type: 'stock.reserved', attempts: MAX_ATTEMPTS, redrivenAt: null, raw: null });
      expect(letter!.error).toContain('warehouse table missing');
      expect(letter!.message).toEqual(sent);
      expect(calls).toBe(MAX_ATTEMPTS);
      await vi.waitFor(async () => expect(await subject.deadLettered(consumer)).toBe(1), eventually);

      broken = false;
      const redriven = await bus.deadLetters.redrive(letter!.id);
      expect(redriven.ok).toBe(true);
      await vi.waitFor(async () => expect(await reserved(database, 'sku_pot')).toBe(5), eventually);
      expect(calls).toBe(MAX_ATTEMPTS + 1);
      expect((await bus.deadLetters.list({ consumer })).items).toEqual([]);
      expect((await bus.deadLetters.list({ consumer, state: 'redriven' })).items).toMatchObject([{ id: letter!.id }]);
      expect(await bus.deadLetters.pendingCount()).toBe(pendingBefore);

      const again = await bus.deadLetters.redrive(letter!.id);
      expect(again).toMatchObject({ ok: false, error: { code: MessagingErrors.ALREADY_REDRIVEN.code } });
      const missing = await bus.deadLetters.redrive('dlt_01jd3x0000000000000000000');
      expect(missing).toMatchObject({ ok: false, error: { code: MessagingErrors.DEAD_LETTER_NOT_FOUND.code } });
    });

    it('dead-letters unreadable messages without running the handler, and goes on with later messages', async () => {
      const bus = messaging();
      const consumer = uniqueConsumer('inventory');
      const handled: Reserved[] = [];
      bus.subscribe(consumer, StockReserved, async (message, { trx }) => {
        handled.push(message);
        await reserve(message, trx);
      });
      await bus.start();
      const valid = StockReserved.create({ sku: 'sku_good', quantity: 1 });
      const badPayload = { ...StockReserved.create({ sku: 'sku_bad', quantity: 1 }), payload: { sku: 'sku_bad', quantity: 'many' } };
      const unknownVersion = { ...StockReserved.create({ sku: 'sku_future', quantity: 1 }), version: 9 };
      await subject.broker.publish([
        { id: 'msg_not_json', type: 'stock.reserved', body: 'quantity=many&sku=\u0000' },
        { id: badPayload.id, type: 'stock.reserved', body: JSON.stringify(badPayload) },
        { id: unknownVersion.id, type: 'stock.reserved', body: JSON.stringify(unknownVersion) },
        { id: 'msg_not_envelope', type: 'stock.reserved', body: '[1,2,3]' },
      ]);
      await writeInTransaction(bus, valid);

      await vi.waitFor(async () => expect(await reserved(database, 'sku_good')).toBe(1), eventually);
      await vi.waitFor(async () => expect((await bus.deadLetters.list({ consumer })).items).toHaveLength(4), eventually);
      expect(handled.map((message) => message.id)).toEqual([valid.id]);
      const letters = (await bus.deadLetters.list({ consumer })).items;
      const byMessage = new Map(letters.map((letter) => [letter.messageId, letter]));
      expect(byMessage.get('msg_not_json')).toMatchObject({ message: null, raw: 'quantity=many&sku=\uFFFD', attempts: 1 });
      expect(byMessage.get('msg_not_json')!.error).toMatch(/not JSON/);
      expect(byMessage.get(badPayload.id)!.error).toMatch(/payload\/quantity/);
      expect(byMessage.get(unknownVersion.id)!.error).toMatch(/version 9/);
      expect(byMessage.get('msg_not_envelope')!.message).toEqual([1, 2, 3]);
      expect(await reserved(database, 'sku_bad')).toBe(0);
      await vi.waitFor(async () => expect(await subject.deadLettered(consumer)).toBe(4), eventually);
    });

    it('continues the producer’s trace in the consumer’s span', async () => {
      const bus = messaging();
      let consumerTraceId: string | undefined;
      const consumer = uniqueConsumer('notifications');
      bus.subscribe(consumer, [StockReserved, StockReleased], async () => {
        consumerTraceId = trace.getActiveSpan()?.spanContext().traceId;
      });
      await bus.start();
      const producerTraceId = await trace.getTracer('test').startActiveSpan('POST /api/checkout', async (span) => {
        await writeInTransaction(bus, StockReserved.create({ sku: 'sku_traced', quantity: 1 }));
        span.end();
        return span.spanContext().traceId;
      });

      await vi.waitFor(() => expect(consumerTraceId).toBeDefined(), eventually);
      expect(consumerTraceId).toBe(producerTraceId);
      await tracing.flush();
      const span = tracing.memory.finished().find((one) => one.name === 'stock.reserved process' && one.attributes['messaging.consumer.group.name'] === consumer);
      expect(span?.linkedTraceIds).toEqual([producerTraceId]);
    });

    it('holds messages for a consumer that is down and hands them over when it is back', async () => {
      const producer = messaging();
      await producer.start();
      const consumer = uniqueConsumer('notifications');
      const handled: string[] = [];
      const runner = createConsumerRunner<TestSchema>({ db: database.db, broker: subject.broker, logger });
      started.push(runner);
      runner.subscribe(consumer, StockReleased, async (message) => void handled.push(message.id));
      await runner.start();
      await runner.stop();

      const sent = StockReleased.create({ sku: 'sku_lamp', quantity: 1 });
      await database.db.transaction().execute((trx) => producer.outbox.write(trx, sent));
      await vi.waitFor(async () => expect((await producer.lag()).pending).toBe(0), eventually);
      expect(handled).toEqual([]);

      await runner.start();
      await vi.waitFor(() => expect(handled).toEqual([sent.id]), eventually);
    });

    it('exposes outbox lag and consumer outcomes as metrics', async () => {
      const bus = messaging();
      const consumer = uniqueConsumer('inventory');
      bus.subscribe(consumer, StockReserved, async (message, { trx }) => reserve(message, trx));
      await bus.start();
      await writeInTransaction(bus, StockReserved.create({ sku: 'sku_fork', quantity: 1 }));
      await vi.waitFor(async () => expect(await consumedCount(consumer, 'processed')).toBe(1), eventually);
      const text = await registry.metrics();
      expect(text).toContain('outbox_lag_seconds 0');
      expect(text).toMatch(/outbox_published_total [1-9]/);
      expect(text).toContain('message_handler_duration_seconds_count');
    });
  });
}
