import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import type { AppError, Result } from '@bazaar/platform/errors';
import type { Broker } from '@bazaar/platform/messaging';
import { staticDiscovery } from '@bazaar/platform/http';
import { testDatabase, testLogger } from '@bazaar/platform/testing';
import { startInventory, type InventoryService, type InventoryUseCases } from '@bazaar/inventory/main';
import { DEMO_WAREHOUSES } from '../../src/domain/demo-stock.plan.ts';
import { createTestIssuer, type TestIssuer } from '@bazaar/platform/testing';

/** The demo warehouses every fixture starts with. */
export const ROTTERDAM = DEMO_WAREHOUSES[0].id;
export const RENO = DEMO_WAREHOUSES[1].id;

/** A stock row as the database holds it. */
export interface StockRowSnapshot {
  sku: string;
  warehouse_id: string;
  on_hand: number;
  reserved: number;
  version: number;
}

/** A running inventory on a throwaway database, with tokens, a clock that tests can move, and SQL for assertions. */
export interface InventoryFixture {
  readonly service: InventoryService;
  readonly useCases: InventoryUseCases;
  readonly sql: pg.Pool;
  readonly issuer: TestIssuer;
  readonly adminToken: string;
  readonly customerToken: string;
  /** Moves the service's clock forward; reservations expire by it. */
  advanceClock(ms: number): void;
  now(): Date;
  /** Starts another replica on the same database, as the cluster placement would. */
  startReplica(): Promise<InventoryService>;
  request(method: 'GET' | 'PUT' | 'POST', url: string, options?: { body?: unknown; token?: string }): Promise<LightMyRequestResponse>;
  /** Sets stock per warehouse through the use case, failing the test if it is refused. */
  stock(sku: string, counts: { rotterdam?: number; reno?: number }): Promise<void>;
  stockRows(sku: string): Promise<StockRowSnapshot[]>;
  /** Everything inventory has written, for "nothing was written" checks. */
  snapshot(): Promise<{ stock: unknown[]; reservations: unknown[]; lines: unknown[] }>;
  /**
   * Checks the no-oversell invariant and the stock ledger of one SKU against the reservations:
   * 0 ≤ reserved ≤ on hand, reserved = what held reservations hold, and on hand = `initial` minus what
   * confirmed reservations took, in every warehouse.
   */
  expectLedgerBalanced(sku: string, initial: Record<string, number>): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;
/** A SKU no other test in the file uses. */
export function freshSku(label = 'item'): string {
  counter += 1;
  return `sku_${label}-${process.pid}-${counter}`;
}

/** The failure a result carries, failing the test when it succeeded. */
export function failureOf<T>(result: Result<T, AppError>): AppError {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** The value a result carries, failing the test when it failed. */
export function valueOf<T>(result: Result<T, AppError>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export async function startInventoryFixture(options: { env?: Record<string, string>; seed?: readonly string[]; broker?: Broker } = {}): Promise<InventoryFixture> {
  const database = testDatabase('inventory');
  const issuer = await createTestIssuer();
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);
  const replicas: InventoryService[] = [];
  const start = async () => {
    const replica = await startInventory(
      {
        databaseServerUrl: database.serverUrl,
        databaseName: database.name,
        logger: testLogger('inventory'),
        discovery: staticDiscovery({}),
        env: options.env ?? {},
      },
      { verifier: issuer.verifier, clock, ...(options.broker && { broker: options.broker }) },
    );
    replicas.push(replica);
    return replica;
  };
  const service = await start();
  await service.seedIfEmpty(options.seed ?? []);
  const sql = new pg.Pool({ connectionString: database.url, max: 2 });

  const stockRows = async (sku: string) =>
    (await sql.query<StockRowSnapshot>('SELECT sku, warehouse_id, on_hand, reserved, version FROM stock WHERE sku = $1 ORDER BY warehouse_id', [sku])).rows;

  return {
    service,
    useCases: service.useCases,
    sql,
    issuer,
    adminToken: await issuer.token({ roles: ['customer', 'admin'] }),
    customerToken: await issuer.token({ roles: ['customer'] }),
    advanceClock: (ms) => void (offsetMs += ms),
    now: clock,
    startReplica: start,
    request(method, url, { body, token } = {}) {
      const headers: Record<string, string> = {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
      return service.app.inject({ method, url, headers, ...(body !== undefined && { payload: JSON.stringify(body) }) });
    },
    async stock(sku, counts) {
      for (const [warehouseId, onHand] of [
        [ROTTERDAM, counts.rotterdam],
        [RENO, counts.reno],
      ] as const) {
        if (onHand !== undefined) valueOf(await service.useCases.setStock({ sku, warehouseId, onHand }));
      }
    },
    stockRows,
    async snapshot() {
      const [stock, reservations, lines] = await Promise.all([
        sql.query('SELECT * FROM stock ORDER BY sku, warehouse_id'),
        sql.query('SELECT * FROM reservations ORDER BY id'),
        sql.query('SELECT * FROM reservation_lines ORDER BY reservation_id, sku, warehouse_id'),
      ]);
      return { stock: stock.rows, reservations: reservations.rows, lines: lines.rows };
    },
    async expectLedgerBalanced(sku, initial) {
      const { rows } = await sql.query<{ status: string; warehouse_id: string; quantity: number }>(
        `SELECT r.status, l.warehouse_id, l.quantity FROM reservation_lines l JOIN reservations r ON r.id = l.reservation_id WHERE l.sku = $1`,
        [sku],
      );
      const total = (warehouseId: string, status: string) =>
        rows.filter((r) => r.warehouse_id === warehouseId && r.status === status).reduce((sum, r) => sum + r.quantity, 0);
      for (const row of await stockRows(sku)) {
        expect(row.reserved).toBeGreaterThanOrEqual(0);
        expect(row.reserved).toBeLessThanOrEqual(row.on_hand);
        expect(row.reserved).toBe(total(row.warehouse_id, 'held'));
        expect(row.on_hand).toBe((initial[row.warehouse_id] ?? 0) - total(row.warehouse_id, 'confirmed'));
      }
    },
    async close() {
      await sql.end();
      for (const replica of replicas) await replica.close();
      await database.drop();
    },
  };
}
