import { setTimeout as sleep } from 'node:timers/promises';
import { encodeTime } from 'ulid';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { inTransaction, sql } from '@bazaar/platform/db';
import {
  createInProcessBroker,
  createOutbox,
  createOutboxRelay,
  OUTBOX_CHANNEL,
  type Broker,
  type CommittedRelay,
  type Delivery,
  type OutboxRelay,
  type OutboxRelayOptions,
} from '@bazaar/platform/messaging';
import { testLogger } from '@bazaar/platform/testing';
import { refusingWhileDown } from './support/broker-outage.ts';
import { uniqueConsumer } from './support/broker-under-test.ts';
import { openMessagingDatabase, type TestSchema } from './support/messaging-database.ts';
import { StockReserved } from './support/test-messages.ts';

const logger = testLogger('outbox');
const eventually = { timeout: 15_000, interval: 20 };
let database: Awaited<ReturnType<typeof openMessagingDatabase>>;
let broker: ReturnType<typeof createInProcessBroker>;
const relays: OutboxRelay[] = [];

beforeAll(async () => {
  database = await openMessagingDatabase();
});
afterAll(() => database.drop());

beforeEach(async () => {
  await database.reset();
  broker = createInProcessBroker({ logger });
});
afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.stop()));
  await broker.close();
});

function relay(options: Partial<OutboxRelayOptions<TestSchema>> = {}): OutboxRelay {
  const made = createOutboxRelay<TestSchema>({ db: database.db, broker, logger, pollIntervalMs: 50, ...options });
  relays.push(made);
  return made;
}

async function received(target: Broker = broker, bindings = ['stock.reserved']): Promise<Delivery[]> {
  const seen: Delivery[] = [];
  await target.consume({ consumer: uniqueConsumer('observer'), bindings, prefetch: 1 }, async (delivery) => {
    seen.push(delivery);
    return { outcome: 'ack' };
  });
  return seen;
}

const outboxRows = () => database.db.selectFrom('outbox').selectAll().orderBy('id').execute();
const make = (sku: string) => StockReserved.create({ sku, quantity: 1 });

