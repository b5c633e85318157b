import { describe, expect, it } from 'vitest';
import { mergeOpenApi, type OpenApiDocument } from '../src/domain/openapi-merge.ts';
import { renderDocsPage } from '../src/domain/docs-page.ts';

const options = { title: 'Bazaar API', version: '1', keepPath: (_service: string, path: string) => path.startsWith('/api/') };

const identity: OpenApiDocument = {
  openapi: '3.1.0',
  paths: { '/api/me': { get: { summary: 'Profile', responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } } } } } },
  components: {
    schemas: { User: { type: 'object', properties: { email: { type: 'string' } } }, Problem: { type: 'object' } },
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
  },
};

const catalog: OpenApiDocument = {
  openapi: '3.1.0',
  paths: {
    '/api/products': { get: { summary: 'Search', responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } } } } },
    '/healthz': { get: { responses: {} } },
  },
  components: {
    schemas: { User: { type: 'object', properties: { sellerId: { type: 'string' } } }, Problem: { type: 'object' } },
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
  },
};

describe('merging OpenAPI documents', () => {
  const merged = mergeOpenApi(
    [
      { service: 'identity', document: identity },
      { service: 'catalog', document: catalog },
    ],
    options,
  );

  it('keeps the paths of every service that the gateway routes', () => {
    expect(Object.keys(merged.paths!)).toEqual(['/api/me', '/api/products']);
  });

  it('prefixes a clashing component with its service and rewrites that service’s references to it', () => {
    expect(Object.keys(merged.components!['schemas']!)).toEqual(['User', 'Problem', 'catalog_User']);
    const ref = (path: string) => (merged.paths![path]!['get'] as { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> }).responses['200']!.content['application/json']!.schema.$ref;
    expect(ref('/api/me')).toBe('#/components/schemas/User');
    expect(ref('/api/products')).toBe('#/components/schemas/catalog_User');
  });

  it('shares a component that is identical in both', () => {
    expect(merged.components!['securitySchemes']).toEqual({ bearer: { type: 'http', scheme: 'bearer' } });
    expect(merged.components!['schemas']!['catalog_Problem']).toBeUndefined();
  });

  it('tags untagged operations with their service', () => {
    expect(merged.paths!['/api/me']!['get']).toMatchObject({ tags: ['identity'] });
    expect(merged.tags!.map((t) => t.name)).toEqual(['identity', 'catalog']);
  });

  it('renders as an escaped HTML listing', () => {
    const page = renderDocsPage(
      mergeOpenApi([{ service: 'catalog', document: { paths: { '/api/x': { get: { summary: '<b>bold</b>', responses: {} } } } } }], options),
      '/api/docs/json',
    );
    expect(page).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(page).not.toContain('<b>bold</b>');
    expect(page).toContain('/api/x');
  });
});
