import { useLocation } from 'react-router';
import { accountApi } from '../api/account.api.ts';
import { useResource } from '../hooks/use-resource.ts';

const UNREAD_POLL_MS = 30_000;

/** The number of unread messages, read again on every navigation and every half minute. */
export function UnreadBadge() {
  const location = useLocation();
  const { data } = useResource(`unread:${location.key}`, (signal) => accountApi.notifications(undefined, signal), { pollMs: UNREAD_POLL_MS, keepPrevious: true });
  const unread = data?.unreadCount ?? 0;
  if (unread === 0) return null;
  return (
    <span className="badge badge-alert" aria-label={`${unread} unread`}>
      {unread}
    </span>
  );
}
