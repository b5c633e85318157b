import { isId } from '@bazaar/platform/ids';
import { NotificationLimits } from '../contract/notification.schemas.ts';

// The inbox is ordered by id alone (time-ordered ULIDs, newest first), so the id of a page's last item is
// all a cursor needs: the next page starts strictly below it and rows added meanwhile never shift a page.
const FORMAT = 1;

/** The opaque cursor handed to clients: base64url of a small versioned JSON array. */
export function encodeInboxCursor(lastId: string): string {
  return Buffer.from(JSON.stringify([FORMAT, lastId]), 'utf8').toString('base64url');
}

/** The notification id a cursor points after, or undefined when it is not a cursor this service made. */
export function decodeInboxCursor(raw: string): string | undefined {
  if (raw.length > NotificationLimits.cursorMaxLength || !/^[A-Za-z0-9_-]+$/.test(raw)) return undefined;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parts) || parts.length !== 2 || parts[0] !== FORMAT) return undefined;
  const id: unknown = parts[1];
  return typeof id === 'string' && isId('ntf', id) ? id : undefined;
}
