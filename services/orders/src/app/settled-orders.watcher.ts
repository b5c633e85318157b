import type { Database } from '@bazaar/platform/db';
import { ORDER_SETTLED_CHANNEL } from '../store/order-stream.repository.ts';

/** One order being waited for. */
export interface SettledWatch {
  /** Resolves once the order may have settled (its notification, or the listener reconnecting), or after `ms`. */
  within(ms: number): Promise<void>;
  /** Stops watching without waiting. */
  cancel(): void;
}

/**
 * Wakes checkouts waiting for their saga to end, on whichever replica the saga ends: PostgreSQL notifies
 * `ORDER_SETTLED_CHANNEL` when an order's final event commits, and every replica listens.
 */
export interface SettledOrders {
  /** Starts watching `orderId`. Watch before looking at the order, so a commit between the look and the wait is not missed. */
  watch(orderId: string): SettledWatch;
  close(): Promise<void>;
}

export function watchSettledOrders(database: Pick<Database<unknown>, 'listen'>): SettledOrders {
  const waiting = new Map<string, Set<() => void>>();
  const wake = (orderId: string | undefined) => {
    // A reconnect (no payload) may have missed any notification: everyone looks again.
    const woken = orderId === undefined ? [...waiting.values()].flatMap((watchers) => [...watchers]) : [...(waiting.get(orderId) ?? [])];
    for (const wakeUp of woken) wakeUp();
  };
  const listener = database.listen(ORDER_SETTLED_CHANNEL, wake);

  return {
    watch(orderId) {
      let woken = false;
      let onWake: (() => void) | undefined;
      const wakeUp = () => {
        woken = true;
        onWake?.();
      };
      const watchers = waiting.get(orderId) ?? new Set<() => void>();
      watchers.add(wakeUp);
      waiting.set(orderId, watchers);
      const cancel = () => {
        watchers.delete(wakeUp);
        if (watchers.size === 0 && waiting.get(orderId) === watchers) waiting.delete(orderId);
      };
      return {
        async within(ms) {
          if (!woken) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, ms);
              onWake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
          }
          cancel();
        },
        cancel,
      };
    },
    close: () => listener.close(),
  };
}
