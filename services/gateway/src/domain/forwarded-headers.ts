import { endToEndHeaders } from '@bazaar/platform/http';

/** Who the gateway's client is, as the next hop should learn it. */
export interface ClientAddress {
  /** The client's address, and with a trusted proxy in front, every address the request passed (client first). */
  readonly ips: readonly string[];
  readonly protocol: string;
  readonly host: string | undefined;
}

/** Headers a client may not set for the services behind the gateway: the edge sets them itself. */
const EDGE_OWNED: ReadonlySet<string> = new Set(['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'forwarded', 'x-real-ip', 'x-request-deadline']);

/**
 * The headers to forward upstream: the client's end-to-end headers (authorization passes untouched), minus
 * those the edge owns, plus where the request came from. A client's own deadline is dropped because its
 * clock is not ours; the gateway starts the deadline.
 */
export function forwardedRequestHeaders(
  incoming: Readonly<Record<string, string | string[] | undefined>>,
  client: ClientAddress,
): Record<string, string | string[]> {
  const headers = endToEndHeaders(incoming, EDGE_OWNED);
  headers['x-forwarded-for'] = client.ips.join(', ');
  headers['x-forwarded-proto'] = client.protocol;
  if (client.host !== undefined) headers['x-forwarded-host'] = client.host;
  return headers;
}

/** The upstream's response headers the client gets: everything end-to-end. */
export function forwardedResponseHeaders(upstream: Readonly<Record<string, string | string[]>>): Record<string, string | string[]> {
  return endToEndHeaders(upstream);
}
