import { useCallback, useState } from 'react';
import { useResource } from './use-resource.ts';

interface Page {
  readonly items: readonly unknown[];
  readonly nextCursor: string | null;
}

type ItemOf<P extends Page> = P['items'][number];

export interface CursorPages<P extends Page, T = ItemOf<P>> {
  readonly items: readonly T[];
  /** The first page as answered (e.g. for counts it carries). */
  readonly first: P | undefined;
  readonly loading: boolean;
  readonly error: unknown;
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  loadMore(): void;
  reload(): void;
}

/** A newest-first list read with cursors: the first page, then more on request; `reload` starts over. */
export function useCursorPages<P extends Page>(
  key: string | null,
  load: (cursor: string | undefined, signal?: AbortSignal) => Promise<P>,
): CursorPages<P> {
  type T = ItemOf<P>;
  const first = useResource(key, (signal) => load(undefined, signal));
  const [more, setMore] = useState<{ first: P; items: readonly T[]; cursor: string | null; loading: boolean; error: unknown } | null>(null);
  // Pages fetched after the first belong to that first page; a reload (a new first page) drops them.
  const extra = more && more.first === first.data ? more : null;
  const cursor = extra ? extra.cursor : (first.data?.nextCursor ?? null);

  const loadMore = useCallback(() => {
    const base = first.data;
    if (!base || !cursor || extra?.loading) return;
    const soFar = extra?.items ?? [];
    setMore({ first: base, items: soFar, cursor, loading: true, error: undefined });
    load(cursor).then(
      (page) => setMore({ first: base, items: [...soFar, ...page.items], cursor: page.nextCursor, loading: false, error: undefined }),
      (error: unknown) => setMore({ first: base, items: soFar, cursor, loading: false, error }),
    );
  }, [first.data, cursor, extra, load]);

  return {
    items: [...(first.data?.items ?? []), ...(extra?.items ?? [])],
    first: first.data,
    loading: first.loading,
    error: first.error ?? extra?.error,
    hasMore: cursor !== null,
    loadingMore: extra?.loading ?? false,
    loadMore,
    reload: first.reload,
  };
}
