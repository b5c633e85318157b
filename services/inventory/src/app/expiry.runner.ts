import type { Logger } from '@bazaar/platform/telemetry';

/** A background loop that can be stopped cleanly. */
export interface Runner {
  /** No new run starts after this; resolves once the run in progress, if any, has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `sweep` every `intervalMs`, measured from the end of the previous run so runs never overlap. A
 * failed run is logged and the next one comes on schedule: a database blip must not end expiry for good.
 */
export function startExpiryRunner(options: { intervalMs: number; sweep: () => Promise<unknown>; logger: Logger }): Runner {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(run, options.intervalMs);
    // The service's close stops the runner; a pending timer alone must not keep a process alive.
    timer.unref();
  };
  const run = () => {
    running = options
      .sweep()
      .then(
        () => undefined,
        (error: unknown) => options.logger.error({ err: error }, 'expiring reservations failed'),
      )
      .finally(() => {
        running = undefined;
        schedule();
      });
  };

  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
