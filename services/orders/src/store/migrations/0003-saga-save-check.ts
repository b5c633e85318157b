import type { Kysely } from '@bazaar/platform/db';
import { addSagaSaveCheck, dropSagaSaveCheck } from '@bazaar/platform/workflow';

export async function up(db: Kysely<unknown>): Promise<void> {
  await addSagaSaveCheck(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropSagaSaveCheck(db);
}
