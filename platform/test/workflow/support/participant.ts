import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from '@bazaar/platform/db';
import type { ReplyOutcome, SagaOrchestrator } from '@bazaar/platform/workflow';
import type { ShopTables, TestCommandsTable } from './shop.tables.ts';

export type SentCommand = Selectable<TestCommandsTable>;
export type Verdict = 'success' | 'failure';

/** What inventory and payments answer to each command, when it works and when it does not. */
const answers: Record<string, Record<Verdict, { type: string; payload: Record<string, unknown> }>> = {
  ReserveStock: {
    success: { type: 'stock.reserved', payload: { reservationId: 'rsv_1' } },
    failure: { type: 'stock.reservation-failed', payload: { reason: 'out of stock' } },
  },
  ReleaseStock: {
    success: { type: 'stock.released', payload: {} },
    failure: { type: 'stock.release-failed', payload: { reason: 'inventory is read-only' } },
  },
  AuthorizePayment: {
    success: { type: 'payment.authorized', payload: { authorizationId: 'auth_1' } },
    failure: { type: 'payment.failed', payload: { reason: 'card declined' } },
  },
  VoidPayment: {
    success: { type: 'payment.voided', payload: {} },
    failure: { type: 'payment.void-failed', payload: { reason: 'provider unavailable' } },
  },
  CapturePayment: {
    success: { type: 'payment.captured', payload: { captureId: 'cap_1' } },
    failure: { type: 'payment.capture-failed', payload: { reason: 'authorization expired' } },
  },
};

/**
 * The other services of the test shop: they read the commands the orchestrator sent and reply through it, each
 * reply in a transaction of its own, as a consumer would.
 */
export function createParticipant(db: Kysely<ShopTables>, orchestrator: SagaOrchestrator<ShopTables>) {
  async function reply(command: SentCommand, verdict: Verdict, messageId: string = randomUUID()): Promise<ReplyOutcome> {
    const answer = answers[command.type]?.[verdict];
    if (!answer) throw new Error(`The test participant does not know command ${command.type}`);
    return db.transaction().execute(async (trx) => {
      await trx.updateTable('test_commands').set({ answered: true }).where('id', '=', command.id).execute();
      return orchestrator.handleReply(trx, {
        correlationId: command.saga_id,
        stepId: command.step_id,
        phase: command.phase,
        attempt: command.attempt,
        replyType: answer.type,
        payload: answer.payload,
        messageId,
      });
    });
  }

  /** Commands sent for `sagaId` and not answered yet, oldest first. */
  async function pending(sagaId: string): Promise<SentCommand[]> {
    return db.selectFrom('test_commands').selectAll().where('saga_id', '=', sagaId).where('answered', '=', false).orderBy('id').execute();
  }

  /** The command the saga awaits: the latest one sent for it, still unanswered. */
  async function awaited(sagaId: string): Promise<SentCommand> {
    const latest = await db.selectFrom('test_commands').selectAll().where('saga_id', '=', sagaId).orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (!latest || latest.answered) throw new Error(`Saga ${sagaId} awaits no reply`);
    return latest;
  }

  return {
    reply,
    pending,
    awaited,
    /** Answers the awaited command of `sagaId` with `verdict` and returns the command it answered. */
    async answer(sagaId: string, verdict: Verdict): Promise<SentCommand> {
      const command = await awaited(sagaId);
      await reply(command, verdict);
      return command;
    },
    /** Answers every command of `sagaId` with success until none is left unanswered. */
    async answerAll(sagaId: string): Promise<void> {
      for (let batch = await pending(sagaId); batch.length > 0; batch = await pending(sagaId)) {
        for (const command of batch) await reply(command, 'success');
      }
    },
  };
}

export type Participant = ReturnType<typeof createParticipant>;
