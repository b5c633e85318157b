import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger, type Logger } from '../telemetry/logger.ts';
import type { TickResult } from './saga.orchestrator.ts';

export interface SagaRunnerOptions {
  /** Pause between ticks when nothing more is due (default 1 s). */
  readonly intervalMs?: number;
  readonly logger?: Logger;
}

export interface SagaRunner {
  start(): void;
  /** Stops ticking; resolves once a tick in progress has finished. */
  stop(): Promise<void>;
}

/**
 * Ticks an orchestrator until stopped: at once again while a full batch came back (a backlog drains without
 * waiting), otherwise after the interval. A failing tick (the database away) is logged and tried again later.
 */
export function createSagaRunner(orchestrator: { tick(): Promise<TickResult> }, options: SagaRunnerOptions = {}): SagaRunner {
  const intervalMs = options.intervalMs ?? 1_000;
  const logger = options.logger ?? createLogger('workflow', 'silent');
  let pause: AbortController | undefined;
  let loop: Promise<void> | undefined;
  let stopping = false;

  async function run() {
    while (!stopping) {
      try {
        if ((await orchestrator.tick()).more) continue;
      } catch (error) {
        logger.error({ err: error }, 'saga tick failed');
      }
      if (stopping) return;
      pause = new AbortController();
      await sleep(intervalMs, undefined, { signal: pause.signal }).catch(() => undefined);
    }
  }

  return {
    start() {
      if (loop) return;
      stopping = false;
      loop = run();
    },
    async stop() {
      stopping = true;
      pause?.abort();
      await loop;
      loop = undefined;
    },
  };
}
