import Fastify from 'fastify';

/**
 * The baseline: a bare Fastify server that answers with a fixed JSON body, the same bytes the gateway
 * returns for a product, with no validation, no proxying and no database.
 */
const body = process.env['BARE_BODY'] ?? '{}';
const app = Fastify({ logger: false });
app.get('/*', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
await app.listen({ port: Number(process.env['PORT'] ?? 0), host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`bare server listening on ${typeof address === 'object' && address ? address.port : ''}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
