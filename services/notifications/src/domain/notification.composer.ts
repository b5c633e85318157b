import type { NotificationKind } from '../contract/notification.schemas.ts';

/** What a user is told, in the inbox and by e-mail alike. */
export interface ComposedNotification {
  readonly kind: NotificationKind;
  readonly subject: string;
  readonly body: string;
  readonly orderId: string | null;
}

// Building a number format is costly next to using one: one per currency, made on first use.
const formats = new Map<string, { format: Intl.NumberFormat; digits: number }>();

/** A sum in minor units shown in its currency's own precision (JPY has none, EUR two, KWD three). */
export function formatMoney(totalMinor: number, currency: string): string {
  let known = formats.get(currency);
  if (!known) {
    const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    known = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    formats.set(currency, known);
  }
  return known.format.format(totalMinor / 10 ** known.digits);
}

export function composeWelcome(name: string): ComposedNotification {
  return {
    kind: 'welcome',
    subject: 'Welcome to Bazaar',
    body: `Hello ${name},\n\nyour Bazaar account is ready. Happy shopping!\n`,
    orderId: null,
  };
}

export function composeOrderConfirmed(order: { orderId: string; totalMinor: number; currency: string }): ComposedNotification {
  return {
    kind: 'order-confirmed',
    subject: `Your order ${order.orderId} is confirmed`,
    body: `Thank you for your order.\n\nOrder ${order.orderId} is confirmed and paid: ${formatMoney(order.totalMinor, order.currency)}.\n`,
    orderId: order.orderId,
  };
}

export function composeOrderCancelled(order: { orderId: string; totalMinor: number; currency: string; reason?: string }): ComposedNotification {
  const reason = order.reason ? ` Reason: ${order.reason}.` : '';
  return {
    kind: 'order-cancelled',
    subject: `Your order ${order.orderId} was cancelled`,
    body:
      `Order ${order.orderId} (${formatMoney(order.totalMinor, order.currency)}) was cancelled.${reason}\n\n` +
      'Nothing was charged; any amount held on your card is released.\n',
    orderId: order.orderId,
  };
}
