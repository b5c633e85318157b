import { refreshSession } from '../auth/refresh.ts';
import { currentSession } from '../auth/token-store.ts';
import { ApiError, toProblem } from './problem.ts';

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal | undefined;
}

type ExpiredListener = () => void;
let onExpired: ExpiredListener | null = null;

/** Who to tell when a signed-in call was refused and the session could not be renewed (the app sends the user to login). */
export function setSessionExpiredHandler(listener: ExpiredListener | null): void {
  onExpired = listener;
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers['authorization'] = `Bearer ${token}`;
  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError({ title: 'The server could not be reached', detail: 'Check your connection and try again.', status: 0 });
  }
}

// How long an answer started before the app rendered waits for its page; later, the page's data may have changed.
const EARLY_TTL_MS = 5_000;
const early = new Map<string, { readonly response: Promise<Response>; readonly startedAt: number }>();

/**
 * Starts the public, anonymous GETs a page is about to make while the app's script is still loading and
 * rendering, so that their round trips overlap that work; the first `apiRequest` for the same path takes
 * the answer. Only for reads that are the same for every visitor (the catalog): nothing signed in is sent.
 */
export function startEarly(paths: Iterable<string>): void {
  for (const path of paths) {
    if (early.has(path)) continue;
    const response = send(path, {}, null);
    // A failure belongs to the call that takes the answer; one never taken must not be an unhandled rejection.
    response.catch(() => undefined);
    early.set(path, { response, startedAt: performance.now() });
  }
}

function takeEarly(path: string, options: RequestOptions): Promise<Response> | undefined {
  if ((options.method ?? 'GET') !== 'GET' || options.headers) return undefined;
  const started = early.get(path);
  if (!started) return undefined;
  early.delete(path);
  return performance.now() - started.startedAt <= EARLY_TTL_MS ? started.response : undefined;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Calls the Bazaar API through the gateway (same origin). Sends the access token when signed in; a 401 to
 * a signed-in call renews the session once and retries, and if that fails the session is over. Failures
 * throw an `ApiError` carrying the problem+json `title`, `detail` and field `errors`.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const token = currentSession()?.accessToken ?? null;
  let response = await (takeEarly(path, options) ?? send(path, options, token));
  if (response.status === 401 && token) {
    const renewed = await refreshSession();
    if (renewed) {
      response = await send(path, options, renewed.accessToken);
    }
    if (!renewed || response.status === 401) onExpired?.();
  }
  const body = await readBody(response);
  if (!response.ok) throw new ApiError(toProblem(response.status, body));
  return body as T;
}
