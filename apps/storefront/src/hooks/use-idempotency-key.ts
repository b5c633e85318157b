import { useCallback, useRef } from 'react';

/**
 * One Idempotency-Key per checkout attempt. Sending the same request again (a retry after a timeout or a
 * lost answer) reuses the key, so the server recognises it and never places a second order; changing the
 * request (another address or card) is a new attempt with a new key, since the server refuses a reused
 * key with a different body.
 */
export function useIdempotencyKey(): (request: unknown) => string {
  const attempt = useRef<{ body: string; key: string } | null>(null);
  return useCallback((request: unknown) => {
    const body = JSON.stringify(request);
    if (attempt.current?.body !== body) attempt.current = { body, key: crypto.randomUUID() };
    return attempt.current.key;
  }, []);
}
