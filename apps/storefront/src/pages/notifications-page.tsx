import { useState } from 'react';
import { Link } from 'react-router';
import { accountApi } from '../api/account.api.ts';
import type { Notification } from '../api/types.ts';
import { ErrorMessage } from '../components/error-message.tsx';
import { EmptyState, Loading } from '../components/loading.tsx';
import { useCursorPages } from '../hooks/use-cursor-pages.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { LoadMore } from '../components/load-more.tsx';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The shopper's inbox: welcome, order confirmations and cancellations. */
export default function NotificationsPage() {
  useDocumentTitle('Inbox');
  const inbox = useCursorPages('notifications', accountApi.notifications);
  // Marked read here until the list is read again, so the button answers at once.
  const [readNow, setReadNow] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<unknown>(null);

  const markRead = (notification: Notification) => {
    setError(null);
    accountApi.markRead(notification.id).then(
      () => setReadNow((previous) => new Set(previous).add(notification.id)),
      (failure: unknown) => setError(failure),
    );
  };

  const unread = Math.max(0, (inbox.first?.unreadCount ?? 0) - readNow.size);
  return (
    <div className="page">
      <h1>Inbox</h1>
      {error ? <ErrorMessage error={error} /> : null}
      {inbox.loading ? (
        <Loading label="Loading your messages…" />
      ) : inbox.error && inbox.items.length === 0 ? (
        <ErrorMessage error={inbox.error} onRetry={inbox.reload} />
      ) : inbox.items.length === 0 ? (
        <EmptyState title="No messages yet" />
      ) : (
        <>
          <p role="status">{unread === 0 ? 'All caught up.' : `${unread} unread`}</p>
          <ul className="inbox">
            {inbox.items.map((notification) => {
              const isRead = notification.readAt !== null || readNow.has(notification.id);
              return (
                <li key={notification.id} className={isRead ? 'read' : 'unread'}>
                  <article aria-labelledby={`ntf-${notification.id}`}>
                    <h2 id={`ntf-${notification.id}`}>
                      {isRead ? null : <span className="visually-hidden">Unread: </span>}
                      {notification.subject}
                    </h2>
                    <p className="muted">{dateFormat.format(new Date(notification.createdAt))}</p>
                    <p className="message-body">{notification.body}</p>
                    <p className="actions">
                      {notification.orderId ? <Link to={`/orders/${notification.orderId}`}>View order</Link> : null}
                      {isRead ? null : (
                        <button type="button" className="button secondary" onClick={() => markRead(notification)} aria-label={`Mark as read: ${notification.subject}`}>
                          Mark as read
                        </button>
                      )}
                    </p>
                  </article>
                </li>
              );
            })}
          </ul>
          <LoadMore pages={inbox} label="Show older messages" />
        </>
      )}
    </div>
  );
}
