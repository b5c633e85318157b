import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { setSessionExpiredHandler } from '../api/http.ts';
import { clearAccessToken } from '../auth/token-store.ts';

// jsdom does not lay pages out, so it has no scrolling; the router restores scroll positions on navigation.
window.scrollTo = () => {};

afterEach(() => {
  cleanup();
  // The session lives in module memory, as in the browser: each test starts signed out.
  clearAccessToken();
  setSessionExpiredHandler(null);
  window.localStorage.clear();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
