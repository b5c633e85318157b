import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from '@bazaar/platform/http';
import type { EdgeGuard } from '../app/edge-guard.ts';

/**
 * What the storefront's pages may load: its own scripts, styles, images and API, nothing inline from elsewhere
 * and no framing. The API's own responses keep the stricter `default-src 'none'`.
 */
export const STOREFRONT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

// Paths the API owns: an unknown one is a 404 problem, never the storefront's page.
const API_PREFIXES = ['/api/', '/.well-known/'];
const isApiPath = (url: string) => url === '/api' || API_PREFIXES.some((prefix) => url.startsWith(prefix));

/**
 * Serves the built storefront (a single-page app) at `/`: hashed assets under `/assets/` cached for a year,
 * everything else revalidated, text files in the encoding the browser accepts (compressed at build time), and
 * any other page path answered with `index.html` so the app's own router shows it (its not-found page included).
 */
export async function storefrontRoutes(app: App, options: { root: string; guard: EdgeGuard }): Promise<void> {
  const root = path.resolve(options.root);
  if (!existsSync(path.join(root, 'index.html'))) throw new Error(`BAZAAR_STOREFRONT_DIR has no index.html: ${root} (run npm run build:storefront)`);
  const page = (reply: { header(name: string, value: string): unknown }) => reply.header('content-security-policy', STOREFRONT_CSP);

  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // The build writes .br and .gz copies of its text files; the smallest one the browser accepts is sent.
    preCompressed: true,
    cacheControl: false,
    setHeaders(response, filePath) {
      const immutable = filePath.startsWith(path.join(root, 'assets') + path.sep);
      response.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      response.header('content-security-policy', STOREFRONT_CSP);
    },
  });

  const onRequest = (request: Parameters<EdgeGuard>[1], reply: Parameters<EdgeGuard>[2]) => options.guard(undefined, request, reply);
  const sendPage = (reply: Parameters<EdgeGuard>[2]) => {
    page(reply);
    return reply.header('cache-control', 'no-cache').sendFile('index.html', root);
  };
  app.get('/', { schema: { hide: true }, onRequest }, async (_request, reply) => sendPage(reply));
  app.get('/*', { schema: { hide: true }, onRequest }, async (request, reply) => {
    const pathname = request.url.split('?')[0]!;
    // An unknown API path, or a missing asset, is a real 404 problem: answering it with the page would hide the mistake.
    if (isApiPath(pathname) || path.extname(pathname) !== '') return reply.callNotFound();
    return sendPage(reply);
  });
}
