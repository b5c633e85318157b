import { authenticate, type TokenVerifier } from '@bazaar/platform/auth';
import { unwrap } from '@bazaar/platform/errors';
import { type App, ProblemSchema } from '@bazaar/platform/http';
import { InventoryPaths } from '../contract/inventory.paths.ts';
import { Availability, SetStock, StockCounts, StockLevel, StockParams, WarehouseList } from '../contract/stock.schemas.ts';
import { getAvailability } from '../app/get-availability.use-case.ts';
import { getStockCounts } from '../app/get-stock-counts.use-case.ts';
import type { InventoryDeps } from '../app/inventory.deps.ts';
import { listWarehouses } from '../app/list-warehouses.use-case.ts';
import { setStock } from '../app/set-stock.use-case.ts';

/** Availability (anyone), warehouses (anyone) and stock counts (admins). */
export function registerStockRoutes(app: App, deps: InventoryDeps, verifier: TokenVerifier): void {
  // Authentication runs on request, before the body is even parsed: strangers learn nothing from validation.
  const admin = authenticate(verifier, ['admin']);

  app.get(
    InventoryPaths.warehouses,
    { schema: { summary: 'Every warehouse', response: { 200: WarehouseList } } },
    () => listWarehouses(deps),
  );

  app.get(
    InventoryPaths.stock,
    { schema: { summary: 'What can be bought of a SKU, per warehouse and in total', params: StockParams, response: { 200: Availability, 400: ProblemSchema } } },
    (request) => getAvailability(deps, request.params.sku),
  );

  app.get(
    InventoryPaths.counts,
    {
      onRequest: admin,
      schema: {
        summary: 'On hand, reserved and available of a SKU per warehouse',
        security: [{ bearer: [] }],
        params: StockParams,
        response: { 200: StockCounts, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    (request) => getStockCounts(deps, request.params.sku),
  );

  app.put(
    InventoryPaths.stock,
    {
      onRequest: admin,
      schema: {
        summary: 'Set the stock on hand of a SKU in one warehouse',
        security: [{ bearer: [] }],
        params: StockParams,
        body: SetStock,
        response: { 200: StockLevel, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request) => unwrap(await setStock(deps, { sku: request.params.sku, ...request.body })).level,
  );
}
