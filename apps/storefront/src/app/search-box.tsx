import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import { KEEP_FOCUS } from './focus-on-navigation.ts';

export const SEARCH_DEBOUNCE_MS = 250;

/**
 * The header's search field. Results follow the typing: once it settles for a moment the search page
 * shows the matches, so the field keeps focus and the reader keeps typing.
 */
export function SearchBox() {
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const onSearchPage = location.pathname === '/search';
  const urlQuery = onSearchPage ? (params.get('q') ?? '') : '';
  const [text, setText] = useState(urlQuery);
  const [typed, setTyped] = useState(false);
  const settled = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);

  // Leaving the search page (or arriving by a link) shows that page's query, not a stale one.
  const [seenUrlQuery, setSeenUrlQuery] = useState(urlQuery);
  if (seenUrlQuery !== urlQuery) {
    setSeenUrlQuery(urlQuery);
    if (!typed || !onSearchPage) {
      setText(urlQuery);
      setTyped(false);
    }
  }

  useEffect(() => {
    if (!typed) return;
    const query = settled.trim();
    if (query === urlQuery) return;
    if (!query && !onSearchPage) return;
    void navigate(query ? `/search?q=${encodeURIComponent(query)}` : '/search', { replace: onSearchPage, state: KEEP_FOCUS });
  }, [settled, typed, urlQuery, onSearchPage, navigate]);

  return (
    <form
      className="search-box"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        const query = text.trim();
        if (query) void navigate(`/search?q=${encodeURIComponent(query)}`, { replace: onSearchPage });
      }}
    >
      <label htmlFor="site-search" className="visually-hidden">
        Search products
      </label>
      <input
        id="site-search"
        type="search"
        placeholder="Search products"
        autoComplete="off"
        maxLength={200}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setTyped(true);
        }}
      />
      <button type="submit" className="button">
        Search
      </button>
    </form>
  );
}