describe('the outbox writer', () => {
  const outbox = createOutbox();

  it('writes the message in the same transaction as the state change', async () => {
    const message = make('sku_kettle');
    await database.db.transaction().execute(async (trx) => {
      await trx.insertInto('stock').values({ sku: 'sku_kettle', reserved: 1 }).execute();
      await outbox.write(trx, message);
    });
    const [row] = await outboxRows();
    expect(row).toMatchObject({
      id: message.id,
      type: 'stock.reserved',
      version: 1,
      routing_key: 'stock.reserved',
      payload: { sku: 'sku_kettle', quantity: 1 },
      headers: { correlationId: message.correlationId },
      published_at: null,
      attempts: 0,
      last_error: null,
    });
    expect(row!.occurred_at.toISOString()).toBe(message.occurredAt);
  });

  it('leaves no message behind when the state change rolls back', async () => {
    const failed = database.db.transaction().execute(async (trx) => {
      await trx.insertInto('stock').values({ sku: 'sku_mug', reserved: 1 }).execute();
      await outbox.write(trx, make('sku_mug'));
      throw new Error('the order was refused after all');
    });
    await expect(failed).rejects.toThrow('refused');
    expect(await outboxRows()).toEqual([]);
    expect(await database.db.selectFrom('stock').selectAll().execute()).toEqual([]);
  });

  it('tells its relay after a write, so the message leaves long before the next poll', async () => {
    const seen = await received();
    const prompt = relay({ pollIntervalMs: 60_000 });
    prompt.start();
    const woken = createOutbox({ onWrite: () => prompt.wake() });
    const started = Date.now();
    await database.db.transaction().execute((trx) => woken.write(trx, make('sku_prompt')));
    await vi.waitFor(() => expect(seen).toHaveLength(1), eventually);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('notifies at its commit, so a relay of any replica listening on the database publishes it at once', async () => {
    const seen = await received();
    const elsewhere = relay({ pollIntervalMs: 60_000, wakesBeforeCommit: false });
    elsewhere.start();
    const listener = database.listen(OUTBOX_CHANNEL, () => elsewhere.wake());
    try {
      await sleep(200);
      await database.db.transaction().execute((trx) => createOutbox({ notify: true }).write(trx, make('sku_notified')));
      await vi.waitFor(() => expect(seen).toHaveLength(1), eventually);
    } finally {
      await listener.close();
    }
  });
});

describe('messages handed from their writer to the relay', () => {
  // A relay that would claim nothing for a minute: whatever leaves sooner was handed over.
  const running = () => {
    const made = relay({ pollIntervalMs: 60_000 });
    made.start();
    return made;
  };

  it('are published once their transaction commits, with no claim, and marked by the next claim', async () => {
    const seen = await received();
    const handing = running();
    const outbox = createOutbox({ relay: handing });
    const message = make('sku_direct');
    await inTransaction(database.db, async (trx) => {
      await trx.insertInto('stock').values({ sku: 'sku_direct', reserved: 1 }).execute();
      await outbox.write(trx, message);
      await sleep(100);
      // Not before the commit.
      expect(seen).toEqual([]);
    });
    await vi.waitFor(() => expect(seen.map((delivery) => delivery.id)).toEqual([message.id]), eventually);
    expect(JSON.parse(seen[0]!.body)).toEqual(message);
    // Written as claimed by the relay it went to: no relay may claim it while that one publishes.
    const [row] = await outboxRows();
    expect(row).toMatchObject({ attempts: 1, published_at: null });
    expect(row!.next_attempt_at.getTime() - Date.now()).toBeGreaterThan(10_000);
    handing.wake();
    await vi.waitFor(async () => expect((await outboxRows())[0]!.published_at).not.toBeNull(), eventually);
    expect(seen).toHaveLength(1);
  });

  it('are never published when their transaction rolls back', async () => {
    const seen = await received();
    const outbox = createOutbox({ relay: running() });
    const failed = inTransaction(database.db, async (trx) => {
      await outbox.write(trx, make('sku_refused'));
      throw new Error('refused');
    });
    await expect(failed).rejects.toThrow('refused');
    await sleep(200);
    expect(seen).toEqual([]);
    expect(await outboxRows()).toEqual([]);
  });

  it('are published at once when written outside any transaction', async () => {
    const seen = await received();
    const outbox = createOutbox({ relay: running() });
    await outbox.write(database.db, make('sku_alone'));
    await vi.waitFor(() => expect(seen).toHaveLength(1), eventually);
  });

  it('are left to the relay\'s claim when their commit cannot be seen, or the relay is not running', async () => {
    const seen = await received();
    const handedOver: string[] = [];
    // A relay that takes hand-overs, but whose loop would not claim (and so could not race the checks below).
    const taking: CommittedRelay = { takesCommitted: () => true, leaseMs: 15_000, publishCommitted: (messages) => void handedOver.push(...messages.map((m) => m.id)) };
    const stopped = relay({ pollIntervalMs: 60_000 });
    await database.db.transaction().execute((trx) => createOutbox({ relay: taking }).write(trx, make('sku_unseen')));
    await inTransaction(database.db, (trx) => createOutbox({ relay: stopped }).write(trx, make('sku_not_running')));
    // Both due at once, unclaimed, for whichever relay looks first.
    expect((await outboxRows()).map((row) => row.attempts)).toEqual([0, 0]);
    expect(handedOver).toEqual([]);
    expect(seen).toEqual([]);
    relay().start();
    await vi.waitFor(() => expect(seen).toHaveLength(2), eventually);
  });

  it('are published again by any relay once the lease runs out, should their process die before publishing', async () => {
    const seen = await received();
    // The writer's process dies between the commit and the publish.
    const dying: CommittedRelay = { takesCommitted: () => true, leaseMs: 300, publishCommitted: () => undefined };
    const message = make('sku_orphan');
    const written = Date.now();
    await inTransaction(database.db, (trx) => createOutbox({ relay: dying }).write(trx, message));
    relay().start();
    await vi.waitFor(() => expect(seen.map((delivery) => delivery.id)).toEqual([message.id]), eventually);
    expect(Date.now() - written).toBeGreaterThanOrEqual(250);
    expect((await outboxRows())[0]).toMatchObject({ attempts: 2 });
  });

  it('record a refused publish and back off, then leave with the relay\'s claim once the broker is back', async () => {
    const seen = await received();
    const { broker: refusing, outage } = refusingWhileDown(broker);
    await outage.begin();
    const handing = relay({ broker: refusing, backoff: { baseMs: 300, maxMs: 300 } });
    handing.start();
    await inTransaction(database.db, (trx) => createOutbox({ relay: handing }).write(trx, make('sku_later')));
    await vi.waitFor(async () => expect((await outboxRows())[0]).toMatchObject({ last_error: 'broker unavailable', published_at: null }), eventually);
    await outage.end();
    await vi.waitFor(() => expect(seen).toHaveLength(1), eventually);
  });

  it('go out in one publish when they are handed over in one turn of the event loop', async () => {
    const seen = await received();
    const publishes: number[] = [];
    const counting: Broker = { ...broker, publish: (messages) => (publishes.push(messages.length), broker.publish(messages)) };
    const handing = relay({ broker: counting, pollIntervalMs: 60_000 });
    handing.start();
    // Three transactions that committed in the same turn.
    handing.publishCommitted([make('sku_a')]);
    handing.publishCommitted([make('sku_b'), make('sku_c')]);
    await vi.waitFor(() => expect(seen).toHaveLength(3), eventually);
    expect(publishes).toEqual([3]);
  });

  it('are published and marked before the relay stops', async () => {
    const seen = await received();
    const handing = running();
    await inTransaction(database.db, (trx) => createOutbox({ relay: handing }).write(trx, make('sku_last')));
    await handing.stop();
    expect((await outboxRows())[0]!.published_at).not.toBeNull();
    await vi.waitFor(() => expect(seen).toHaveLength(1), eventually);
  });
});

describe('the outbox relay', () => {
  const outbox = createOutbox();

  it('publishes in id order and marks what the broker confirmed', async () => {
    const seen = await received();
    const messages = Array.from({ length: 120 }, (_, i) => make(`sku_${i}`));
    await database.db.transaction().execute((trx) => outbox.write(trx, ...messages));
    relay({ batchSize: 25 }).start();
    await vi.waitFor(() => expect(seen).toHaveLength(120), eventually);
    expect(seen.map((delivery) => delivery.id)).toEqual(messages.map((message) => message.id));
    expect(JSON.parse(seen[0]!.body)).toEqual(messages[0]);
    await vi.waitFor(async () => expect((await outboxRows()).every((row) => row.published_at !== null)).toBe(true), eventually);
  });

  it('marks a batch with the claim of the next one while more is waiting, and the last batch by itself', async () => {
    const seen = await received();
    const messages = Array.from({ length: 120 }, (_, i) => make(`sku_${i}`));
    await database.db.transaction().execute((trx) => outbox.write(trx, ...messages));
    let statements = 0;
    // Counted by their results: the relay's statements are of fixed text, compiled by no one.
    const counted = database.db.withPlugin({
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        statements += 1;
        return args.result;
      },
    });
    // No poll comes in between: every statement is one of the five batches' claims or a mark.
    relay({ db: counted, batchSize: 25, pollIntervalMs: 60_000 }).start();
    await vi.waitFor(async () => expect((await outboxRows()).every((row) => row.published_at !== null)).toBe(true), eventually);
    await vi.waitFor(() => expect(seen).toHaveLength(120), eventually);
    expect(seen.map((delivery) => delivery.id)).toEqual(messages.map((message) => message.id));
    // Five claims (four of them marking the batch before) and one mark for the last batch of 20.
    expect(statements).toBe(6);
  });

  it('shares the work between replicas without publishing a message twice', async () => {
    const seen = await received();
    const messages = Array.from({ length: 200 }, (_, i) => make(`sku_${i}`));
    await database.db.transaction().execute((trx) => outbox.write(trx, ...messages));
    relay({ batchSize: 10 }).start();
    relay({ batchSize: 10 }).start();
    await vi.waitFor(() => expect(seen).toHaveLength(200), eventually);
    await sleep(200);
    expect(new Set(seen.map((delivery) => delivery.id)).size).toBe(200);
    expect(seen).toHaveLength(200);
  });

  it('records a refused publish and backs off before trying again', async () => {
    const { broker: refusing, outage } = refusingWhileDown(broker);
    await outage.begin();
    relay({ broker: refusing, backoff: { baseMs: 60_000, maxMs: 60_000 } }).start();
    await database.db.transaction().execute((trx) => outbox.write(trx, make('sku_refused')));
    await vi.waitFor(async () => expect((await outboxRows())[0]).toMatchObject({ attempts: 1, last_error: 'broker unavailable' }), eventually);
    const [row] = await outboxRows();
    expect(row!.next_attempt_at.getTime() - Date.now()).toBeGreaterThan(20_000);
    expect(row!.published_at).toBeNull();
  });

  it('publishes again a batch whose relay died before marking it, once its lease runs out', async () => {
    const seen = await received();
    const message = make('sku_orphan');
    await database.db.transaction().execute((trx) => outbox.write(trx, message));
    // What a relay that crashed mid-publish leaves: claimed, leased a little into the future, never marked.
    await sql`UPDATE outbox SET attempts = 1, next_attempt_at = now() + interval '300 milliseconds'`.execute(database.db);
    relay().start();
    await vi.waitFor(() => expect(seen.map((delivery) => delivery.id)).toEqual([message.id]), eventually);
    expect((await outboxRows())[0]).toMatchObject({ attempts: 2 });
  });

  it('stops cleanly and publishes nothing afterwards', async () => {
    const seen = await received();
    const stopping = relay();
    stopping.start();
    await database.db.transaction().execute((trx) => outbox.write(trx, make('sku_before')));
    await vi.waitFor(() => expect(seen).toHaveLength(1), eventually);
    await stopping.stop();
    await database.db.transaction().execute((trx) => outbox.write(trx, make('sku_after')));
    await sleep(300);
    expect(seen).toHaveLength(1);
    expect((await outboxRows()).filter((row) => row.published_at === null)).toHaveLength(1);
  });

  it('deletes published messages past their retention and keeps everything else', async () => {
    const old = (ageMs: number) => `msg_${encodeTime(Date.now() - ageMs, 10).toLowerCase()}0000000000000000`;
    const insert = (id: string, published: boolean) =>
      sql`INSERT INTO outbox (id, type, version, routing_key, payload, occurred_at, published_at)
          VALUES (${id}, 'stock.reserved', 1, 'stock.reserved', '{}', now(), ${published ? new Date() : null})`.execute(database.db);
    await insert(old(3_600_000), true);
    await insert(old(3_599_000), false);
    await insert(old(1_000), true);
    // The unpublished old row would be published (and so deleted) if the broker took it; keep it refused.
    const { broker: refusing, outage } = refusingWhileDown(broker);
    await outage.begin();
    relay({ broker: refusing, retentionMs: 60_000, pruneIntervalMs: 0 }).start();
    await vi.waitFor(async () => expect(await outboxRows()).toHaveLength(2), eventually);
    const rows = await outboxRows();
    expect(rows.map((row) => row.published_at === null)).toEqual([true, false]);
  });
});
