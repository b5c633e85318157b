import { type Kysely, type Selectable, statement } from '@bazaar/platform/db';
import { newId } from '@bazaar/platform/ids';
import type { ComposedNotification } from '../domain/notification.composer.ts';
import type { QueuedEmail } from './email.repository.ts';
import type { NotificationsTable, NotificationsTables } from './notifications.tables.ts';

export type NotificationRow = Selectable<NotificationsTable>;

/** A notification recorded, and the e-mail queued with it (none when the user's address is not known). */
export interface RecordedNotification {
  readonly id: string;
  readonly email: QueuedEmail | undefined;
}

// The notification and its e-mail in one round trip; a repeated event inserts neither, and answers no row.
const RECORD = statement<{ id: string }>(`
  WITH notification AS (
    INSERT INTO notifications (id, user_id, kind, subject, body, order_id, source_message_id)
    VALUES ($1, $2, $3, $4, $5, $6, $7)
    ON CONFLICT (source_message_id) DO NOTHING
    RETURNING id
  ), email AS (
    INSERT INTO emails (id, notification_id, recipient, subject, body, last_error, attempts, next_attempt_at)
    SELECT $8, id, $9, $4, $5, NULL, $10, now() + make_interval(secs => $11) FROM notification WHERE $8::text IS NOT NULL
  )
  SELECT id FROM notification`);

/** A notification to record, the event it came from, and the address to e-mail it to (if known). */
export interface NewNotification extends ComposedNotification {
  readonly userId: string;
  readonly sourceMessageId: string;
  readonly email: string | undefined;
}

export function createNotificationRepository(db: Kysely<NotificationsTables>) {
  return {
    async rememberRecipient(userId: string, email: string, name: string): Promise<void> {
      await db
        .insertInto('recipients')
        .values({ user_id: userId, email, name })
        .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ email, name, updated_at: new Date() }))
        .execute();
    },

    async recipientOf(userId: string): Promise<string | undefined> {
      const row = await db.selectFrom('recipients').select('email').where('user_id', '=', userId).executeTakeFirst();
      return row?.email;
    },

    /**
     * Records the notification and queues its e-mail, in one statement; undefined, writing nothing, when the event
     * was already turned into a notification. An e-mail queued with `claimedForMs` is claimed by its writer for
     * that long, as a sender claims it (see `EmailRepository.claimDue`): the writer delivers it once its
     * transaction commits, and other senders leave it alone until the claim runs out.
     */
    async record(notification: NewNotification, claimedForMs = 0): Promise<RecordedNotification | undefined> {
      const id = newId('ntf');
      const email = notification.email === undefined ? undefined : { id: newId('eml'), recipient: notification.email };
      // A claimed e-mail is an attempt under way, as one a sender claimed.
      const attempts = claimedForMs > 0 ? 1 : 0;
      const { rows } = await RECORD.execute(db, [
        id,
        notification.userId,
        notification.kind,
        notification.subject,
        notification.body,
        notification.orderId,
        notification.sourceMessageId,
        email?.id ?? null,
        email?.recipient ?? null,
        attempts,
        claimedForMs / 1000,
      ]);
      if (rows.length === 0) return undefined;
      const { subject, body } = notification;
      return { id, email: email && { ...email, subject, body, attempts } };
    },

    /** A user's notifications newest first, starting after `afterId`. */
    async page(userId: string, limit: number, afterId: string | undefined): Promise<NotificationRow[]> {
      let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
      if (afterId !== undefined) query = query.where('id', '<', afterId);
      return query.orderBy('id', 'desc').limit(limit).execute();
    },

    async countUnread(userId: string): Promise<number> {
      const row = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    /** Marks the user's notification read (keeping the first time it was read); undefined if it is not theirs. */
    async markRead(userId: string, id: string): Promise<NotificationRow | undefined> {
      await db
        .updateTable('notifications')
        .set({ read_at: new Date() })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .execute();
      return db.selectFrom('notifications').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    },
  };
}

export type NotificationRepository = ReturnType<typeof createNotificationRepository>;
