import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { FileMigrationProvider, Migrator } from 'kysely/migration';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDatabase, pgTypes } from '@bazaar/platform/db';
import { testDatabase } from '@bazaar/platform/testing';
import { manualClock } from './support/manual.clock.ts';
import type { ShopTables } from './support/shop.tables.ts';
import { shopOrchestrator } from './support/workflow.harness.ts';

const target = testDatabase('workflow_upgrade');
let db: Kysely<ShopTables>;
let migrator: Migrator;

beforeAll(async () => {
  await ensureDatabase(target.serverUrl, target.name);
  db = new Kysely<ShopTables>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target.url, types: pgTypes, max: 2 }) }) });
  const migrationFolder = fileURLToPath(new URL('./support/migrations', import.meta.url));
  migrator = new Migrator({ db, provider: new FileMigrationProvider({ fs, path, migrationFolder }) });
});
afterAll(async () => {
  await db.destroy();
  await target.drop();
});

/** An instance as the saga tables held it before they kept the awaited attempt, with the step it waits on. */
async function inFlight(id: string, status: string, currentStep: string | null, step?: { phase: string; status: string; attempts: number }) {
  await sql`
    INSERT INTO saga_instances (id, name, status, current_step, data, version, deadline_at, created_at, updated_at)
    VALUES (${id}, 'shop-checkout', ${status}, ${currentStep}, ${JSON.stringify({ orderId: id, amount: 4_200 })}, 3, now() + interval '1 minute', now(), now())`.execute(db);
  if (step) {
    await sql`
      INSERT INTO saga_steps (saga_id, step_id, phase, status, attempts, sent_at)
      VALUES (${id}, ${currentStep}, ${step.phase}, ${step.status}, ${step.attempts}, now())`.execute(db);
  }
}

describe('the migration that keeps the awaited attempt on the instance', () => {
  it('gives every instance in flight the attempt its step history awaits, and replies to it still apply', async () => {
    const first = await migrator.migrateTo('0001-shop-tables');
    expect(first.error).toBeUndefined();
    await inFlight('ord_running', 'running', 'authorize-payment', { phase: 'forward', status: 'sent', attempts: 2 });
    await inFlight('ord_undoing', 'compensating', 'reserve-stock', { phase: 'compensate', status: 'sent', attempts: 3 });
    await inFlight('ord_backing_off', 'compensating', 'reserve-stock', { phase: 'compensate', status: 'failed', attempts: 1 });
    await inFlight('ord_done', 'completed', null);

    const latest = await migrator.migrateToLatest();
    expect(latest.error).toBeUndefined();
    const rows = await sql<{ id: string; awaited_attempt: number | null }>`SELECT id, awaited_attempt FROM saga_instances ORDER BY id`.execute(db);
    expect(Object.fromEntries(rows.rows.map((row) => [row.id, row.awaited_attempt]))).toEqual({
      ord_backing_off: null,
      ord_done: null,
      ord_running: 2,
      ord_undoing: 3,
    });

    const orchestrator = shopOrchestrator(db, manualClock());
    const reply = { correlationId: 'ord_running', stepId: 'authorize-payment', phase: 'forward' as const, replyType: 'payment.authorized', payload: { authorizationId: 'auth_1' } };
    expect(await orchestrator.handleReply(db, { ...reply, attempt: 1, messageId: 'msg_old' })).toMatchObject({ applied: false });
    expect(await orchestrator.handleReply(db, { ...reply, attempt: 2, messageId: 'msg_new' })).toEqual({ applied: true });
    const steps = await orchestrator.inspect('ord_running');
    expect(steps?.steps.find((step) => step.stepId === 'authorize-payment')).toMatchObject({ status: 'succeeded', attempts: 2 });
  });
});
