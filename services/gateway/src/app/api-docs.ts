import type { ServiceClients } from '@bazaar/platform/http';
import type { Discovery } from '@bazaar/platform/http';
import type { Logger } from '@bazaar/platform/telemetry';
import { mergeOpenApi, type OpenApiDocument, type ServiceDocument } from '../domain/openapi-merge.ts';
import { routedServices, routeFor } from '../domain/route-table.ts';

/** The merged public API document, fetched from the running services and reused for a while. */
export interface ApiDocs {
  document(): Promise<OpenApiDocument>;
}

export function createApiDocs(options: { clients: ServiceClients; discovery: Discovery; cacheMs: number; logger: Logger; version: string }): ApiDocs {
  let cached: { at: number; document: OpenApiDocument } | undefined;
  let building: Promise<OpenApiDocument> | undefined;

  async function fetchOne(service: string): Promise<ServiceDocument | undefined> {
    try {
      const response = await options.clients.for(service).request<OpenApiDocument>({ method: 'GET', path: '/openapi.json', timeoutMs: 3_000 });
      if (response.status === 200 && response.body !== null && typeof response.body === 'object') return { service, document: response.body };
      options.logger.warn({ service, status: response.status }, 'service did not serve its OpenAPI document');
    } catch (error) {
      options.logger.warn({ err: error, service }, 'could not fetch a service’s OpenAPI document');
    }
    return undefined;
  }

  async function build(): Promise<OpenApiDocument> {
    const deployed = routedServices().filter((service) => options.discovery.urls(service).length > 0);
    const fetched = await Promise.all(deployed.map(fetchOne));
    const documents = fetched.filter((d): d is ServiceDocument => d !== undefined);
    const missing = deployed.filter((service) => !documents.some((d) => d.service === service));
    const document = mergeOpenApi(documents, {
      title: 'Bazaar API',
      version: options.version,
      description: missing.length > 0 ? `Not available right now: ${missing.join(', ')}.` : 'Every public endpoint, through the gateway.',
      keepPath: (service, path) => routeFor(path)?.service === service,
    });
    // An incomplete document is served but not kept, so the missing part appears as soon as it is back.
    if (missing.length === 0) cached = { at: Date.now(), document };
    return document;
  }

  return {
    async document() {
      if (cached && Date.now() - cached.at < options.cacheMs) return cached.document;
      building ??= build().finally(() => {
        building = undefined;
      });
      return building;
    },
  };
}
