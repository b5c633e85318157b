import type { Kysely } from '@bazaar/platform/db';
import { addSagaAwaitedAttempt, dropSagaAwaitedAttempt } from '@bazaar/platform/workflow';

export async function up(db: Kysely<unknown>): Promise<void> {
  await addSagaAwaitedAttempt(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropSagaAwaitedAttempt(db);
}
