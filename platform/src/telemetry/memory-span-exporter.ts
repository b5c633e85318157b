import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/**
 * Keeps the most recent spans in memory, dropping the oldest past `capacity`, so a process without an
 * OTLP collector still has its recent traces to inspect and never grows without bound.
 */
export class BoundedMemorySpanExporter implements SpanExporter {
  private readonly spans: ReadableSpan[] = [];
  private readonly capacity: number;

  constructor(capacity = 2000) {
    this.capacity = capacity;
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.spans.push(...spans);
    const excess = this.spans.length - this.capacity;
    if (excess > 0) this.spans.splice(0, excess);
    resultCallback({ code: ExportResultCode.SUCCESS });
  }

  /** The retained spans, oldest first. */
  finished(): readonly ReadableSpan[] {
    return this.spans;
  }

  reset(): void {
    this.spans.length = 0;
  }

  async shutdown(): Promise<void> {
    this.reset();
  }

  async forceFlush(): Promise<void> {}
}
