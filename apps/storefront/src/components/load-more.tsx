/** The button under a cursor-paged list that fetches its next page; nothing when there is no next page. */
export function LoadMore({ pages, label }: { pages: { hasMore: boolean; loadingMore: boolean; loadMore(): void }; label: string }) {
  if (!pages.hasMore) return null;
  return (
    <div className="load-more">
      <button type="button" className="button secondary" onClick={pages.loadMore} disabled={pages.loadingMore}>
        {pages.loadingMore ? 'Loading…' : label}
      </button>
    </div>
  );
}
