import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, installTracing, tracerFor } from '@bazaar/platform/telemetry';

const tracing = installTracing({ processName: 'platform-telemetry-test' });
afterAll(() => tracing.shutdown());

/** A logger writing into an array, one parsed JSON object per line. */
function capturedLogger(service: string) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(service, 'info', { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes JSON lines that carry the service name and no trace id outside a span', () => {
    const { logger, lines } = capturedLogger('catalog');
    logger.info({ productId: 'prd_1' }, 'product read');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ service: 'catalog', msg: 'product read', productId: 'prd_1', level: 30 });
    expect(lines[0]).not.toHaveProperty('traceId');
  });

  it('adds the trace and span ids of the active span', () => {
    const { logger, lines } = capturedLogger('orders');
    const ids = tracerFor('orders').startActiveSpan('place order', (span) => {
      logger.info('order placed');
      span.end();
      return span.spanContext();
    });
    expect(ids.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(lines[0]).toMatchObject({ service: 'orders', traceId: ids.traceId, spanId: ids.spanId });
  });

  it('keeps lines below its level out', () => {
    const { logger, lines } = capturedLogger('cart');
    logger.debug('noise');
    logger.warn('signal');
    expect(lines.map((line) => line['msg'])).toEqual(['signal']);
  });

  it('redacts passwords, tokens and the authorization header', () => {
    const { logger, lines } = capturedLogger('identity');
    logger.info({ body: { password: 'hunter2', refreshToken: 'rt' }, req: { headers: { authorization: 'Bearer abc' } } }, 'login');
    const line = JSON.stringify(lines[0]);
    expect(line).not.toContain('hunter2');
    expect(line).not.toContain('Bearer abc');
    expect(lines[0]).toMatchObject({ body: { password: '[redacted]', refreshToken: '[redacted]' } });
  });
});
