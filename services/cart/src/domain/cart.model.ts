import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import { CartErrors } from '../contract/cart.errors.ts';
import { CartLimits } from '../contract/cart.limits.ts';

/** What catalog said about a product when it was put in the cart. */
export interface PriceSnapshot {
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly priceMinor: number;
  readonly currency: string;
}

/** One product in a cart; quantity is always within the line limits. */
export interface CartLine extends PriceSnapshot {
  readonly quantity: number;
}

/** A cart as it is stored: lines in the order they were first added. */
export interface Cart {
  readonly lines: readonly CartLine[];
  readonly updatedAt: string;
}

/** A cart nothing has been added to yet. */
export function emptyCart(now: Date): Cart {
  return { lines: [], updatedAt: now.toISOString() };
}

/** Adds units of a product; the line's snapshot is refreshed, and the sum may not pass the line limit. */
export function addLine(cart: Cart, snapshot: PriceSnapshot, quantity: number, now: Date): Result<Cart> {
  const existing = cart.lines.find((line) => line.productId === snapshot.productId);
  if (existing === undefined) {
    if (cart.lines.length >= CartLimits.maxLines) return fail(new AppError(CartErrors.TOO_MANY_LINES, `A cart holds at most ${CartLimits.maxLines} products`));
    return ok({ lines: [...cart.lines, { ...snapshot, quantity }], updatedAt: now.toISOString() });
  }
  const total = existing.quantity + quantity;
  if (total > CartLimits.maxQuantity) {
    return fail(new AppError(CartErrors.QUANTITY_TOO_LARGE, `The cart already holds ${existing.quantity}; a line holds at most ${CartLimits.maxQuantity}`));
  }
  return ok(replaceLine(cart, { ...snapshot, quantity: total }, now));
}

/** Sets a line's quantity; 0 removes the line. */
export function setQuantity(cart: Cart, productId: string, quantity: number, now: Date): Result<Cart> {
  const existing = cart.lines.find((line) => line.productId === productId);
  if (existing === undefined) return fail(new AppError(CartErrors.ITEM_NOT_FOUND));
  if (quantity === 0) return ok(removeLine(cart, productId, now));
  return ok(replaceLine(cart, { ...existing, quantity }, now));
}

/** Drops a product's line; a cart without it is returned unchanged but for the time. */
export function removeLine(cart: Cart, productId: string, now: Date): Cart {
  return { lines: cart.lines.filter((line) => line.productId !== productId), updatedAt: now.toISOString() };
}

/**
 * Folds an anonymous cart into a user's: quantities of the same product add up, capped at the line limit
 * (a merge at login must never fail), and the user's snapshot of a shared product wins. Every line of the
 * user is kept; anonymous lines for new products join in the order they were added while there is room.
 */
export function mergeCarts(user: Cart, anonymous: Cart, now: Date): Cart {
  const lines = [...user.lines];
  for (const line of anonymous.lines) {
    const index = lines.findIndex((existing) => existing.productId === line.productId);
    if (index >= 0) {
      const existing = lines[index]!;
      lines[index] = { ...existing, quantity: Math.min(CartLimits.maxQuantity, existing.quantity + line.quantity) };
    } else if (lines.length < CartLimits.maxLines) {
      lines.push(line);
    }
  }
  return { lines, updatedAt: now.toISOString() };
}

/** Money per currency: amounts in different currencies are never added together. */
export function totalsOf(cart: Cart): { currency: string; totalMinor: number; quantity: number }[] {
  const totals = new Map<string, { currency: string; totalMinor: number; quantity: number }>();
  for (const line of cart.lines) {
    const total = totals.get(line.currency) ?? { currency: line.currency, totalMinor: 0, quantity: 0 };
    total.totalMinor += line.priceMinor * line.quantity;
    total.quantity += line.quantity;
    totals.set(line.currency, total);
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

function replaceLine(cart: Cart, replacement: CartLine, now: Date): Cart {
  return { lines: cart.lines.map((line) => (line.productId === replacement.productId ? replacement : line)), updatedAt: now.toISOString() };
}
