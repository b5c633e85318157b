import type { Database } from '@bazaar/platform/db';
import { ORDER_SETTLED_CHANNEL } from '../store/order-stream.repository.ts';

/** One order being waited for. */
export interface SettledWatch {
  /**
   * Resolves true once the order's own notification says it settled; false when it may have (the listener
   * reconnected, and could have missed it) or after `ms`.
   */
  within(ms: number): Promise<boolean>;
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
  const waiting = new Map<string, Set<(settled: boolean) => void>>();
  const wake = (orderId: string | undefined) => {
    // A reconnect (no payload) may have missed any notification: everyone looks again.
    if (orderId === undefined) for (const wakeUp of [...waiting.values()].flatMap((watchers) => [...watchers])) wakeUp(false);
    else for (const wakeUp of [...(waiting.get(orderId) ?? [])]) wakeUp(true);
  };
  const listener = database.listen(ORDER_SETTLED_CHANNEL, wake);

  return {
    watch(orderId) {
      let woken: boolean | undefined;
      let onWake: (() => void) | undefined;
      const wakeUp = (settled: boolean) => {
        woken = settled;
        onWake?.();
      };
      const watchers = waiting.get(orderId) ?? new Set<(settled: boolean) => void>();
      watchers.add(wakeUp);
      waiting.set(orderId, watchers);
      const cancel = () => {
        watchers.delete(wakeUp);
        if (watchers.size === 0 && waiting.get(orderId) === watchers) waiting.delete(orderId);
      };
      return {
        async within(ms) {
          if (woken === undefined) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, ms);
              onWake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
          }
          cancel();
          return woken === true;
        },
        cancel,
      };
    },
    close: () => listener.close(),
  };
}
