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

const NONE: ReadonlySet<string> = new Set();

/**
 * The end-to-end headers of a message, names in lower case: hop-by-hop headers are dropped, including any the
 * `Connection` header itself names, and so are the names in `dropped` (lower case). One pass builds the copy,
 * with no deletes after it: a proxy does this on every request and every answer.
 */
export function endToEndHeaders(
  headers: Readonly<Record<string, string | readonly string[] | number | undefined>>,
  dropped: ReadonlySet<string> = NONE,
): Record<string, string | string[]> {
  let connection = headers['connection'];
  if (connection === undefined) {
    for (const name in headers) if (name.length === 10 && name.toLowerCase() === 'connection') connection = headers[name];
  }
  const named = connectionNamed(connection);
  const kept: Record<string, string | string[]> = {};
  for (const rawName in headers) {
    const value = headers[rawName];
    if (value === undefined) continue;
    const name = rawName.toLowerCase();
    if (HOP_BY_HOP.has(name) || dropped.has(name) || named.has(name)) continue;
    kept[name] = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : [...value];
  }
  return kept;
}

/** The header names a `Connection` header lists, in lower case. */
function connectionNamed(connection: string | readonly string[] | number | undefined): ReadonlySet<string> {
  if (connection === undefined || typeof connection === 'number') return NONE;
  const named = new Set<string>();
  for (const value of typeof connection === 'string' ? [connection] : connection) {
    for (const token of value.split(',')) named.add(token.trim().toLowerCase());
  }
  return named;
}
