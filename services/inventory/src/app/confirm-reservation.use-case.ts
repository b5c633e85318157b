import { Value } from '@sinclair/typebox/value';
import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { InventoryErrors } from '../contract/inventory.errors.ts';
import { OrderRef } from '../contract/reservation.schemas.ts';
import { endReservations } from './end-reservations.ts';
import type { InventoryDeps } from './inventory.deps.ts';
import { type ReservationChange, toReservationView, unchanged } from './reservation.view.ts';
import { invalidReservation } from './stock-errors.ts';

/**
 * Commits an order's held stock: it leaves on hand and is no longer reserved. Idempotent: confirming
 * again changes nothing. A reservation that was released or has expired cannot be confirmed any more.
 * One past its deadline that the sweep has not reached yet still holds its stock, so it may be confirmed.
 */
export async function confirmReservation(deps: InventoryDeps, orderId: string): Promise<Result<ReservationChange, AppError>> {
  if (!Value.Check(OrderRef, orderId)) return fail(invalidReservation([{ path: 'orderId', message: 'is not an order id' }]));
  const now = deps.clock();
  return deps.store.transaction<ReservationChange, AppError>(async (tx) => {
    const reservation = await tx.reservations.findByOrder(orderId, { lock: true });
    if (!reservation) return fail(new AppError(InventoryErrors.RESERVATION_NOT_FOUND, `Order ${orderId} has no reservation`));
    switch (reservation.status) {
      case 'confirmed':
        return ok(unchanged(reservation));
      case 'released':
      case 'expired':
        return fail(new AppError(InventoryErrors.RESERVATION_NOT_HELD, `Reservation ${reservation.id} of order ${orderId} is ${reservation.status}`));
      case 'held': {
        const { ended, levels } = await endReservations(tx, [reservation], 'confirmed', now);
        return ok({ reservation: toReservationView(ended[0]!), changed: true, levels });
      }
    }
  });
}
