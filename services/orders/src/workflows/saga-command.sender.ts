import type { Kysely } from '@bazaar/platform/db';
import type { MessageDefinition, Outbox } from '@bazaar/platform/messaging';
import type { CommandSender } from '@bazaar/platform/workflow';
import { InventoryCommands } from '@bazaar/inventory/contract';
import { PaymentsCommands } from '@bazaar/payments/contract';

const definitions = new Map<string, MessageDefinition>([...InventoryCommands, ...PaymentsCommands].map((definition) => [definition.type, definition]));

/** Sends the saga's commands through the outbox, each carrying the step it answers so the reply can name it. */
export function sagaCommandSender<DB>(outbox: Outbox): CommandSender<DB> {
  return {
    async send(trx: Kysely<DB>, command) {
      const definition = definitions.get(command.type);
      if (!definition) throw new Error(`No message definition for saga command ${command.type}`);
      const step = { stepId: command.stepId, phase: command.phase, attempt: command.attempt };
      await outbox.write(trx, definition.create({ ...(command.payload as object), step }, { correlationId: command.correlationId }));
    },
  };
}
