/** One line of an order, with the price it was bought at. */
export interface OrderLine {
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly quantity: number;
  readonly unitPriceMinor: number;
  readonly currency: string;
}

export interface ShippingAddress {
  readonly name: string;
  readonly line1: string;
  readonly city: string;
  readonly postalCode: string;
  readonly country: string;
}

export interface OrderPlaced {
  readonly type: 'OrderPlaced';
  readonly orderId: string;
  readonly userId: string;
  /** The buyer's address as the order was placed, where its news goes; absent from orders placed before it was kept. */
  readonly email?: string;
  readonly lines: readonly OrderLine[];
  readonly totalMinor: number;
  readonly currency: string;
  readonly shippingAddress: ShippingAddress;
  readonly idempotencyKey: string;
}

export interface StockReserved {
  readonly type: 'StockReserved';
  readonly reservationId: string;
}

export interface PaymentAuthorized {
  readonly type: 'PaymentAuthorized';
  readonly paymentId: string;
}

export interface OrderConfirmed {
  readonly type: 'OrderConfirmed';
}

export interface PaymentCaptured {
  readonly type: 'PaymentCaptured';
  readonly paymentId: string;
}

export interface OrderCancelled {
  readonly type: 'OrderCancelled';
  readonly reason: string;
}

/** Everything that can happen to an order; the stream of these is the order. */
export type OrderEvent = OrderPlaced | StockReserved | PaymentAuthorized | OrderConfirmed | PaymentCaptured | OrderCancelled;
export type OrderEventType = OrderEvent['type'];
