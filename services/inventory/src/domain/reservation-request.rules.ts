import { Value } from '@sinclair/typebox/value';
import { fail, ok, type FieldError, type Result } from '@bazaar/platform/errors';
import { InventoryLimits } from '../contract/inventory.limits.ts';
import { ReserveStock, type RequestedLine } from '../contract/reservation.schemas.ts';
import { quantitiesBySku } from './reservation.model.ts';

/** A reservation request that passed the rules: one line per SKU, in SKU order. */
export interface ReservationRequest {
  readonly orderId: string;
  readonly lines: readonly RequestedLine[];
  readonly ttlMs: number | undefined;
}

/**
 * Checks a ReserveStock command, which may come from a message rather than a validated HTTP body. Lines of
 * the same SKU are added up (a cart may list one product twice); the sum must still be a sane quantity.
 */
export function checkReservationRequest(input: unknown): Result<ReservationRequest, FieldError[]> {
  const problems = [...Value.Errors(ReserveStock, input)].map((error) => ({
    path: error.path.replace(/^\//, '').replaceAll('/', '.') || '(command)',
    message: error.message,
  }));
  if (problems.length > 0) return fail(problems);
  const command = input as ReserveStock;
  const lines = [...quantitiesBySku(command.lines)].sort(([a], [b]) => (a < b ? -1 : 1)).map(([sku, quantity]) => ({ sku, quantity }));
  const tooMuch = lines.filter((line) => line.quantity > InventoryLimits.lineQuantityMax);
  if (tooMuch.length > 0) {
    return fail(tooMuch.map((line) => ({ path: 'lines', message: `${line.sku} is asked for ${line.quantity} times, more than ${InventoryLimits.lineQuantityMax}` })));
  }
  return ok({ orderId: command.orderId, lines, ttlMs: command.ttlMs });
}
