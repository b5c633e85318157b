/** Headers that describe one connection, not the message (RFC 9110 §7.6.1); a proxy never forwards them. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * The end-to-end headers of a message: hop-by-hop headers are dropped, including any the `Connection`
 * header itself names.
 */
export function endToEndHeaders(headers: Readonly<Record<string, string | string[] | number | undefined>>): Record<string, string | string[]> {
  const named = new Set<string>();
  const connection = headers['connection'];
  for (const value of Array.isArray(connection) ? connection : [connection]) {
    if (typeof value === 'string') for (const token of value.split(',')) named.add(token.trim().toLowerCase());
  }
  const kept: Record<string, string | string[]> = {};
  for (const [rawName, value] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    if (value === undefined || HOP_BY_HOP.has(name) || named.has(name)) continue;
    kept[name] = typeof value === 'number' ? String(value) : value;
  }
  return kept;
}
