import pg from 'pg';
import type { Logger } from '../telemetry/logger.ts';

/** A LISTEN on one channel, kept up until closed. */
export interface Listener {
  close(): Promise<void>;
}

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 30_000;

/**
 * Called with a notification's payload, or with undefined when the listener has just (re)connected: anything
 * notified while it was away is lost, so whoever waits should look again.
 */
export type OnNotify = (payload: string | undefined) => void;

/**
 * Calls `onNotify` for every `NOTIFY` on `channel`, which PostgreSQL delivers only when the notifying
 * transaction commits. The listener holds a connection of its own (outside the pool) and reconnects after a
 * failure; it also calls `onNotify(undefined)` once each time it is connected.
 */
export function listen(options: { connectionString: string; channel: string; logger: Logger; onNotify: OnNotify }): Listener {
  const log = options.logger.child({ component: 'db-listener', channel: options.channel });
  let client: pg.Client | undefined;
  let closed = false;
  let delay = RECONNECT_MIN_MS;
  let retry: NodeJS.Timeout | undefined;

  const reconnectLater = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, delay);
    retry.unref();
    delay = Math.min(RECONNECT_MAX_MS, delay * 2);
  };

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: options.connectionString, application_name: `listen:${options.channel}` });
    next.on('notification', (message) => {
      if (message.channel === options.channel) options.onNotify(message.payload);
    });
    next.on('error', (error) => {
      log.warn({ err: error }, 'listening connection failed; reconnecting');
      void next.end().catch(() => undefined);
      if (client === next) client = undefined;
      reconnectLater();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(options.channel)}`);
    } catch (error) {
      log.warn({ err: error }, 'could not listen; retrying');
      await next.end().catch(() => undefined);
      reconnectLater();
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    delay = RECONNECT_MIN_MS;
    options.onNotify(undefined);
  }

  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
