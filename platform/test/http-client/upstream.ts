import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

/** A real HTTP server standing in for a replica: it counts the requests it sees and answers as told. */
export interface Upstream {
  readonly app: FastifyInstance;
  readonly url: string;
  /** Every request it received, in order. */
  readonly seen: FastifyRequest[];
  /** Replaces how it answers from now on. */
  answer(handler: (request: FastifyRequest, reply: FastifyReply) => unknown): void;
  close(): Promise<void>;
}

export async function startUpstream(name = 'upstream'): Promise<Upstream> {
  const app = Fastify({ forceCloseConnections: true });
  const seen: FastifyRequest[] = [];
  let handler: (request: FastifyRequest, reply: FastifyReply) => unknown = () => ({ from: name });
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.all('/*', async (request, reply) => {
    seen.push(request);
    return handler(request, reply);
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    url,
    seen,
    answer: (next) => void (handler = next),
    close: () => app.close(),
  };
}

/** A discovery that lists exactly the given replicas for every service. */
export function discoveryOf(urls: () => readonly string[]) {
  return { urls: () => urls() };
}
