import { ExportResultCode } from '@opentelemetry/core';
import { BasicTracerProvider, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { BoundedMemorySpanExporter } from '@bazaar/platform/telemetry';

function tracerExportingTo(exporter: BoundedMemorySpanExporter) {
  return new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).getTracer('test');
}

describe('BoundedMemorySpanExporter', () => {
  it('keeps finished spans oldest first', () => {
    const exporter = new BoundedMemorySpanExporter(10);
    const tracer = tracerExportingTo(exporter);
    for (const name of ['a', 'b', 'c']) tracer.startSpan(name).end();
    expect(exporter.finished().map((span) => span.name)).toEqual(['a', 'b', 'c']);
  });

  it('drops the oldest spans past its capacity', () => {
    const exporter = new BoundedMemorySpanExporter(3);
    const tracer = tracerExportingTo(exporter);
    for (const name of ['s1', 's2', 's3', 's4', 's5']) tracer.startSpan(name).end();
    expect(exporter.finished().map((span) => span.name)).toEqual(['s3', 's4', 's5']);
  });

  it('drops the oldest spans when one batch alone exceeds its capacity', () => {
    const exporter = new BoundedMemorySpanExporter(2);
    const spans = ['x1', 'x2', 'x3'].map((name) => {
      const span = tracerExportingTo(new BoundedMemorySpanExporter()).startSpan(name);
      span.end();
      // The SDK's spans are readable spans too; the API type just does not say so.
      return span as unknown as ReadableSpan;
    });
    let result: ExportResultCode | undefined;
    exporter.export(spans, (r) => (result = r.code));
    expect(result).toBe(ExportResultCode.SUCCESS);
    expect(exporter.finished().map((span) => span.name)).toEqual(['x2', 'x3']);
  });

  it('forgets everything on reset', () => {
    const exporter = new BoundedMemorySpanExporter(3);
    tracerExportingTo(exporter).startSpan('gone').end();
    exporter.reset();
    expect(exporter.finished()).toEqual([]);
  });
});
