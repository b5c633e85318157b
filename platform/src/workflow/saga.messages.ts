import type { Kysely } from 'kysely';
import type { StepPhase } from './saga.tables.ts';

/**
 * A command on its way to a participant. The participant copies `correlationId`, `stepId`, `phase` and `attempt`
 * onto its reply unchanged: together they name the one wait the reply answers, so a late reply to an earlier
 * attempt, or to a forward step that is being undone, is recognised and ignored.
 */
export interface SagaCommand {
  readonly type: string;
  readonly payload: unknown;
  /** The saga instance id. */
  readonly correlationId: string;
  readonly stepId: string;
  readonly phase: StepPhase;
  readonly attempt: number;
}

/**
 * Writes a command in the caller's transaction, so the command leaves if and only if the saga's state change
 * commits (the messaging outbox implements this).
 */
export interface CommandSender<DB = unknown> {
  send(trx: Kysely<DB>, command: SagaCommand): Promise<void>;
}

/** A participant's reply, as the owning service's consumer hands it to the orchestrator. */
export interface SagaReply {
  /** The saga instance id, copied from the command. */
  readonly correlationId: string;
  readonly stepId: string;
  readonly phase: StepPhase;
  readonly attempt: number;
  readonly replyType: string;
  readonly payload: unknown;
  /** The reply message's id, kept in the step history. */
  readonly messageId: string;
}

/** What became of a reply: applied to the saga, or ignored (duplicate, late, or for a finished saga) and why. */
export type ReplyOutcome = { readonly applied: true } | { readonly applied: false; readonly ignored: string };
