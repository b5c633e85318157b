import { useCallback, useState } from 'react';
import { catalogApi, productQueryString, type ProductQuery } from '../api/catalog.api.ts';
import type { Product } from '../api/types.ts';
import { useResource } from './use-resource.ts';

export interface ProductListing {
  readonly products: readonly Product[];
  readonly loading: boolean;
  readonly error: unknown;
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  readonly moreError: unknown;
  loadMore(): void;
  reload(): void;
}

interface MorePages {
  readonly key: string;
  readonly products: readonly Product[];
  readonly cursor: string | null;
}

/** A product listing read page by page with the catalog's cursors; a new query starts again from the top. */
export function useProductListing(query: ProductQuery | null): ProductListing {
  const key = query ? productQueryString(query) : null;
  const first = useResource(key, (signal) => catalogApi.listProducts(query ?? {}, signal));
  const [more, setMore] = useState<MorePages | null>(null);
  const [pending, setPending] = useState<{ key: string; error: unknown; loading: boolean } | null>(null);

  const extra = more && more.key === key ? more : null;
  const cursor = extra ? extra.cursor : (first.data?.nextCursor ?? null);
  const status = pending && pending.key === key ? pending : null;

  const loadMore = useCallback(() => {
    if (!key || !query || !cursor || status?.loading) return;
    setPending({ key, error: undefined, loading: true });
    catalogApi.listProducts({ ...query, cursor }).then(
      (page) => {
        setMore((previous) => ({
          key,
          products: [...(previous && previous.key === key ? previous.products : []), ...page.items],
          cursor: page.nextCursor,
        }));
        setPending({ key, error: undefined, loading: false });
      },
      (error: unknown) => setPending({ key, error, loading: false }),
    );
  }, [key, query, cursor, status?.loading]);

  return {
    products: [...(first.data?.items ?? []), ...(extra?.products ?? [])],
    loading: first.loading,
    error: first.error,
    hasMore: cursor !== null,
    loadingMore: status?.loading ?? false,
    moreError: status?.error,
    loadMore,
    reload: first.reload,
  };
}
