/** The data of the test shop's checkout saga; steps add what their undos will need. */
export interface ShopOrder {
  readonly orderId: string;
  readonly amount: number;
  readonly reservationId?: string;
  readonly authorizationId?: string;
  readonly captureId?: string;
  readonly confirmed?: boolean;
}

/** The reason a failure reply carries, or its type when it carries none. */
export function reasonOf(reply: { type: string; payload: unknown }): string {
  const reason = (reply.payload as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' ? reason : reply.type;
}
