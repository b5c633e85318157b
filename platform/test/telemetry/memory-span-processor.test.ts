import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { MemorySpanProcessor } from '@bazaar/platform/telemetry';

function tracerRecordingTo(processor: MemorySpanProcessor) {
  return new BasicTracerProvider({ spanProcessors: [processor] }).getTracer('test');
}

describe('MemorySpanProcessor', () => {
  it('records finished spans oldest first, as soon as they end', () => {
    const processor = new MemorySpanProcessor(10);
    const tracer = tracerRecordingTo(processor);
    for (const name of ['a', 'b', 'c']) tracer.startSpan(name).end();
    expect(processor.finished().map((span) => span.name)).toEqual(['a', 'b', 'c']);
  });

  it('keeps what a trace is read by: ids, parent, kind, timing, status, attributes and links', () => {
    const processor = new MemorySpanProcessor(10);
    const tracer = tracerRecordingTo(processor);
    const producer = tracer.startSpan('publish');
    producer.end();
    const parent = tracer.startSpan('GET /products/:id', { kind: SpanKind.SERVER, attributes: { 'http.route': '/products/:id' } });
    const child = tracer.startSpan('SELECT', { links: [{ context: producer.spanContext() }] }, trace.setSpan(context.active(), parent));
    child.setStatus({ code: SpanStatusCode.ERROR });
    child.end();
    parent.end();
    const [, recordedChild, recordedParent] = processor.finished();
    expect(recordedParent).toMatchObject({
      name: 'GET /products/:id',
      kind: SpanKind.SERVER,
      parentSpanId: undefined,
      spanId: parent.spanContext().spanId,
      attributes: { 'http.route': '/products/:id' },
    });
    expect(recordedChild).toMatchObject({
      traceId: parent.spanContext().traceId,
      parentSpanId: parent.spanContext().spanId,
      status: SpanStatusCode.ERROR,
      linkedTraceIds: [producer.spanContext().traceId],
    });
    expect(recordedChild!.startTime).toBeGreaterThan(Date.now() - 60_000);
    expect(recordedChild!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('drops the oldest spans past its capacity', () => {
    const processor = new MemorySpanProcessor(3);
    const tracer = tracerRecordingTo(processor);
    for (const name of ['s1', 's2', 's3', 's4', 's5']) tracer.startSpan(name).end();
    expect(processor.finished().map((span) => span.name)).toEqual(['s3', 's4', 's5']);
    for (const name of ['s6', 's7']) tracer.startSpan(name).end();
    expect(processor.finished().map((span) => span.name)).toEqual(['s5', 's6', 's7']);
  });

  it('forgets everything on reset, and records again after', () => {
    const processor = new MemorySpanProcessor(3);
    const tracer = tracerRecordingTo(processor);
    tracer.startSpan('gone').end();
    processor.reset();
    expect(processor.finished()).toEqual([]);
    tracer.startSpan('new').end();
    expect(processor.finished().map((span) => span.name)).toEqual(['new']);
  });
});
