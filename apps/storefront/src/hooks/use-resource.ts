import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export interface Resource<T> {
  /** The latest answer for this key; kept while a reload or poll is in flight. */
  readonly data: T | undefined;
  readonly error: unknown;
  /** True while the first answer for this key is awaited. */
  readonly loading: boolean;
  reload(): void;
}

export interface ResourceOptions<T> {
  /**
   * Load again this long after each answer; undefined (or a function answering undefined) stops polling, e.g.
   * once an order is final. Polling pauses while the tab is hidden and reads again at once when it is shown.
   */
  readonly pollMs?: number | ((data: T | undefined) => number | undefined) | undefined;
  /** Keep showing the previous key's answer until the new one arrives (a badge that should not blink). */
  readonly keepPrevious?: boolean;
}

const isTabHidden = () => document.visibilityState === 'hidden';

interface Loaded<T> {
  readonly key: string;
  readonly round: number;
  readonly data: T | undefined;
  readonly error: unknown;
}

/**
 * Loads what `key` names and keeps it current. A new key aborts the request in flight, so a slow answer
 * for an old search never replaces a newer one; a null key loads nothing.
 */
export function useResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>, options: ResourceOptions<T> = {}): Resource<T> {
  const [round, setRound] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const runLoad = useEffectEvent(load);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    runLoad(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setLoaded({ key, round, data, error: undefined });
      },
      (error: unknown) => {
        // Keep the last good answer on a failed poll: a blip should not blank the page.
        if (!controller.signal.aborted) setLoaded((previous) => ({ key, round, data: previous?.key === key ? previous.data : undefined, error }));
      },
    );
    return () => controller.abort();
  }, [key, round]);

  const { pollMs: poll } = options;
  const pollMs = typeof poll === 'function' ? (loaded?.key === key ? poll(loaded.data) : undefined) : poll;
  const settled = loaded !== null && loaded.key === key && loaded.round === round;
  useEffect(() => {
    if (pollMs === undefined || !settled) return;
    const next = () => setRound((r) => r + 1);
    // A hidden tab is not read: it would cost the services for answers nobody sees.
    let timer = isTabHidden() ? undefined : window.setTimeout(next, pollMs);
    const onVisibilityChange = () => {
      window.clearTimeout(timer);
      timer = undefined;
      // What the tab shows may be long out of date by now: read it at once, not a whole interval later.
      if (!isTabHidden()) next();
    };
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [settled, round, pollMs]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const forKey = loaded !== null && loaded.key === key;
  return {
    data: forKey || options.keepPrevious ? loaded?.data : undefined,
    error: forKey ? loaded.error : undefined,
    loading: key !== null && !forKey,
    reload,
  };
}
