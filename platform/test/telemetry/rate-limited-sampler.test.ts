import { setTimeout as sleep } from 'node:timers/promises';
import { context, propagation, trace } from '@opentelemetry/api';
import { afterAll, describe, expect, it } from 'vitest';
import { installTracing, tracerFor } from '@bazaar/platform/telemetry';

const tracing = installTracing({ processName: 'rate-limited-sampler-test', tracesPerSecond: 4 });
const tracer = tracerFor('sampler-test');

afterAll(() => tracing.shutdown());

/** Starts and ends `count` new traces at once; how many of them were recorded. */
function recordedOf(count: number): number {
  let recorded = 0;
  for (let i = 0; i < count; i++) {
    const span = tracer.startSpan('root');
    if (span.isRecording()) recorded++;
    span.end();
  }
  return recorded;
}

describe('the default sampler', () => {
  it('records new traces up to its rate, drops the rest, and records again as time refills it', async () => {
    expect(recordedOf(10)).toBe(4);
    await sleep(600);
    // Half a second at 4 a second: two more (the third arrives a little later).
    expect(recordedOf(10)).toBeGreaterThanOrEqual(2);
    expect(recordedOf(10)).toBe(0);
  });

  it('records the spans of a recorded trace whatever the rate, and none of a dropped one', () => {
    recordedOf(10);
    const sampledParent = propagation.extract(context.active(), { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
    const droppedParent = propagation.extract(context.active(), { traceparent: '00-0af7651916cd43dd8448eb211c80319d-b7ad6b7169203332-00' });
    const child = tracer.startSpan('child', {}, sampledParent);
    const orphan = tracer.startSpan('child', {}, droppedParent);
    expect(child.isRecording()).toBe(true);
    expect(orphan.isRecording()).toBe(false);
    const grandchild = tracer.startSpan('grandchild', {}, trace.setSpan(sampledParent, child));
    expect(grandchild.isRecording()).toBe(true);
    for (const span of [grandchild, child, orphan]) span.end();
  });

  it('keeps what it recorded in the in-memory buffer, with the trace ids a caller sees', () => {
    tracing.memory.reset();
    const parent = propagation.extract(context.active(), { traceparent: '00-1af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
    tracer.startSpan('kept', {}, parent).end();
    expect(tracing.memory.finished().map((span) => [span.name, span.traceId])).toEqual([['kept', '1af7651916cd43dd8448eb211c80319c']]);
  });
});
