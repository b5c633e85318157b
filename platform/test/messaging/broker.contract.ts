import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newId } from '@bazaar/platform/ids';
import type { Broker, Delivery, Disposition, OutgoingMessage, Subscription } from '@bazaar/platform/messaging';
import { uniqueConsumer, type BrokerUnderTest } from './support/broker-under-test.ts';

const ack: Disposition = { outcome: 'ack' };
const eventually = { timeout: 15_000, interval: 20 };

function message(type: string, body = `{"n":"${type}"}`): OutgoingMessage {
  return { id: newId('msg'), type, body };
}

/** A handler that records what it was given and answers with `decide`. */
function recorder(decide: (delivery: Delivery) => Disposition | Promise<Disposition> = () => ack) {
  const seen: Delivery[] = [];
  return {
    seen,
    types: () => seen.map((delivery) => delivery.type),
    handler: async (delivery: Delivery) => {
      seen.push(delivery);
      return decide(delivery);
    },
  };
}

/**
 * The delivery semantics every Broker adapter shares; each adapter's test file runs it, so the embedded and
 * the cluster placements cannot drift apart.
 */
export function describeBrokerContract(adapter: string, make: () => Promise<BrokerUnderTest>): void {
  describe(`${adapter} honours the broker contract`, () => {
    let subject: BrokerUnderTest;
    let broker: Broker;
    const subscriptions: Subscription[] = [];

    const consume = async (consumer: string, bindings: string[], handler: (delivery: Delivery) => Promise<Disposition>) => {
      const subscription = await broker.consume({ consumer, bindings, prefetch: 8 }, handler);
      subscriptions.push(subscription);
      return subscription;
    };

    beforeEach(async () => {
      subject = await make();
      broker = subject.broker;
      await broker.check();
    });

    afterEach(async () => {
      await Promise.all(subscriptions.splice(0).map((subscription) => subscription.close()));
      await subject.dispose();
    });

    it('routes each message by type to every consumer bound to it, wildcards included', async () => {
      const exact = recorder();
      const oneWord = recorder();
      const anyWords = recorder();
      await consume(uniqueConsumer('exact'), ['stock.reserved', 'order.placed'], exact.handler);
      await consume(uniqueConsumer('one-word'), ['stock.*', 'order.placed'], oneWord.handler);
      await consume(uniqueConsumer('any-words'), ['order.#'], anyWords.handler);

      await broker.publish([message('stock.reserved'), message('stock.level-changed'), message('stock.reserved.late')]);
      // Published last: once a consumer has it, anything routed to it before has arrived too.
      await broker.publish([message('order.placed')]);

      await vi.waitFor(() => {
        expect(exact.types()).toEqual(['stock.reserved', 'order.placed']);
        expect(oneWord.types()).toEqual(['stock.reserved', 'stock.level-changed', 'order.placed']);
        expect(anyWords.types()).toEqual(['order.placed']);
      }, eventually);
    });

    it('delivers the body exactly as published, with the message id and a first attempt', async () => {
      const consumer = recorder();
      await consume(uniqueConsumer('body'), ['order.placed'], consumer.handler);
      const sent = message('order.placed', '{"text":"grüße ✓","n":1}');
      await broker.publish([sent]);
      await vi.waitFor(() => expect(consumer.seen).toHaveLength(1), eventually);
      expect(consumer.seen[0]).toEqual({ id: sent.id, type: 'order.placed', body: sent.body, attempt: 1 });
    });

    it('delivers after the publishing call, never inside it', async () => {
      let publishCalled = false;
      const consumer = recorder(() => {
        expect(publishCalled).toBe(true);
        return ack;
      });
      await consume(uniqueConsumer('async'), ['order.placed'], consumer.handler);
      const publishing = broker.publish([message('order.placed')]);
      publishCalled = true;
      await publishing;
      await vi.waitFor(() => expect(consumer.seen).toHaveLength(1), eventually);
    });

    it('shares one consumer queue among the subscriptions of that consumer, each message once', async () => {
      const name = uniqueConsumer('replicated');
      const first = recorder(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return ack;
      });
      const second = recorder(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return ack;
      });
      await consume(name, ['order.placed'], first.handler);
      await consume(name, ['order.placed'], second.handler);
      const sent = Array.from({ length: 30 }, () => message('order.placed'));
      await broker.publish(sent);

      await vi.waitFor(() => expect(first.seen.length + second.seen.length).toBe(30), eventually);
      const ids = [...first.seen, ...second.seen].map((delivery) => delivery.id);
      expect(new Set(ids)).toEqual(new Set(sent.map((one) => one.id)));
      expect(first.seen.length).toBeGreaterThan(0);
      expect(second.seen.length).toBeGreaterThan(0);
    });

    it('brings a message back to the consumer that asked for a retry, and only to it, with the next attempt', async () => {
      const retrying = recorder((delivery) => (delivery.attempt < 3 ? { outcome: 'retry', delayMs: 30 } : ack));
      const bystander = recorder();
      await consume(uniqueConsumer('retrying'), ['stock.reserved'], retrying.handler);
      await consume(uniqueConsumer('bystander'), ['stock.reserved', 'order.placed'], bystander.handler);
      const sent = message('stock.reserved');
      await broker.publish([sent]);

      await vi.waitFor(() => expect(retrying.seen.map((delivery) => delivery.attempt)).toEqual([1, 2, 3]), eventually);
      expect(new Set(retrying.seen.map((delivery) => delivery.body))).toEqual(new Set([sent.body]));
      expect(new Set(retrying.seen.map((delivery) => delivery.id))).toEqual(new Set([sent.id]));
      await broker.publish([message('order.placed')]);
      await vi.waitFor(() => expect(bystander.types()).toEqual(['stock.reserved', 'order.placed']), eventually);
    });

    it('brings back a message whose handler crashed', async () => {
      const crashing = recorder((delivery) => {
        if (delivery.attempt === 1) throw new Error('handler bug');
        return ack;
      });
      await consume(uniqueConsumer('crashing'), ['order.placed'], crashing.handler);
      await broker.publish([message('order.placed')]);
      await vi.waitFor(() => expect(crashing.seen.map((delivery) => delivery.attempt)).toEqual([1, 2]), eventually);
    });

    it('parks a dead-lettered message in that consumer’s dead-letter queue and never delivers it again', async () => {
      const name = uniqueConsumer('rejecting');
      const rejecting = recorder((delivery) =>
        delivery.type === 'stock.reserved' ? { outcome: 'dead-letter', reason: 'poison' } : ack,
      );
      await consume(name, ['stock.reserved', 'order.placed'], rejecting.handler);
      await broker.publish([message('stock.reserved')]);
      await broker.publish([message('order.placed')]);

      await vi.waitFor(() => expect(rejecting.types()).toEqual(['stock.reserved', 'order.placed']), eventually);
      await vi.waitFor(async () => expect(await subject.deadLettered(name)).toBe(1), eventually);
    });

    it('sends a message to one consumer only when it names that consumer', async () => {
      const target = recorder();
      const other = recorder();
      const targetName = uniqueConsumer('target');
      await consume(targetName, ['stock.reserved', 'order.placed'], target.handler);
      await consume(uniqueConsumer('other'), ['stock.reserved', 'order.placed'], other.handler);

      await broker.publish([{ ...message('stock.reserved'), consumer: targetName }]);
      await broker.publish([message('order.placed')]);

      await vi.waitFor(() => expect(target.types()).toEqual(['stock.reserved', 'order.placed']), eventually);
      await vi.waitFor(() => expect(other.types()).toEqual(['order.placed']), eventually);
    });

    it('refuses to send to a consumer that has no queue, rather than dropping the message', async () => {
      await expect(broker.publish([{ ...message('stock.reserved'), consumer: uniqueConsumer('missing') }])).rejects.toThrow();
      await broker.check();
    });

    it('keeps the messages of a consumer that is away and delivers them when it is back', async () => {
      const name = uniqueConsumer('away');
      const before = await consume(name, ['order.placed'], recorder().handler);
      await before.close();

      const sent = [message('order.placed'), message('order.placed'), message('order.placed')];
      await broker.publish(sent);
      const back = recorder();
      await consume(name, ['order.placed'], back.handler);
      await vi.waitFor(() => expect(back.seen.map((delivery) => delivery.id)).toEqual(sent.map((one) => one.id)), eventually);
    });
  });
}
