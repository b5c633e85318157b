/** The parts of an OpenAPI 3.x document the merge reads and writes; everything else is carried along. */
export interface OpenApiDocument {
  openapi?: string;
  info?: { title?: string; version?: string; description?: string };
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  tags?: { name: string; description?: string }[];
  security?: Record<string, unknown>[];
  [extension: string]: unknown;
}

/** One service's document, as fetched from its `/openapi.json`. */
export interface ServiceDocument {
  readonly service: string;
  readonly document: OpenApiDocument;
}

export interface MergeOptions {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
  /** Whether a service's path belongs in the public document (the gateway routes it to that service). */
  readonly keepPath: (service: string, path: string) => boolean;
}

const OPERATIONS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** A key-order-independent serialization, so equal components compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Rewrites `$ref`s (and security requirement names) of one document to its renamed components. */
function rewrite(value: unknown, renames: Map<string, string>, schemes: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, renames, schemes));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === '$ref' && typeof inner === 'string') out[key] = renames.get(inner) ?? inner;
    else if (key === 'security' && Array.isArray(inner)) {
      out[key] = inner.map((requirement: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(requirement).map(([name, scopes]) => [schemes.get(name) ?? name, scopes])),
      );
    } else out[key] = rewrite(inner, renames, schemes);
  }
  return out;
}

/**
 * Merges the services' documents into the one public document: the paths each service owns at the
 * gateway, and their components. A component whose name another service already uses for something
 * different is renamed `<service>_<name>`, and that service's references follow the new name.
 */
export function mergeOpenApi(documents: readonly ServiceDocument[], options: MergeOptions): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  const components: Record<string, Record<string, unknown>> = {};
  const tags = new Map<string, { name: string; description?: string }>();

  for (const { service, document } of documents) {
    const renames = new Map<string, string>();
    const schemes = new Map<string, string>();
    const planned: [section: string, name: string, value: unknown][] = [];
    for (const [section, entries] of Object.entries(document.components ?? {})) {
      for (const [name, value] of Object.entries(entries ?? {})) {
        const existing = components[section]?.[name];
        let target = name;
        if (existing !== undefined && canonical(existing) !== canonical(value)) {
          target = `${service}_${name}`;
          renames.set(`#/components/${section}/${name}`, `#/components/${section}/${target}`);
          if (section === 'securitySchemes') schemes.set(name, target);
        }
        planned.push([section, target, value]);
      }
    }
    for (const [section, name, value] of planned) {
      components[section] ??= {};
      components[section][name] = rewrite(value, renames, schemes);
    }

    tags.set(service, tags.get(service) ?? { name: service, description: `Served by the ${service} service` });
    for (const tag of document.tags ?? []) if (!tags.has(tag.name)) tags.set(tag.name, tag);

    for (const [path, item] of Object.entries(document.paths ?? {})) {
      if (paths[path] !== undefined || !options.keepPath(service, path)) continue;
      const rewritten = rewrite(item, renames, schemes) as Record<string, unknown>;
      for (const [method, operation] of Object.entries(rewritten)) {
        if (!OPERATIONS.has(method) || operation === null || typeof operation !== 'object') continue;
        const op = operation as { tags?: string[]; security?: unknown };
        if (!op.tags || op.tags.length === 0) op.tags = [service];
        if (op.security === undefined && document.security !== undefined) op.security = rewrite(document.security, renames, schemes);
      }
      paths[path] = rewritten;
    }
  }

  const merged: OpenApiDocument = {
    openapi: '3.1.0',
    info: { title: options.title, version: options.version, description: options.description ?? '' },
    servers: [{ url: '/' }],
    paths,
    components,
    tags: [...tags.values()],
  };
  return merged;
}
