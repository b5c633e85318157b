import { propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { Message } from './message.envelope.ts';

const tracer = () => trace.getTracer('bazaar.messaging');

/**
 * Runs `work` in a consumer span that continues the producer's trace: the envelope's traceparent is both the
 * parent (one trace from the HTTP request to every consumer) and a link (as messaging conventions ask).
 */
export function inConsumerSpan<T>(consumer: string, message: Message, attempt: number, work: (span: Span) => Promise<T>): Promise<T> {
  const producer = message.traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent: message.traceparent }) : ROOT_CONTEXT;
  const producerSpan = trace.getSpanContext(producer);
  return tracer().startActiveSpan(
    `${message.type} process`,
    {
      kind: SpanKind.CONSUMER,
      links: producerSpan ? [{ context: producerSpan }] : [],
      attributes: {
        'messaging.operation.type': 'process',
        'messaging.destination.name': message.type,
        'messaging.consumer.group.name': consumer,
        'messaging.message.id': message.id,
        'messaging.message.conversation_id': message.correlationId,
        'bazaar.message.attempt': attempt,
      },
    },
    producer,
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
