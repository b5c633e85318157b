import { setTimeout as sleep } from 'node:timers/promises';
import { context, trace } from '@opentelemetry/api';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import {
  createServiceClient,
  createServiceClients,
  TransportError,
  WHOLE_BODY_BYTES,
  type ServiceClient,
  type ServiceClientOptions,
} from '../../src/http/index.ts';
import { installTracing, tracerFor, type Tracing } from '../../src/telemetry/index.ts';
import { discoveryOf, startUpstream, type Upstream } from './upstream.ts';

let upstream: Upstream;
let tracing: Tracing;
const clients: { close(): Promise<void> }[] = [];

beforeAll(() => {
  tracing = installTracing({ processName: 'service-client-test' });
});

afterAll(async () => {
  await tracing.shutdown();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await upstream?.close();
});

async function clientFor(options: Partial<ServiceClientOptions> = {}): Promise<ServiceClient> {
  upstream = await startUpstream('catalog');
  const client = createServiceClient({ service: 'catalog', discovery: discoveryOf(() => [upstream.url]), retryDelayMs: 5, ...options });
  clients.push(client);
  return client;
}

function expectTransportError(code: string) {
  return expect.objectContaining({ name: 'TransportError', code });
}

describe('the service client', () => {
  it('returns an upstream JSON answer with its status and headers', async () => {
    const client = await clientFor();
    upstream.answer((_request, reply) => reply.status(201).header('x-thing', 'yes').send({ id: 'prd_1' }));
    const response = await client.request<{ id: string }>({ method: 'POST', path: '/api/products', body: { name: 'Lamp' } });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: 'prd_1' });
    expect(response.headers['x-thing']).toBe('yes');
    expect(upstream.seen[0]!.body).toBe('{"name":"Lamp"}');
    expect(upstream.seen[0]!.headers['content-type']).toBe('application/json');
  });

  it("returns an upstream's own 4xx as an answer, not as an error", async () => {
    const client = await clientFor();
    upstream.answer((_request, reply) => reply.status(404).type('application/problem+json').send({ code: 'CATALOG.NOT_FOUND' }));
    const response = await client.request({ method: 'GET', path: '/api/products/prd_x' });
    expect(response).toMatchObject({ status: 404, body: { code: 'CATALOG.NOT_FOUND' } });
    expect(upstream.seen.length).toBe(1);
  });

  it('retries an idempotent call on 503 and gives up after two retries', async () => {
    const client = await clientFor();
    upstream.answer((_request, reply) => reply.status(503).send({}));
    await expect(client.request({ method: 'GET', path: '/api/products' })).rejects.toMatchObject({ code: 'PLATFORM.UNAVAILABLE' });
    expect(upstream.seen.length).toBe(3);
  });

  it('succeeds when a retry gets through', async () => {
    const client = await clientFor();
    upstream.answer((_request, reply) => (upstream.seen.length < 3 ? reply.status(504).send({}) : reply.send({ ok: true })));
    expect(await client.request({ method: 'PUT', path: '/api/inventory/sku_1', body: { onHand: 3 } })).toMatchObject({ status: 200 });
    expect(upstream.seen.length).toBe(3);
  });

  it('never retries a POST without an Idempotency-Key', async () => {
    const client = await clientFor();
    upstream.answer((_request, reply) => reply.status(503).send({}));
    await expect(client.request({ method: 'POST', path: '/api/orders', body: {} })).rejects.toMatchObject({ status: 503 });
    expect(upstream.seen.length).toBe(1);
  });

  it('retries a POST that carries an Idempotency-Key, or that the caller marks idempotent', async () => {
    const client = await clientFor();
    upstream.answer((_request, reply) => reply.status(429).send({}));
    await client.request({ method: 'POST', path: '/api/checkout', body: {}, headers: { 'Idempotency-Key': 'k1' } });
    expect(upstream.seen.length).toBe(3);
    await client.request({ method: 'POST', path: '/api/search', body: {}, idempotent: true });
    expect(upstream.seen.length).toBe(6);
  });

  it('does not retry an answer that retrying cannot fix (500, 4xx)', async () => {
    const client = await clientFor();
    upstream.answer((_request, reply) => reply.status(500).send({}));
    await expect(client.request({ method: 'GET', path: '/api/products' })).rejects.toMatchObject({ code: 'PLATFORM.BAD_GATEWAY' });
    expect(upstream.seen.length).toBe(1);
  });

  it('gives up on a slow upstream with PLATFORM.UPSTREAM_TIMEOUT at the per-call timeout', async () => {
    const client = await clientFor({ timeoutMs: 100, retries: 0 });
    upstream.answer(async () => {
      await sleep(1_000);
      return { late: true };
    });
    const started = Date.now();
    const failure = await client.request({ method: 'GET', path: '/slow' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TransportError);
    expect(failure).toMatchObject({ code: 'PLATFORM.UPSTREAM_TIMEOUT', status: 504, failure: 'timeout' });
    expect(Date.now() - started).toBeLessThan(800);
  });

  it('gives up on an answer whose body stalls after its headers, and retries it as a timeout', async () => {
    const client = await clientFor({ timeoutMs: 150, retries: 1 });
    upstream.answer((_request, reply) => {
      reply.raw.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      reply.raw.write('{"partial":');
      return reply.hijack();
    });
    const started = Date.now();
    const failure = await client.request({ method: 'GET', path: '/stalls' }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'TransportError', failure: 'timeout', code: 'PLATFORM.UPSTREAM_TIMEOUT' });
    expect(upstream.seen.length).toBe(2);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(client.instances()[0]!.inFlight).toBe(0);
  });

  it('stops at the caller’s deadline even when retries remain, and forwards the deadline downstream', async () => {
    const client = await clientFor({ timeoutMs: 1_000 });
    upstream.answer(async () => {
      await sleep(1_000);
      return {};
    });
    const deadline = Date.now() + 200;
    const started = Date.now();
    await expect(client.request({ method: 'GET', path: '/slow', deadline })).rejects.toEqual(expectTransportError('PLATFORM.UPSTREAM_TIMEOUT'));
    expect(Date.now() - started).toBeLessThan(800);
    expect(upstream.seen.length).toBe(1);
    expect(upstream.seen[0]!.headers['x-request-deadline']).toBe(String(deadline));
  });

  it('does not call at all when the deadline has already passed', async () => {
    const client = await clientFor();
    await expect(client.request({ method: 'GET', path: '/x', deadline: Date.now() - 1 })).rejects.toEqual(expectTransportError('PLATFORM.UPSTREAM_TIMEOUT'));
    expect(upstream.seen.length).toBe(0);
  });

  it('reports an unreachable service as PLATFORM.UNAVAILABLE', async () => {
    const client = await clientFor({ retries: 1 });
    await upstream.close();
    await expect(client.request({ method: 'GET', path: '/x' })).rejects.toEqual(expectTransportError('PLATFORM.UNAVAILABLE'));
  });

  it('opens the circuit after five consecutive failures and then fails fast without calling', async () => {
    const registry = new Registry();
    const client = await clientFor({ registry, halfOpenAfterMs: 300, balancing: { failureThreshold: 100 } });
    upstream.answer((_request, reply) => reply.status(500).send({}));
    const post = { method: 'POST', path: '/api/orders', body: '{}', headers: { 'content-type': 'application/json' } };
    for (let i = 0; i < 5; i++) {
      const response = await client.forward(post);
      expect(Buffer.isBuffer(response.body)).toBe(true);
      expect(response.status).toBe(500);
    }
    expect(client.breakerState()).toBe('open');
    const failure = await client.forward(post).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'PLATFORM.UNAVAILABLE', failure: 'circuit-open', headers: { 'retry-after': '1' } });
    expect(upstream.seen.length).toBe(5);
    const gauge = await registry.getSingleMetric('http_client_circuit_state')!.get();
    expect(gauge.values).toEqual([expect.objectContaining({ labels: { target: 'catalog' }, value: 1 })]);

    upstream.answer(() => ({ recovered: true }));
    await sleep(350);
    expect((await client.request({ method: 'GET', path: '/api/orders' })).status).toBe(200);
    expect(client.breakerState()).toBe('closed');
  });

  it('rejects calls beyond its bulkhead instead of queueing without bound', async () => {
    const client = await clientFor({ concurrency: 1, queue: 0 });
    upstream.answer(async () => {
      await sleep(200);
      return {};
    });
    const first = client.request({ method: 'GET', path: '/slow' });
    await expect(client.request({ method: 'GET', path: '/slow' })).rejects.toEqual(expectTransportError('PLATFORM.UNAVAILABLE'));
    expect((await first).status).toBe(200);
  });

  it('forwards the trace: the upstream sees the caller’s trace id in traceparent', async () => {
    const client = await clientFor();
    const span = tracerFor('test').startSpan('checkout');
    await context.with(trace.setSpan(context.active(), span), () => client.request({ method: 'GET', path: '/traced' }));
    span.end();
    const traceparent = upstream.seen[0]!.headers['traceparent'] as string;
    expect(traceparent.split('-')[1]).toBe(span.spanContext().traceId);
    expect(traceparent.split('-')[2]).not.toBe(span.spanContext().spanId);
  });

  it('propagates the request id, or makes one up when the caller has none', async () => {
    const client = await clientFor();
    await client.request({ method: 'GET', path: '/a', requestId: 'req-42' });
    await client.request({ method: 'GET', path: '/b' });
    expect(upstream.seen[0]!.headers['x-request-id']).toBe('req-42');
    expect(upstream.seen[1]!.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('forwards raw: method, path, query, body and end-to-end headers go through; hop-by-hop ones do not', async () => {
    const client = await clientFor();
    upstream.answer((request, reply) => reply.status(202).header('content-type', 'text/plain').send(`got ${request.method} ${request.url}`));
    const response = await client.forward({
      method: 'PATCH',
      path: '/api/cart/items/prd_1?x=1&y=2',
      headers: { 'content-type': 'application/json', authorization: 'Bearer abc', connection: 'x-secret', 'x-secret': 'no', 'keep-alive': 'timeout=5' },
      body: Buffer.from('{"quantity":2}'),
    });
    const text = await new Response(response.body as unknown as ReadableStream).text();
    expect(response.status).toBe(202);
    expect(text).toBe('got PATCH /api/cart/items/prd_1?x=1&y=2');
    const seen = upstream.seen[0]!;
    expect(seen.body).toBe('{"quantity":2}');
    expect(seen.headers.authorization).toBe('Bearer abc');
    expect(seen.headers['x-secret']).toBeUndefined();
    expect(seen.headers['keep-alive']).toBeUndefined();
    expect(client.instances()[0]!.inFlight).toBe(0);
  });

  it('hands a proxy a small answer whole, with its replica already free', async () => {
    const client = await clientFor();
    upstream.answer(() => ({ id: 'prd_1', name: 'Kettle' }));

    const response = await client.forward({ method: 'GET', path: '/api/products/prd_1' });

    expect(Buffer.isBuffer(response.body)).toBe(true);
    expect(JSON.parse(response.body.toString())).toEqual({ id: 'prd_1', name: 'Kettle' });
    expect(client.instances()[0]!.inFlight).toBe(0);
  });

  it('streams a large answer, and one of unstated length, holding the replica until the body is read', async () => {
    const client = await clientFor();
    const large = 'x'.repeat(WHOLE_BODY_BYTES + 1);
    upstream.answer((request, reply) =>
      request.url === '/large' ? reply.header('content-type', 'text/plain').send(large) : reply.header('content-type', 'text/plain').send(Readable.from(['chunk ', 'by chunk'])),
    );

    for (const [path, expected] of [['/large', large], ['/chunked', 'chunk by chunk']] as const) {
      const response = await client.forward({ method: 'GET', path });
      expect(response.body).toBeInstanceOf(Readable);
      expect(client.instances()[0]!.inFlight).toBe(1);
      expect(await new Response(response.body as unknown as ReadableStream).text()).toBe(expected);
      await sleep(10);
      expect(client.instances()[0]!.inFlight).toBe(0);
    }
  });

  it('keeps one client per target in a client set, with their breaker states', async () => {
    upstream = await startUpstream('catalog');
    const set = createServiceClients({ discovery: discoveryOf(() => [upstream.url]) });
    clients.push(set);
    expect(set.for('catalog')).toBe(set.for('catalog'));
    await set.for('catalog').request({ method: 'GET', path: '/x' });
    expect(set.breakerStates()).toEqual({ catalog: 'closed' });
    expect(set.instances()['catalog']![0]!.url).toBe(upstream.url);
  });
});
