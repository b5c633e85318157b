import { staticDiscovery } from '@bazaar/platform/http';
import { testDatabase, testLogger } from '@bazaar/platform/testing';
import { startCatalog, type CatalogService } from '@bazaar/catalog/main';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import type { Counter } from 'prom-client';
import type { CategoryList, Product, ProductPage } from '@bazaar/catalog/contract';
import { createTestIssuer, type TestIssuer } from '@bazaar/platform/testing';

/** A running catalog on a throwaway database, with tokens for each kind of caller and SQL for assertions. */
export interface CatalogFixture {
  readonly service: CatalogService;
  readonly sql: pg.Pool;
  readonly issuer: TestIssuer;
  readonly adminToken: string;
  readonly customerToken: string;
  /** Starts another replica on the same database and cache settings, as the cluster placement would. */
  startReplica(): Promise<CatalogService>;
  request(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, options?: { body?: unknown; token?: string }): Promise<LightMyRequestResponse>;
  /** GET that must succeed, parsed. */
  page(query: string): Promise<ProductPage>;
  product(id: string): Promise<Product>;
  categories(): Promise<CategoryList>;
  countProducts(): Promise<number>;
  /** The value of a catalog cache counter for one kind of entry. */
  cacheCount(result: 'hits' | 'misses', kind: 'product' | 'listing' | 'categories'): Promise<number>;
  close(): Promise<void>;
}

export async function startCatalogFixture(options: { env?: Record<string, string>; redisUrl?: string; seed?: boolean } = {}): Promise<CatalogFixture> {
  const database = testDatabase('catalog');
  const issuer = await createTestIssuer();
  const replicas: CatalogService[] = [];
  const start = async () => {
    const replica = await startCatalog(
      {
        databaseServerUrl: database.serverUrl,
        databaseName: database.name,
        redisUrl: options.redisUrl,
        logger: testLogger('catalog'),
        discovery: staticDiscovery({}),
        env: options.env ?? {},
      },
      { verifier: issuer.verifier },
    );
    replicas.push(replica);
    return replica;
  };
  const service = await start();
  if (options.seed ?? true) await service.seedIfEmpty();
  const sql = new pg.Pool({ connectionString: database.url, max: 2 });

  const request: CatalogFixture['request'] = (method, url, { body, token } = {}) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
    return service.app.inject({ method, url, headers, ...(body !== undefined && { payload: JSON.stringify(body) }) });
  };
  const ok = async <T>(url: string): Promise<T> => {
    const response = await request('GET', url);
    if (response.statusCode !== 200) throw new Error(`GET ${url} answered ${response.statusCode}: ${response.body}`);
    return response.json<T>();
  };

  return {
    service,
    sql,
    issuer,
    adminToken: await issuer.token({ roles: ['customer', 'admin'] }),
    customerToken: await issuer.token({ roles: ['customer'] }),
    startReplica: start,
    request,
    page: (query) => ok<ProductPage>(`/api/products${query}`),
    product: (id) => ok<Product>(`/api/products/${id}`),
    categories: () => ok<CategoryList>('/api/categories'),
    async countProducts() {
      const { rows } = await sql.query<{ count: string }>('SELECT count(*) FROM products');
      return Number(rows[0]!.count);
    },
    async cacheCount(result, kind) {
      const counter = service.metrics.registry.getSingleMetric(`catalog_cache_${result}_total`) as Counter<'kind'>;
      const { values } = await counter.get();
      return values.find((v) => v.labels.kind === kind)?.value ?? 0;
    },
    async close() {
      await sql.end();
      for (const replica of replicas) await replica.close();
      await database.drop();
    },
  };
}

/** A valid body for `POST /api/products`, with the given overrides. */
export function newProductBody(categoryId: string, overrides: Record<string, unknown> = {}) {
  return {
    name: 'Test Lamp',
    description: 'A lamp made for tests.',
    categoryId,
    priceMinor: 2599,
    currency: 'USD',
    attributes: { brand: 'Testbrand', color: 'Green', wattage: 40, dimmable: true, finishes: ['brass', 'matte black'] },
    ...overrides,
  };
}
