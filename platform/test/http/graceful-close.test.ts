import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createService } from '@bazaar/platform/http';
import { testLogger } from '@bazaar/platform/testing';

/** Resolves with the error code of a plain TCP connection attempt, or 'connected'. */
function connect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

/** Rejects when `promise` has not settled within `ms`, so that a hanging drain fails fast with a reason. */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('closing a listening service', () => {
  it('finishes the request in flight, refuses new connections, then releases resources in reverse order', async () => {
    const events: string[] = [];
    const service = await createService({ name: 'draining', logger: testLogger('draining') });
    let handlerStarted!: () => void;
    const started = new Promise<void>((resolve) => (handlerStarted = resolve));
    service.app.get('/slow', async () => {
      handlerStarted();
      await sleep(300);
      events.push('slow request answered');
      return { done: true };
    });
    service.onClose(() => void events.push('database pool closed'));
    service.onClose(async () => {
      await sleep(10);
      events.push('cache client closed');
    });
    const baseUrl = await service.listen(0);
    const port = Number(new URL(baseUrl).port);
    expect(await connect(port)).toBe('connected');

    const inFlight = fetch(`${baseUrl}/slow`);
    await started;
    const closed = service.close().then(() => events.push('close resolved'));
    await sleep(50);

    expect(await connect(port)).toBe('ECONNREFUSED');
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });

    // The keep-alive client still holds its connection: the drain must not wait for it to hang up.
    await within(2_000, 'close after the drain', closed);
    expect(events).toEqual(['slow request answered', 'cache client closed', 'database pool closed', 'close resolved']);
    expect(await connect(port)).toBe('ECONNREFUSED');
  });

  it('closes once however often close is called', async () => {
    let releases = 0;
    const service = await createService({ name: 'twice', logger: testLogger('twice') });
    service.onClose(() => void releases++);
    await service.listen(0);
    await Promise.all([service.close(), service.close()]);
    await service.close();
    expect(releases).toBe(1);
  });

  it('closes promptly after a keep-alive client has been served', async () => {
    const service = await createService({ name: 'keepalive', logger: testLogger('keepalive') });
    service.app.get('/ping', async () => ({ pong: true }));
    const baseUrl = await service.listen(0);
    const response = await fetch(`${baseUrl}/ping`);
    expect(response.status).toBe(200);
    await response.json();
    await within(2_000, 'close with an idle keep-alive connection', service.close());
  });

  it('closes even while a client has stopped reading a large response', async () => {
    const service = await createService({ name: 'stalled', logger: testLogger('stalled'), drainTimeoutMs: 300 });
    let released = false;
    service.onClose(() => void (released = true));
    // Far more than the socket buffers hold, so the response stays in flight while nobody reads it.
    const big = Buffer.alloc(64 * 1024 * 1024, 120);
    service.app.get('/big', async (_request, reply) => reply.type('application/octet-stream').send(big));
    const url = new URL(await service.listen(0));
    const socket = net.connect(Number(url.port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(`GET /big HTTP/1.1\r\nhost: ${url.host}\r\n\r\n`);
    // Read the first bytes, then stop reading: the server is now blocked on a full socket.
    await new Promise<void>((resolve) => socket.once('data', () => resolve()));
    socket.pause();

    await within(5_000, 'closing with a stalled reader', service.close());
    expect(released).toBe(true);
    socket.destroy();
  });
});
