import { useEffect, useEffectEvent, useRef, type RefObject } from 'react';
import { useLocation, useNavigationType } from 'react-router';

/** Navigation state for a navigation that must leave focus where it is: results that follow the reader's typing. */
export const KEEP_FOCUS = { keepFocus: true } as const;

function keepsFocus(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as { keepFocus?: unknown }).keepFocus === true;
}

function focusHeading(heading: HTMLElement): void {
  // A heading is no control: it takes focus from script only, and Tab still skips it.
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  // The router restores scroll positions (going back returns to where the reader was); focus must not move them.
  heading.focus({ preventScroll: true });
}

/**
 * After a client-side navigation to another page, moves focus to that page's h1, so keyboard and screen-reader
 * users start on the new page instead of on a link that is gone. A page still loading has no h1 yet: focus
 * waits on `main` and moves to the h1 when it appears, unless the reader has moved on. The first load, and a
 * change of only the query (a sort order, a filter), leave focus alone.
 */
export function useFocusOnNavigation(main: RefObject<HTMLElement | null>): void {
  const location = useLocation();
  const navigationType = useNavigationType();
  const shownPath = useRef(location.pathname);
  // The state stays with the history entry; going back to it is a new visit, which moves focus as any other.
  const keepFocus = useEffectEvent(() => navigationType !== 'POP' && keepsFocus(location.state));

  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    const region = main.current;
    if (!region || keepFocus()) return;
    const heading = region.querySelector('h1');
    if (heading) {
      focusHeading(heading);
      return;
    }
    region.focus({ preventScroll: true });
    const observer = new MutationObserver(() => {
      const arrived = region.querySelector('h1');
      if (!arrived) return;
      observer.disconnect();
      if (document.activeElement === region) focusHeading(arrived);
    });
    observer.observe(region, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [location.pathname, main]);
}
