import type { Delivery } from './broker.ts';
import type { MessageDefinition } from './message.definition.ts';
import type { Message } from './message.envelope.ts';
import { MessageValidationError } from './message.validation.ts';

/** The definitions a consumer accepts, by type and then version. */
export type Routes<R> = ReadonlyMap<string, ReadonlyMap<number, R & { readonly definition: MessageDefinition }>>;

/** A delivery turned into a checked message and its route, or the reason it is poison. */
export type Decoded<R> =
  | { readonly ok: true; readonly message: Message; readonly route: R }
  | { readonly ok: false; readonly error: string; readonly json?: unknown };

/**
 * Reads a delivery against the producer's schemas. Anything that cannot be read (not JSON, not an envelope, a
 * type or version nobody here handles, a payload that breaks its schema) is poison: retrying cannot fix it.
 */
export function decodeDelivery<R>(delivery: Delivery, routes: Routes<R>): Decoded<R> {
  let json: unknown;
  try {
    json = JSON.parse(delivery.body);
  } catch {
    return { ok: false, error: 'the message body is not JSON' };
  }
  const { type, version } = (typeof json === 'object' && json !== null ? json : {}) as { type?: unknown; version?: unknown };
  const byVersion = typeof type === 'string' ? routes.get(type) : undefined;
  if (!byVersion) return { ok: false, error: `no handler for message type ${JSON.stringify(type)}`, json };
  const route = typeof version === 'number' ? byVersion.get(version) : undefined;
  if (!route) return { ok: false, error: `no handler for ${String(type)} version ${JSON.stringify(version)}`, json };
  try {
    return { ok: true, message: route.definition.parse(json), route };
  } catch (error) {
    if (error instanceof MessageValidationError) return { ok: false, error: error.message, json };
    throw error;
  }
}
