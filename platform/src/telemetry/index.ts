export { createLogger, type Logger } from './logger.ts';
export { createMetrics, type ServiceMetrics } from './metrics.ts';
export { installTracing, tracerFor, extractContext, injectContext, type Tracing } from './tracing.ts';
export { BoundedMemorySpanExporter } from './memory-span-exporter.ts';
