import { type Kysely, type Selectable } from '@bazaar/platform/db';
import { newId } from '@bazaar/platform/ids';
import type { ComposedNotification } from '../domain/notification.composer.ts';
import type { NotificationsTable, NotificationsTables } from './notifications.tables.ts';

export type NotificationRow = Selectable<NotificationsTable>;

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
     * Records the notification and queues its e-mail; returns false, writing nothing, when the event was
     * already turned into a notification.
     */
    async record(notification: NewNotification): Promise<boolean> {
      const id = newId('ntf');
      const inserted = await db
        .insertInto('notifications')
        .values({
          id,
          user_id: notification.userId,
          kind: notification.kind,
          subject: notification.subject,
          body: notification.body,
          order_id: notification.orderId,
          source_message_id: notification.sourceMessageId,
        })
        .onConflict((conflict) => conflict.column('source_message_id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return false;
      if (notification.email !== undefined) {
        await db
          .insertInto('emails')
          .values({ id: newId('eml'), notification_id: id, recipient: notification.email, subject: notification.subject, body: notification.body, last_error: null })
          .execute();
      }
      return true;
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
