import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from '@bazaar/platform/db';
import { manualClock } from './support/manual.clock.ts';
import { createParticipant, type Participant, type SentCommand, type Verdict } from './support/participant.ts';
import type { ShopTables } from './support/shop.tables.ts';
import { shopCheckout } from './support/shop/shop.saga.ts';
import { nextOrderId, openShopDatabase, sagaOf, shopEvents, shopOrchestrator } from './support/workflow.harness.ts';

let db: Kysely<ShopTables>;
let close: () => Promise<void>;
const clock = manualClock();

beforeAll(async () => {
  ({ db, close } = await openShopDatabase());
});
afterAll(() => close());

/** What the network and the participants may do next: answer, answer late, repeat, lose, or let time pass. */
const ACTIONS = ['answer-latest-success', 'answer-latest-failure', 'answer-oldest-success', 'answer-oldest-failure', 'repeat-last', 'lose-oldest', 'time-passes'] as const;
type Action = (typeof ACTIONS)[number];

/** Longer than any step timeout and any undo backoff, so each passing of time reaches the next deadline. */
const A_WHILE = 10_000;
const FINAL = ['completed', 'compensated', 'failed'];
const position = (stepId: string) => shopCheckout.steps.findIndex((step) => step.id === stepId);

async function play(orderId: string, participant: Participant, tick: () => Promise<unknown>, actions: readonly Action[]) {
  let last: { command: SentCommand; verdict: Verdict; messageId: string } | undefined;
  const deliver = async (command: SentCommand | undefined, verdict: Verdict) => {
    if (!command) return;
    last = { command, verdict, messageId: randomUUID() };
    await participant.reply(command, verdict, last.messageId);
  };
  for (const action of actions) {
    const pending = await participant.pending(orderId);
    if (action === 'answer-latest-success') await deliver(pending.at(-1), 'success');
    if (action === 'answer-latest-failure') await deliver(pending.at(-1), 'failure');
    if (action === 'answer-oldest-success') await deliver(pending[0], 'success');
    if (action === 'answer-oldest-failure') await deliver(pending[0], 'failure');
    if (action === 'repeat-last' && last) await participant.reply(last.command, last.verdict, last.messageId);
    if (action === 'lose-oldest' && pending[0]) await db.updateTable('test_commands').set({ answered: true }).where('id', '=', pending[0].id).execute();
    if (action === 'time-passes') await tick();
  }
}

/** From then on every participant works and every message arrives, until the saga is final. */
async function settle(orderId: string, participant: Participant, tick: () => Promise<unknown>, status: () => Promise<string>) {
  for (let round = 0; round < 50; round++) {
    if (FINAL.includes(await status())) return;
    const latest = (await participant.pending(orderId)).at(-1);
    const awaited = latest && (await participant.awaited(orderId).catch(() => undefined));
    if (awaited) await participant.reply(awaited, 'success');
    else await tick();
  }
  throw new Error(`Saga ${orderId} did not settle`);
}

describe('a saga under any order of replies, duplicates, losses and timeouts', () => {
  it('ends completed or compensated, never both, and undoes only steps that ran, in reverse', async () => {
    const orchestrator = shopOrchestrator(db, clock);
    const participant = createParticipant(db, orchestrator);
    const tick = () => orchestrator.tick(clock.advance(A_WHILE));

    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...ACTIONS), { maxLength: 24 }), async (actions) => {
        const orderId = nextOrderId();
        await orchestrator.start(db, 'shop-checkout', orderId, { orderId, amount: 100 });
        await play(orderId, participant, tick, actions);
        await settle(orderId, participant, tick, async () => (await sagaOf(orchestrator, orderId)).status);

        const saga = await sagaOf(orchestrator, orderId);
        const ends = (await shopEvents(db, orderId)).map((event) => event.type).filter((type) => type.startsWith('Order'));
        const forward = saga.steps.filter((step) => step.phase === 'forward');
        const undone = saga.steps.filter((step) => step.phase === 'compensate');
        const undoCommands = await db.selectFrom('test_commands').select('step_id').where('saga_id', '=', orderId).where('phase', '=', 'compensate').orderBy('id').execute();

        expect(['completed', 'compensated']).toContain(saga.status);
        expect(ends).toEqual([saga.status === 'completed' ? 'OrderConfirmed' : 'OrderCancelled']);
        if (saga.status === 'completed') {
          expect(forward.map((step) => step.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
          expect(undone).toEqual([]);
          expect(undoCommands).toEqual([]);
          return;
        }
        const ran = new Set(forward.filter((step) => step.status !== 'failed').map((step) => step.stepId));
        for (const step of undone) expect(ran).toContain(step.stepId);
        expect(undone.every((step) => step.status === 'succeeded')).toBe(true);
        for (const step of forward) {
          if (step.status === 'succeeded' && shopCheckout.steps[position(step.stepId)]?.compensation) expect(undone.map((u) => u.stepId)).toContain(step.stepId);
        }
        const undoOrder = [...new Set(undoCommands.map((command) => position(command.step_id)))];
        expect(undoOrder).toEqual([...undoOrder].sort((x, y) => y - x));
      }),
      { numRuns: 60 },
    );

    // Every saga is final, so nothing is left for any later tick.
    expect(await orchestrator.tick(clock.advance(24 * 3_600_000))).toEqual({ processed: 0, failed: 0, more: false });
  }, 120_000);
});
