import type { ColumnType, Generated } from '@bazaar/platform/db';
import type { WorkflowTables } from '@bazaar/platform/workflow';

type Json<T> = ColumnType<T, string, string>;

export interface TestCommandsTable {
  id: Generated<number>;
  saga_id: string;
  step_id: string;
  phase: 'forward' | 'compensate';
  attempt: number;
  type: string;
  payload: Json<Record<string, unknown>>;
  answered: Generated<boolean>;
}

export interface TestEventsTable {
  id: Generated<number>;
  saga_id: string;
  type: string;
  detail: ColumnType<Record<string, unknown>, string | undefined, string>;
}

/** The test shop's database: the saga tables, the commands the sender wrote, the events the shop appended. */
export interface ShopTables extends WorkflowTables {
  test_commands: TestCommandsTable;
  test_events: TestEventsTable;
}
