import { Value } from '@sinclair/typebox/value';
import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { newId } from '@bazaar/platform/ids';
import { InventoryErrors } from '../contract/inventory.errors.ts';
import { OrderRef } from '../contract/reservation.schemas.ts';
import { endReservations } from './end-reservations.ts';
import type { InventoryDeps } from './inventory.deps.ts';
import { type ReservationChange, toReservationView, unchanged } from './reservation.view.ts';
import { invalidReservation } from './stock-errors.ts';

/**
 * Gives an order's held stock back. Idempotent: releasing again, or releasing an expired reservation,
 * changes nothing. Releasing an order that has no reservation yet records an empty released one, so a
 * reserve command for it that arrives late (messages may overtake each other) cannot hold stock.
 * A confirmed reservation is not released: its stock has left with the order.
 */
export async function releaseReservation(deps: InventoryDeps, orderId: string): Promise<Result<ReservationChange, AppError>> {
  if (!Value.Check(OrderRef, orderId)) return fail(invalidReservation([{ path: 'orderId', message: 'is not an order id' }]));
  const now = deps.clock();
  return deps.store.transaction<ReservationChange, AppError>(async (tx) => {
    let reservation = await tx.reservations.findByOrder(orderId, { lock: true });
    if (!reservation) {
      const id = newId('res');
      if (await tx.reservations.claim({ id, orderId, status: 'released', expiresAt: now, now })) {
        return ok(unchanged({ id, orderId, status: 'released', lines: [], expiresAt: now, createdAt: now, updatedAt: now }));
      }
      // Someone reserved for this order in the meantime: release that reservation instead.
      reservation = (await tx.reservations.findByOrder(orderId, { lock: true }))!;
    }
    switch (reservation.status) {
      case 'released':
      case 'expired':
        return ok(unchanged(reservation));
      case 'confirmed':
        return fail(new AppError(InventoryErrors.RESERVATION_CONFIRMED, `Reservation ${reservation.id} of order ${orderId} is confirmed`));
      case 'held': {
        const { ended, levels } = await endReservations(tx, [reservation], 'released', now);
        return ok({ reservation: toReservationView(ended[0]!), changed: true, levels });
      }
    }
  });
}
