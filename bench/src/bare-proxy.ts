import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import Fastify from 'fastify';
import { Pool } from 'undici';

/**
 * The floor of the gateway's path: the same two HTTP hops in one process (a proxy on a worker thread of its own,
 * in front of an upstream on the main thread) with nothing else on them: bare Fastify on both, an undici pool
 * between them, no validation, tracing, metrics, security headers or policies. What the gateway path costs
 * beyond this is Bazaar's own.
 */
const body = process.env['BARE_BODY'] ?? '{}';

if (isMainThread) {
  const upstream = Fastify({ logger: false });
  upstream.get('/*', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
  await upstream.listen({ port: 0, host: '127.0.0.1' });
  const address = upstream.server.address();
  const upstreamPort = typeof address === 'object' && address ? address.port : 0;
  const proxy = new Worker(new URL(import.meta.url), { workerData: { upstreamPort, port: Number(process.env['PORT'] ?? 0) } });
  proxy.once('message', (port: number) => process.stdout.write(`bare proxy listening on ${port}\n`));
  process.on('SIGTERM', () => void proxy.terminate().then(() => upstream.close()).then(() => process.exit(0)));
} else {
  const { upstreamPort, port } = workerData as { upstreamPort: number; port: number };
  const pool = new Pool(`http://127.0.0.1:${upstreamPort}`, { connections: 32 });
  const app = Fastify({ logger: false });
  app.get('/*', async (request, reply) => {
    const answer = await pool.request({ method: 'GET', path: request.url });
    const bytes = Buffer.from(await answer.body.arrayBuffer());
    return reply.status(answer.statusCode).type('application/json; charset=utf-8').send(bytes);
  });
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address();
  parentPort?.postMessage(typeof address === 'object' && address ? address.port : 0);
}
