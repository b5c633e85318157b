import type { Broker } from '@bazaar/platform/messaging';

/** Takes a broker away from its clients and gives it back. */
export interface Outage {
  begin(): Promise<void>;
  end(): Promise<void>;
}

/**
 * For the in-process broker, which has no network to cut: while the outage lasts, publishes are refused,
 * as a broker that is down refuses them.
 */
export function refusingWhileDown(broker: Broker): { broker: Broker; outage: Outage } {
  let down = false;
  return {
    broker: {
      ...broker,
      kind: broker.kind,
      async publish(messages) {
        if (down) throw new Error('broker unavailable');
        await broker.publish(messages);
      },
      consume: (options, handler) => broker.consume(options, handler),
      check: () => broker.check(),
      close: () => broker.close(),
    },
    outage: {
      async begin() {
        down = true;
      },
      async end() {
        down = false;
      },
    },
  };
}
