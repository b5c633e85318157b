import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, openDatabase, type Database } from '@bazaar/platform/db';
import { newId } from '@bazaar/platform/ids';
import { createInProcessBroker, createMessaging } from '@bazaar/platform/messaging';
import { testDatabase, testLogger } from '@bazaar/platform/testing';
import { AuthorizePaymentCommand } from '../src/contract/payments.messages.ts';
import { recordAndReply } from '../src/events/payments.consumers.ts';
import { attemptAuthorization } from '../src/app/authorize-payment.use-case.ts';
import type { PaymentsDeps } from '../src/app/payments.deps.ts';
import type { AuthorizeOutcome, ProviderGateway } from '../src/app/provider.gateway.ts';
import { voidPayment } from '../src/app/void-payment.use-case.ts';
import { createPaymentRepository } from '../src/store/payment.repository.ts';
import type { PaymentsTables } from '../src/store/payments.tables.ts';

/** A provider whose answer to an authorization the test gives by hand, and which remembers the voids it is asked for. */
function handheldProvider() {
  let answer: (outcome: AuthorizeOutcome) => void = () => undefined;
  const voids: string[] = [];
  const provider: ProviderGateway = {
    authorize: () => new Promise((resolve) => (answer = resolve)),
    capture: async () => ({ kind: 'captured' }),
    void: async (authorizationId) => {
      voids.push(authorizationId);
      return { kind: 'voided' };
    },
    // The authorization is still being made: nothing is held under its key yet.
    findByKey: async () => ({ kind: 'none' }),
    breakerState: () => 'closed',
  };
  return { provider, voids, approve: (authorizationId: string) => answer({ kind: 'approved', authorizationId }) };
}

const order = () => ({ orderId: newId('ord'), customerId: newId('usr'), amountMinor: 1250, currency: 'EUR', paymentToken: 'tok_visa' });

describe('an authorization approved after its payment was voided', () => {
  const made = testDatabase('payments_late');
  let database: Database<PaymentsTables>;

  beforeAll(async () => {
    const migrationsFolder = fileURLToPath(new URL('../src/store/migrations', import.meta.url));
    database = await openDatabase<PaymentsTables>({ serverUrl: made.serverUrl, name: made.name, migrationsFolder, logger: testLogger('payments') });
  });
  afterAll(async () => {
    await database.close();
    await made.drop();
  });

  /** An authorization of a new order, sent to a provider that has not answered yet: its intent is recorded. */
  async function authorizationUnderway() {
    const { provider, voids, approve } = handheldProvider();
    const deps: PaymentsDeps = { payments: createPaymentRepository(database.db), provider, logger: testLogger('payments') };
    const input = order();
    const attempting = attemptAuthorization(deps, input);
    await expect.poll(async () => (await deps.payments.findByOrderId(input.orderId))?.status).toBe('pending');
    /** Lets the provider approve, and returns the attempt with its outcome still to record. */
    const approved = async (authorizationId: string) => {
      approve(authorizationId);
      const attempt = await attempting;
      if ('answered' in attempt) throw new Error('the approval was answered without being recorded');
      return attempt;
    };
    return { deps, input, voids, approved };
  }

  it('is released at the provider once the outcome that finds the payment voided has committed', async () => {
    const { deps, input, voids, approved } = await authorizationUnderway();
    // The saga's compensation voids the order while the provider is still working on the authorization.
    const voided = await voidPayment(deps, input.orderId);
    expect(voided).toMatchObject({ ok: true, value: { status: 'voided' } });
    const attempt = await approved('auth_late');

    // Recorded and replied in the consumer's transaction: the release waits for its commit.
    const broker = createInProcessBroker();
    const messaging = createMessaging<PaymentsTables>({ db: database.db, broker, logger: testLogger('messaging') });
    const command = AuthorizePaymentCommand.create({ step: { stepId: 'authorize-payment', phase: 'forward', attempt: 1 }, ...input }, { correlationId: input.orderId });
    const recording = { paymentsIn: createPaymentRepository, logger: testLogger('payments') };
    let releasedBeforeCommit: boolean | undefined;
    await inTransaction(database.db, async (trx) => {
      await recordAndReply(messaging, trx, command, attempt, 'authorized', recording);
      releasedBeforeCommit = voids.length > 0;
    });
    expect(releasedBeforeCommit).toBe(false);
    await expect.poll(() => voids).toEqual(['auth_late']);
    expect((await deps.payments.findByOrderId(input.orderId))?.status).toBe('voided');
    const replies = await database.db.selectFrom('outbox').select(['type', 'payload']).where('type', 'like', 'payments.%').execute();
    expect(replies).toContainEqual({ type: 'payments.payment-failed', payload: expect.objectContaining({ orderId: input.orderId, reason: expect.stringContaining('PAYMENTS.VOIDED') }) });
    await broker.close();
  });

  it('leaves nothing to release when the approval is recorded first', async () => {
    const { deps, voids, approved } = await authorizationUnderway();
    const attempt = await approved('auth_on_time');
    const { result, afterwards } = await attempt.record(deps.payments);
    expect(result).toMatchObject({ ok: true, value: { status: 'authorized', providerAuthorizationId: 'auth_on_time' } });
    expect(afterwards).toBeUndefined();
    expect(voids).toEqual([]);
  });
});
