import type { CommandSender } from '@bazaar/platform/workflow';
import type { ShopTables } from './shop.tables.ts';

/** Writes each command to `test_commands` in the orchestrator's transaction, as the outbox will. */
export function recordingSender(): CommandSender<ShopTables> {
  return {
    async send(trx, command) {
      await trx
        .insertInto('test_commands')
        .values({
          saga_id: command.correlationId,
          step_id: command.stepId,
          phase: command.phase,
          attempt: command.attempt,
          type: command.type,
          payload: JSON.stringify(command.payload),
        })
        .execute();
    },
  };
}
