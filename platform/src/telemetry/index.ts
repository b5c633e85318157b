export { createLogger, type Logger } from './logger.ts';
export { createMetrics, type ServiceMetrics } from './metrics.ts';
export { installTracing, tracerFor, extractContext, injectContext, type Tracing } from './tracing.ts';
export { MemorySpanProcessor, type RecordedSpan } from './memory-span-processor.ts';
