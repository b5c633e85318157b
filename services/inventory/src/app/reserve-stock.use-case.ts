import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { newId } from '@bazaar/platform/ids';
import { InventoryErrors } from '../contract/inventory.errors.ts';
import { allocate, type WarehouseAvailability } from '../domain/allocation.policy.ts';
import { checkReservationRequest } from '../domain/reservation-request.rules.ts';
import { sameRequest, stockChangesFor } from '../domain/reservation.model.ts';
import { availableOf, toStockLevels, withUpdates } from '../domain/stock.model.ts';
import type { InventoryDeps } from './inventory.deps.ts';
import { type ReservationChange, toReservationView, unchanged } from './reservation.view.ts';
import { InsufficientStock, invalidReservation } from './stock-errors.ts';

/**
 * Sets stock aside for an order: every line or none, for `ttlMs` unless confirmed. Idempotent by order id:
 * reserving again for the same order returns its reservation, whatever became of it, and moves nothing.
 * Not enough stock is an expected failure that names the SKUs, and writes nothing.
 */
export async function reserveStock(deps: InventoryDeps, input: unknown): Promise<Result<ReservationChange, AppError>> {
  const checked = checkReservationRequest(input);
  if (!checked.ok) return fail(invalidReservation(checked.error));
  const { orderId, lines, ttlMs } = checked.value;
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + (ttlMs ?? deps.reservationTtlMs));
  const id = newId('res');

  return deps.store.transaction<ReservationChange, AppError>(async (tx) => {
    // The claim comes first: a concurrent retry for the same order waits here, before touching any stock.
    if (!(await tx.reservations.claim({ id, orderId, status: 'held', expiresAt, now }))) {
      const existing = (await tx.reservations.findByOrder(orderId))!;
      // A reservation released before it was made has no lines; it answers any request for its order.
      if (existing.lines.length > 0 && !sameRequest(existing.lines, lines)) {
        return fail(new AppError(InventoryErrors.RESERVATION_MISMATCH, `Order ${orderId} already holds reservation ${existing.id} for other lines`));
      }
      return ok(unchanged(existing));
    }

    const locked = await tx.stock.lockSkus(lines.map((l) => l.sku));
    const stock = new Map<string, WarehouseAvailability[]>();
    for (const row of locked) stock.set(row.sku, [...(stock.get(row.sku) ?? []), { warehouseId: row.warehouseId, available: availableOf(row) }]);
    const allocation = allocate(lines, stock);
    if (!allocation.ok) return fail(new InsufficientStock(allocation.error));

    const updated = await tx.stock.apply(stockChangesFor('held', allocation.value));
    await tx.reservations.addLines(id, allocation.value);
    const reservation = { id, orderId, status: 'held' as const, lines: allocation.value, expiresAt, createdAt: now, updatedAt: now };
    return ok({ reservation: toReservationView(reservation), changed: true, levels: toStockLevels(withUpdates(locked, updated)) });
  });
}
