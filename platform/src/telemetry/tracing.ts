import { context, propagation, trace, type Context, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { MemorySpanProcessor } from './memory-span-processor.ts';

export interface Tracing {
  /** Where spans go when no OTLP endpoint is configured (empty otherwise). */
  readonly memory: MemorySpanProcessor;
  /** Exports every ended span now (spans are otherwise exported in batches, off the request path). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

let installed: Tracing | undefined;

/**
 * Installs the process-wide tracer provider once: W3C trace-context propagation, and OTLP/HTTP export when
 * `otlpEndpoint` is set, otherwise a bounded in-memory buffer. Services in one process share it.
 */
export function installTracing(options: { processName: string; otlpEndpoint?: string | undefined }): Tracing {
  if (installed) return installed;
  const memory = new MemorySpanProcessor();
  const processors: SpanProcessor[] = options.otlpEndpoint
    ? [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces` }))]
    : [memory];
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.processName }),
    spanProcessors: processors,
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  installed = {
    memory,
    flush: () => provider.forceFlush(),
    async shutdown() {
      await provider.shutdown();
      installed = undefined;
    },
  };
  return installed;
}

export function tracerFor(service: string): Tracer {
  return trace.getTracer(`bazaar.${service}`);
}

/** The context carried by incoming headers (`traceparent`, `tracestate`). */
export function extractContext(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(context.active(), headers);
}

/** Writes the active context (or `from`) into outgoing headers, in place. */
export function injectContext<H extends Record<string, string | string[]>>(headers: H, from: Context = context.active()): H {
  propagation.inject(from, headers);
  return headers;
}
