import type { Attributes, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { hrTimeToMilliseconds } from '@opentelemetry/core';
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** A finished span as the in-memory buffer keeps it: what a trace is read by, without the SDK's span object. */
export interface RecordedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly name: string;
  readonly kind: SpanKind;
  /** Epoch milliseconds. */
  readonly startTime: number;
  readonly durationMs: number;
  readonly status: SpanStatusCode;
  readonly attributes: Attributes;
  /** The trace ids of the spans this one links to (a consumer's span links to its producer's). */
  readonly linkedTraceIds: readonly string[];
}

/**
 * Keeps the most recent finished spans in memory, dropping the oldest past `capacity`, so a process without an
 * OTLP collector still has its recent traces to inspect and never grows without bound. A span is recorded as it
 * ends, into a ring of compact records: the SDK's span object is let go at once instead of waiting in a batch
 * queue, so under load it dies young rather than being promoted to the old generation with everything it holds.
 */
export class MemorySpanProcessor implements SpanProcessor {
  private readonly ring: (RecordedSpan | undefined)[];
  private next = 0;
  private count = 0;

  constructor(capacity = 2000) {
    this.ring = new Array<RecordedSpan | undefined>(capacity);
  }

  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    const context = span.spanContext();
    this.ring[this.next] = {
      traceId: context.traceId,
      spanId: context.spanId,
      parentSpanId: span.parentSpanContext?.spanId,
      name: span.name,
      kind: span.kind,
      startTime: hrTimeToMilliseconds(span.startTime),
      durationMs: hrTimeToMilliseconds(span.duration),
      status: span.status.code,
      attributes: span.attributes,
      linkedTraceIds: span.links.length === 0 ? NO_LINKS : span.links.map((link) => link.context.traceId),
    };
    this.next = (this.next + 1) % this.ring.length;
    this.count = Math.min(this.count + 1, this.ring.length);
  }

  /** The retained spans, oldest first. */
  finished(): RecordedSpan[] {
    const capacity = this.ring.length;
    const first = (this.next - this.count + capacity) % capacity;
    return Array.from({ length: this.count }, (_, i) => this.ring[(first + i) % capacity]!);
  }

  /** Forgets every recorded span. */
  reset(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.count = 0;
  }

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {
    this.reset();
  }
}

const NO_LINKS: readonly string[] = Object.freeze([]);
