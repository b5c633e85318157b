import { newId } from '@bazaar/platform/ids';
import { OrderCancelled, OrderConfirmed, UserRegistered } from '@bazaar/notifications/contract';

/** A fresh user id. */
export const userId = (): string => newId('usr');

export function userRegistered(user: string, email = 'ada@example.com', name = 'Ada') {
  return UserRegistered.create({ userId: user, email, name });
}

export function orderConfirmed(user: string, extra: { email?: string; totalMinor?: number } = {}) {
  return OrderConfirmed.create({ orderId: newId('ord'), userId: user, totalMinor: extra.totalMinor ?? 4_990, currency: 'EUR', ...(extra.email ? { email: extra.email } : {}) });
}

export function orderCancelled(user: string, extra: { email?: string; reason?: string } = {}) {
  return OrderCancelled.create({
    orderId: newId('ord'),
    userId: user,
    totalMinor: 1_250,
    currency: 'EUR',
    ...(extra.email ? { email: extra.email } : {}),
    reason: extra.reason ?? 'The card was declined',
  });
}
