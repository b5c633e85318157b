import { type Kysely, type Selectable, sql } from '@bazaar/platform/db';
import type { EmailsTable, NotificationsTables } from './notifications.tables.ts';

export type EmailRow = Selectable<EmailsTable>;

export function createEmailRepository(db: Kysely<NotificationsTables>) {
  return {
    /**
     * Claims up to `limit` due e-mails for `leaseMs`: their next attempt moves past the lease, so another
     * sender (or replica) skips them while this one delivers, and a sender that dies mid-delivery leaves
     * them to be retried once the lease runs out.
     */
    async claimDue(limit: number, leaseMs: number): Promise<EmailRow[]> {
      const { rows } = await sql<EmailRow>`
        UPDATE emails SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ${leaseMs / 1000})
        WHERE id IN (
          SELECT id FROM emails WHERE status = 'queued' AND next_attempt_at <= now()
          ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
        )
        RETURNING *`.execute(db);
      return rows;
    },

    async markSent(id: string): Promise<void> {
      await db.updateTable('emails').set({ status: 'sent', sent_at: new Date(), last_error: null }).where('id', '=', id).execute();
    },

    async retryLater(id: string, error: string, delayMs: number): Promise<void> {
      await db
        .updateTable('emails')
        .set({ last_error: error, next_attempt_at: new Date(Date.now() + delayMs) })
        .where('id', '=', id)
        .execute();
    },

    async markFailed(id: string, error: string): Promise<void> {
      await db.updateTable('emails').set({ status: 'failed', last_error: error }).where('id', '=', id).execute();
    },
  };
}

export type EmailRepository = ReturnType<typeof createEmailRepository>;
