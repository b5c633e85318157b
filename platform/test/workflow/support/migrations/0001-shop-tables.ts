import { sql, type Kysely } from '@bazaar/platform/db';
import { createWorkflowTables, dropWorkflowTables } from '@bazaar/platform/workflow';

/** The owner's migration: the saga tables, plus where the test sender and the shop's hooks write. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createWorkflowTables(db);
  await db.schema
    .createTable('test_commands')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('saga_id', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('answered', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema
    .createTable('test_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('saga_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('test_events').execute();
  await db.schema.dropTable('test_commands').execute();
  await dropWorkflowTables(db);
}
