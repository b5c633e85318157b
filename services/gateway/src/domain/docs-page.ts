import type { OpenApiDocument } from './openapi-merge.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The page's only style; the gateway allows exactly this stylesheet by hash in its CSP. */
export const DOCS_STYLE =
  'body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}' +
  'h2{border-bottom:1px solid #ddd;margin-top:2rem}table{border-collapse:collapse;width:100%}' +
  'td{padding:.3rem .5rem;border-bottom:1px solid #eee;vertical-align:top}code{font-size:14px}' +
  '.m{font-weight:700;width:5rem}.get{color:#06c}.post{color:#080}.put,.patch{color:#a60}.delete{color:#c00}.note{color:#666}';

interface Row {
  method: string;
  path: string;
  summary: string;
  secured: boolean;
}

/** A browsable listing of the merged API, rendered on the server: no script, no external assets. */
export function renderDocsPage(document: OpenApiDocument, jsonUrl: string): string {
  const groups = new Map<string, Row[]>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation === null || typeof operation !== 'object' || !('responses' in operation || 'summary' in operation || 'tags' in operation)) continue;
      const op = operation as { tags?: string[]; summary?: string; description?: string; security?: unknown[] };
      const group = op.tags?.[0] ?? 'other';
      const rows = groups.get(group) ?? [];
      rows.push({ method, path, summary: op.summary ?? op.description ?? '', secured: Array.isArray(op.security) && op.security.length > 0 });
      groups.set(group, rows);
    }
  }
  const sections = [...groups]
    .map(([group, rows]) => {
      const body = rows
        .map(
          (row) =>
            `<tr><td class="m ${escape(row.method)}">${escape(row.method.toUpperCase())}</td><td><code>${escape(row.path)}</code>` +
            `${row.secured ? ' <span class="note">(token)</span>' : ''}</td><td>${escape(row.summary)}</td></tr>`,
        )
        .join('');
      return `<h2>${escape(group)}</h2><table>${body}</table>`;
    })
    .join('');
  const title = escape(document.info?.title ?? 'API');
  const description = document.info?.description ? `<p>${escape(document.info.description)}</p>` : '';
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><style>${DOCS_STYLE}</style></head>` +
    `<body><h1>${title}</h1>${description}<p>OpenAPI document: <a href="${escape(jsonUrl)}">${escape(jsonUrl)}</a></p>` +
    `${sections || '<p>No service has published its API yet.</p>'}</body></html>`
  );
}
