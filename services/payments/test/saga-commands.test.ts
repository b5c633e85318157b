import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '@bazaar/platform/ids';
import { createInProcessBroker, type MessageDefinition, type Subscription } from '@bazaar/platform/messaging';
import { testLogger } from '@bazaar/platform/testing';
import { TestCards } from '@bazaar/payment-provider/contract';
import { AuthorizePaymentCommand, CapturePaymentCommand, PaymentsErrors, PaymentsReplies, VoidPaymentCommand } from '@bazaar/payments/contract';
import { PAYMENTS_COMMANDS_CONSUMER } from '@bazaar/payments/main';
import { NO_FAULTS, startPaymentsFixture, type PaymentsFixture } from './support/payments.fixture.ts';

interface Reply {
  readonly type: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly payload: { step: unknown; orderId: string; paymentId?: string; operation?: string; reason?: string };
}

const RETRY_BUDGET_MS = 3_000;

describe("payments' answers to the checkout saga's commands", () => {
  const broker = createInProcessBroker({ logger: testLogger('broker') });
  const replies: Reply[] = [];
  let fixture: PaymentsFixture;
  let listener: Subscription;

  beforeAll(async () => {
    // A short retry budget, so that an outage outlasting it is seen within the test.
    fixture = await startPaymentsFixture({ PAYMENTS_AUTHORIZE_RETRY_BUDGET_MS: String(RETRY_BUDGET_MS) }, { broker });
    listener = await broker.consume({ consumer: 'test-saga-replies', bindings: PaymentsReplies.map((reply) => reply.type) }, async (delivery) => {
      replies.push(JSON.parse(delivery.body) as Reply);
      return { outcome: 'ack' };
    });
  });
  afterEach(() => fixture.setFaults(NO_FAULTS));
  afterAll(async () => {
    await listener.close();
    await fixture.close();
    await broker.close();
  });

  const authorizeStep = { stepId: 'authorize-payment', phase: 'forward', attempt: 1 } as const;
  const voidStep = { stepId: 'authorize-payment', phase: 'compensate', attempt: 1 } as const;
  const captureStep = { stepId: 'capture-payment', phase: 'forward', attempt: 1 } as const;
  const send = async (definition: MessageDefinition, payload: unknown) => {
    const message = definition.create(payload as never, { correlationId: 'saga-test' });
    await broker.publish([{ id: message.id, type: message.type, body: JSON.stringify(message) }]);
    return message;
  };
  const authorizeCommand = (overrides: Record<string, unknown> = {}) => {
    const { orderId, customerId, amountMinor, currency, paymentToken } = fixture.order();
    return { step: authorizeStep, orderId, customerId, amountMinor, currency, paymentToken, ...overrides };
  };
  const repliesTo = (orderId: string) => replies.filter((reply) => reply.payload.orderId === orderId);
  const untilReplies = (orderId: string, count: number) => vi.waitFor(() => expect(repliesTo(orderId)).toHaveLength(count), { timeout: 20_000, interval: 50 });
  const statusOf = async (orderId: string) =>
    (await fixture.sql.query<{ status: string }>('SELECT status FROM payments WHERE order_id = $1', [orderId])).rows.map((row) => row.status);

  it('authorizes and replies payment-succeeded with the payment, echoing the step and order', async () => {
    const command = authorizeCommand();
    const sent = await send(AuthorizePaymentCommand, command);
    await untilReplies(command.orderId, 1);
    expect(repliesTo(command.orderId)[0]).toMatchObject({
      type: 'payments.payment-succeeded',
      correlationId: 'saga-test',
      causationId: sent.id,
      payload: { step: authorizeStep, orderId: command.orderId, operation: 'authorized' },
    });
    expect(await statusOf(command.orderId)).toEqual(['authorized']);
  });

  it('replies payment-failed with the reason when the card is declined', async () => {
    const command = authorizeCommand({ paymentToken: TestCards.chargeDeclined });
    await send(AuthorizePaymentCommand, command);
    await untilReplies(command.orderId, 1);
    expect(repliesTo(command.orderId)[0]).toMatchObject({ type: 'payments.payment-failed', payload: { step: authorizeStep, orderId: command.orderId } });
    expect(repliesTo(command.orderId)[0]!.payload.reason).toBe(`${PaymentsErrors.DECLINED.code}: The card was declined: card_declined`);
  });

  it('keeps an authorization waiting through a short provider outage and authorizes once the provider is back', async () => {
    await fixture.setFaults({ outage: true });
    const before = await fixture.counters();
    const command = authorizeCommand();
    await send(AuthorizePaymentCommand, command);
    await vi.waitFor(async () => expect((await fixture.counters()).refusedByOutage).toBeGreaterThan(before.refusedByOutage), { timeout: 10_000, interval: 20 });
    expect(repliesTo(command.orderId)).toHaveLength(0);
    expect(await statusOf(command.orderId)).toEqual(['pending']);

    await fixture.setFaults(NO_FAULTS);
    await untilReplies(command.orderId, 1);
    expect(repliesTo(command.orderId)[0]).toMatchObject({ type: 'payments.payment-succeeded', payload: { operation: 'authorized' } });
    expect(await statusOf(command.orderId)).toEqual(['authorized']);
    expect((await fixture.counters()).authorizations - before.authorizations).toBe(1);
  });

  it('replies payment-failed once the provider has been down past the retry budget, so the saga can cancel', async () => {
    await fixture.setFaults({ outage: true });
    const command = authorizeCommand();
    const sent = Date.now();
    await send(AuthorizePaymentCommand, command);
    await untilReplies(command.orderId, 1);
    expect(Date.now() - sent).toBeGreaterThanOrEqual(RETRY_BUDGET_MS);
    expect(repliesTo(command.orderId)[0]!.payload.reason).toContain(PaymentsErrors.PROVIDER_UNAVAILABLE.code);
    expect(await statusOf(command.orderId)).toEqual(['failed']);
  });

  it('authorizes once when the same command arrives twice, replying to each with the same payment', async () => {
    const command = authorizeCommand();
    const before = await fixture.counters();
    await send(AuthorizePaymentCommand, command);
    await send(AuthorizePaymentCommand, command);
    await untilReplies(command.orderId, 2);
    expect(new Set(repliesTo(command.orderId).map((reply) => reply.payload.paymentId)).size).toBe(1);
    expect((await fixture.counters()).authorizations - before.authorizations).toBe(1);
    expect(await statusOf(command.orderId)).toEqual(['authorized']);
  });

  it('records an outcome only with its reply: a reply that cannot be written leaves the payment pending, and the redelivery authorizes once', async () => {
    const command = authorizeCommand();
    // A fault in the database itself: the reply's insert into the outbox fails while the order is listed.
    await fixture.sql.query('CREATE TABLE IF NOT EXISTS test_refused_replies (order_id text PRIMARY KEY)');
    await fixture.sql.query(`
      CREATE OR REPLACE FUNCTION test_refuse_reply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM test_refused_replies WHERE order_id = NEW.payload->>'orderId') THEN
          RAISE EXCEPTION 'the reply is refused by the test';
        END IF;
        RETURN NEW;
      END $$`);
    await fixture.sql.query('CREATE OR REPLACE TRIGGER test_refuse_reply BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION test_refuse_reply()');
    await fixture.sql.query('INSERT INTO test_refused_replies VALUES ($1)', [command.orderId]);
    try {
      const before = await fixture.counters();
      await send(AuthorizePaymentCommand, command);
      // Delivered twice: the provider is asked twice with the payment's one key, and the outcome is never recorded.
      await vi.waitFor(async () => expect((await fixture.counters()).authorizeRequests - before.authorizeRequests).toBeGreaterThanOrEqual(2), { timeout: 10_000, interval: 50 });
      expect(await statusOf(command.orderId)).toEqual(['pending']);
      expect(repliesTo(command.orderId)).toEqual([]);

      await fixture.sql.query('DELETE FROM test_refused_replies WHERE order_id = $1', [command.orderId]);
      await untilReplies(command.orderId, 1);
      expect(repliesTo(command.orderId)[0]).toMatchObject({ type: 'payments.payment-succeeded', payload: { operation: 'authorized' } });
      expect(await statusOf(command.orderId)).toEqual(['authorized']);
      expect((await fixture.counters()).authorizations - before.authorizations).toBe(1);
    } finally {
      await fixture.sql.query('DROP TRIGGER test_refuse_reply ON outbox');
    }
  });

  it('captures once when capture-payment arrives twice, replying captured each time', async () => {
    const command = authorizeCommand();
    await send(AuthorizePaymentCommand, command);
    await untilReplies(command.orderId, 1);
    const before = await fixture.counters();
    await send(CapturePaymentCommand, { step: captureStep, orderId: command.orderId });
    await send(CapturePaymentCommand, { step: captureStep, orderId: command.orderId });
    await untilReplies(command.orderId, 3);
    expect(repliesTo(command.orderId).slice(1)).toMatchObject([
      { type: 'payments.payment-succeeded', payload: { step: captureStep, operation: 'captured' } },
      { type: 'payments.payment-succeeded', payload: { step: captureStep, operation: 'captured' } },
    ]);
    expect((await fixture.counters()).captures - before.captures).toBe(1);
    expect(await statusOf(command.orderId)).toEqual(['captured']);
  });

  it('voids the authorization on void-payment and replies voided', async () => {
    const command = authorizeCommand();
    await send(AuthorizePaymentCommand, command);
    await untilReplies(command.orderId, 1);
    await send(VoidPaymentCommand, { step: voidStep, orderId: command.orderId });
    await untilReplies(command.orderId, 2);
    expect(repliesTo(command.orderId)[1]).toMatchObject({ type: 'payments.payment-succeeded', payload: { step: voidStep, operation: 'voided' } });
    expect(await statusOf(command.orderId)).toEqual(['voided']);
  });

  it('keeps retrying a capture through a provider outage and captures once the provider is back', async () => {
    const command = authorizeCommand();
    await send(AuthorizePaymentCommand, command);
    await untilReplies(command.orderId, 1);
    await fixture.setFaults({ outage: true });
    const before = await fixture.counters();
    await send(CapturePaymentCommand, { step: captureStep, orderId: command.orderId });
    await vi.waitFor(async () => expect((await fixture.counters()).refusedByOutage).toBeGreaterThan(before.refusedByOutage), { timeout: 10_000, interval: 50 });
    expect(repliesTo(command.orderId)).toHaveLength(1);
    await fixture.setFaults(NO_FAULTS);
    await untilReplies(command.orderId, 2);
    expect(repliesTo(command.orderId)[1]).toMatchObject({ type: 'payments.payment-succeeded', payload: { operation: 'captured' } });
    expect(await statusOf(command.orderId)).toEqual(['captured']);
  });

  it('dead-letters a command it cannot read, and answers nothing', async () => {
    const id = newId('msg');
    const orderId = newId('ord');
    const malformed = { id, type: CapturePaymentCommand.type, version: 1, occurredAt: new Date().toISOString(), correlationId: 'saga-test', payload: { orderId } };
    await broker.publish([{ id, type: CapturePaymentCommand.type, body: JSON.stringify(malformed) }]);
    await vi.waitFor(
      async () => expect((await fixture.payments.messaging.deadLetters.list({ consumer: PAYMENTS_COMMANDS_CONSUMER })).items.map((letter) => letter.messageId)).toContain(id),
      { timeout: 10_000, interval: 50 },
    );
    expect(repliesTo(orderId)).toEqual([]);
  });
});
