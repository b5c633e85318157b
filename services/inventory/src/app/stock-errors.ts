import { AppError, PlatformErrors, type FieldError } from '@bazaar/platform/errors';
import { InventoryErrors } from '../contract/inventory.errors.ts';
import type { StockShortage } from '../contract/reservation.schemas.ts';

/** Not enough stock for some lines; `shortages` names each SKU that is short, for the failure event. */
export class InsufficientStock extends AppError {
  readonly shortages: readonly StockShortage[];

  constructor(shortages: readonly StockShortage[]) {
    super(InventoryErrors.INSUFFICIENT_STOCK, `Not enough stock for ${shortages.map((s) => s.sku).join(', ')}`, {
      errors: shortages.map((s) => ({ path: `lines.${s.sku}`, message: `${s.requested} requested, ${s.available} available` })),
    });
    this.shortages = shortages;
  }
}

/** A command that breaks the rules: nothing is done, and the problems are named field by field. */
export function invalidReservation(errors: readonly FieldError[]): AppError {
  return new AppError(InventoryErrors.INVALID_RESERVATION, errors.map((e) => `${e.path} ${e.message}`).join('; '), { errors });
}

/** Input that a route would have refused, passed to a use case directly. */
export function invalidInput(errors: readonly FieldError[]): AppError {
  return new AppError(PlatformErrors.VALIDATION, errors.map((e) => `${e.path} ${e.message}`).join('; '), { errors });
}
