/** The login page that returns to `next` afterwards. */
export function loginPath(next: string): string {
  return next === '/' || next.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

/**
 * Where to go after login: only a path on this site. `next` comes from the address bar, so anything that
 * could leave the origin (`//evil.example`, `https://…`, `/\evil`) is refused.
 */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
