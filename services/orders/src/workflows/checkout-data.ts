/** What the checkout saga carries from step to step; steps add what their undos and later steps need. */
export interface CheckoutData {
  readonly orderId: string;
  readonly userId: string;
  readonly lines: readonly { readonly sku: string; readonly quantity: number }[];
  readonly totalMinor: number;
  readonly currency: string;
  /** Needed until the authorization; cleared then, so the saga's stored data keeps no card token longer than needed. */
  readonly paymentToken: string;
  readonly reservationId?: string;
  readonly paymentId?: string;
}

/** How long each kind of wait lasts before the saga compensates (or retries an undo). */
export interface CheckoutTimeouts {
  readonly stepMs: number;
  readonly undoMs: number;
}

/** The reason a failure reply carries, or its type when it carries none. */
export function reasonOf(reply: { type: string; payload: unknown }): string {
  const reason = (reply.payload as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' ? reason : `unexpected reply ${reply.type}`;
}
