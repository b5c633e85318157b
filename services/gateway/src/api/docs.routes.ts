import { createHash } from 'node:crypto';
import type { App } from '@bazaar/platform/http';
import type { ApiDocs } from '../app/api-docs.ts';
import type { EdgeGuard } from '../app/edge-guard.ts';
import { DOCS_STYLE, renderDocsPage } from '../domain/docs-page.ts';

const JSON_URL = '/api/docs/json';
// The docs page may apply its own stylesheet and nothing else.
const PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(DOCS_STYLE).digest('base64')}'; frame-ancestors 'none'`;

/** The merged OpenAPI document and a browsable page of it. */
export async function docsRoutes(app: App, options: { docs: ApiDocs; guard: EdgeGuard }): Promise<void> {
  const onRequest = (request: Parameters<EdgeGuard>[1], reply: Parameters<EdgeGuard>[2]) => options.guard(undefined, request, reply);
  app.get(JSON_URL, { schema: { hide: true }, onRequest }, async () => options.docs.document());
  app.get('/api/docs', { schema: { hide: true }, onRequest }, async (_request, reply) => {
    const page = renderDocsPage(await options.docs.document(), JSON_URL);
    return reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).send(page);
  });
}
