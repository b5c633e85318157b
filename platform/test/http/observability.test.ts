import { SpanKind } from '@opentelemetry/api';
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createService, type Service } from '@bazaar/platform/http';
import { createLogger, installTracing } from '@bazaar/platform/telemetry';
import { testLogger } from '@bazaar/platform/testing';

// One tracer provider per process, as in a real placement; spans land in its in-memory buffer.
const tracing = installTracing({ processName: 'platform-http-test' });

let service: Service;
let databaseUp = true;

beforeAll(async () => {
  service = await createService({ name: 'observed', logger: testLogger('observed') });
  service.addReadinessCheck({ name: 'cache', check: async () => {} });
  service.addReadinessCheck({
    name: 'postgres',
    check: async () => {
      if (!databaseUp) throw new Error('connection refused');
    },
  });
  service.app.get('/products/:id', { schema: { params: Type.Object({ id: Type.String() }) } }, async (request) => ({
    id: request.params.id,
  }));
  await service.app.ready();
});

afterAll(async () => {
  await service.close();
  await tracing.shutdown();
});

describe('health probes', () => {
  it('answers /healthz with 200', async () => {
    const response = await service.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 when every check passes', async () => {
    databaseUp = true;
    const response = await service.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ready',
      checks: [
        { name: 'cache', ok: true },
        { name: 'postgres', ok: true },
      ],
      pid: process.pid,
      uptimeSeconds: expect.any(Number),
    });
  });

  it('answers /readyz with 503 naming the failing check', async () => {
    databaseUp = false;
    const response = await service.app.inject({ method: 'GET', url: '/readyz' });
    databaseUp = true;
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      status: 'not-ready',
      checks: [
        { name: 'cache', ok: true },
        { name: 'postgres', ok: false },
      ],
    });
    expect(response.body).not.toContain('connection refused');
  });
});

describe('metrics', () => {
  it('counts requests by route template, not by raw URL', async () => {
    await service.app.inject({ method: 'GET', url: '/products/prd_8f3k2' });
    await service.app.inject({ method: 'GET', url: '/products/prd_9x1yz' });
    await service.app.inject({ method: 'GET', url: '/no/such/page_77q' });
    const response = await service.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const line = response.body
      .split('\n')
      .find((l) => l.startsWith('http_server_requests_total{') && l.includes('route="/products/:id"'));
    expect(line).toBeDefined();
    expect(line).toContain('method="GET"');
    expect(line).toContain('status_code="200"');
    expect(line).toContain('service="observed"');
    expect(line).toMatch(/ 2$/);
    expect(response.body).not.toContain('prd_8f3k2');
    expect(response.body).not.toContain('page_77q');
    expect(response.body).toContain('http_server_request_duration_seconds_bucket');
  });
});

describe('request ids', () => {
  it('echoes a well-formed incoming x-request-id', async () => {
    const response = await service.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'gw-1234.abc:7' } });
    expect(response.headers['x-request-id']).toBe('gw-1234.abc:7');
  });

  it.each([['has spaces and <script>'], ['x'.repeat(200)]])('replaces a malformed x-request-id (%#)', async (incoming) => {
    const response = await service.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': incoming } });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives every request an id of its own when none is sent', async () => {
    const first = await service.app.inject({ method: 'GET', url: '/healthz' });
    const second = await service.app.inject({ method: 'GET', url: '/healthz' });
    expect(first.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
  });
});

describe('tracing', () => {
  it('continues the trace of an incoming traceparent in a server span', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parentSpanId = '00f067aa0ba902b7';
    await service.app.inject({
      method: 'GET',
      url: '/products/prd_1',
      headers: { traceparent: `00-${traceId}-${parentSpanId}-01` },
    });
    await tracing.flush();
    const span = await vi.waitFor(() => {
      const found = tracing.memory.finished().find((s) => s.traceId === traceId);
      if (!found) throw new Error('no span of the trace yet');
      return found;
    });
    expect(span.kind).toBe(SpanKind.SERVER);
    expect(span.name).toBe('GET /products/:id');
    expect(span.parentSpanId).toBe(parentSpanId);
    expect(span.attributes['http.response.status_code']).toBe(200);
  });

  it('starts a new trace when the request carries none', async () => {
    const before = new Set(tracing.memory.finished().map((s) => s.traceId));
    await service.app.inject({ method: 'GET', url: '/products/prd_2' });
    await tracing.flush();
    const span = await vi.waitFor(() => {
      const found = tracing.memory.finished().find((s) => !before.has(s.traceId) && s.name === 'GET /products/:id');
      if (!found) throw new Error('no new span yet');
      return found;
    });
    expect(span.parentSpanId).toBeUndefined();
  });
});

describe('request logs', () => {
  it('names the request and its trace on the line of a failed or rejected request', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger('logged', 'info', { write: (line: string) => void lines.push(JSON.parse(line)) });
    const logged = await createService({ name: 'logged', logger });
    logged.app.get('/broken', async () => {
      throw new Error('disk on fire');
    });
    logged.app.get('/items/:id', { schema: { params: Type.Object({ id: Type.String({ pattern: '^itm_' }) }) } }, async () => ({}));
    await logged.app.ready();
    try {
      await logged.app.inject({ method: 'GET', url: '/broken', headers: { 'x-request-id': 'req-broken-1' } });
      await logged.app.inject({ method: 'GET', url: '/items/nope', headers: { 'x-request-id': 'req-rejected-1' } });
    } finally {
      await logged.close();
    }

    const failed = lines.find((line) => line['msg'] === 'request failed');
    expect(failed).toMatchObject({ service: 'logged', level: 50, requestId: 'req-broken-1', traceId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(failed?.['err']).toMatchObject({ message: 'disk on fire' });
    expect(lines.find((line) => line['msg'] === 'request rejected')).toMatchObject({ status: 400, requestId: 'req-rejected-1' });
  });
});
