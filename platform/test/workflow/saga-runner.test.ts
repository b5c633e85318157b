import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Kysely } from '@bazaar/platform/db';
import { createLogger } from '@bazaar/platform/telemetry';
import { createSagaRunner, type TickResult } from '@bazaar/platform/workflow';
import { manualClock } from './support/manual.clock.ts';
import type { ShopTables } from './support/shop.tables.ts';
import { nextOrderId, openShopDatabase, sagaOf, shopOrchestrator } from './support/workflow.harness.ts';

let db: Kysely<ShopTables>;
let close: () => Promise<void>;
const clock = manualClock();

beforeAll(async () => {
  ({ db, close } = await openShopDatabase());
});
afterAll(() => close());

const idle: TickResult = { processed: 0, failed: 0, more: false };

/** A ticker that answers from a script and counts its calls. */
function scriptedTicker(next: (call: number) => Promise<TickResult>) {
  const ticker = { calls: 0, tick: () => next(++ticker.calls) };
  return ticker;
}

describe('the saga runner', () => {
  it('ticks the orchestrator on its own, so a passed deadline is handled without anyone asking', async () => {
    const orchestrator = shopOrchestrator(db, clock);
    const orderId = nextOrderId();
    await orchestrator.start(db, 'shop-checkout', orderId, { orderId, amount: 1 });
    clock.advance(5_000);

    const runner = createSagaRunner(orchestrator, { intervalMs: 20 });
    runner.start();
    try {
      await vi.waitFor(async () => expect((await sagaOf(orchestrator, orderId)).status).toBe('compensating'), { timeout: 10_000 });
    } finally {
      await runner.stop();
    }
  });

  it('ticks again at once while a full batch came back, and waits the interval otherwise', async () => {
    const ticker = scriptedTicker(async (call) => ({ processed: 5, failed: 0, more: call <= 3 }));
    const runner = createSagaRunner(ticker, { intervalMs: 60_000 });
    runner.start();
    await vi.waitFor(() => expect(ticker.calls).toBe(4), { timeout: 10_000 });
    await runner.stop();
    expect(ticker.calls).toBe(4);
  });

  it('logs a failing tick and keeps going', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger('workflow-test', 'error', { write: (line: string) => void lines.push(JSON.parse(line)) });
    const ticker = scriptedTicker(async (call) => {
      if (call === 1) throw new Error('connection refused');
      return idle;
    });
    const runner = createSagaRunner(ticker, { intervalMs: 10, logger });
    runner.start();
    await vi.waitFor(() => expect(ticker.calls).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
    await runner.stop();
    expect(lines.map((line) => [line['msg'], (line['err'] as { message?: string } | undefined)?.message])).toEqual([['saga tick failed', 'connection refused']]);
  });

  it('on stop, lets the tick in progress finish and starts no other', async () => {
    let finishTick: (result: TickResult) => void = () => {};
    const ticker = scriptedTicker((call) => (call === 1 ? new Promise<TickResult>((resolve) => (finishTick = resolve)) : Promise.resolve(idle)));
    const runner = createSagaRunner(ticker, { intervalMs: 10 });
    runner.start();
    await vi.waitFor(() => expect(ticker.calls).toBe(1));

    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await sleep(50);
    expect(stopped).toBe(false);
    finishTick({ processed: 1, failed: 0, more: true });
    await stopping;
    await sleep(50);
    expect(ticker.calls).toBe(1);
  });

  it('stops at once while waiting out its interval', async () => {
    const ticker = scriptedTicker(async () => idle);
    const runner = createSagaRunner(ticker, { intervalMs: 600_000 });
    runner.start();
    await vi.waitFor(() => expect(ticker.calls).toBe(1));
    const started = Date.now();
    await runner.stop();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
