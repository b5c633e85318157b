import { type Kysely, type Selectable, statement } from '@bazaar/platform/db';
import type { EmailsTable, NotificationsTables } from './notifications.tables.ts';

export type EmailRow = Selectable<EmailsTable>;

/** What a sender needs of a queued e-mail to deliver it; `attempts` counts this delivery. */
export type QueuedEmail = Pick<EmailRow, 'id' | 'recipient' | 'subject' | 'body' | 'attempts'>;

const CLAIM_DUE = statement<EmailRow, [limit: number, leaseSeconds: number]>(`
  UPDATE emails SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
  WHERE id IN (
    SELECT id FROM emails WHERE status = 'queued' AND next_attempt_at <= now()
    ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED
  )
  RETURNING *`);

const MARK_SENT = statement<never, [id: string]>(`UPDATE emails SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`);

export function createEmailRepository(db: Kysely<NotificationsTables>) {
  return {
    /**
     * Claims up to `limit` due e-mails for `leaseMs`: their next attempt moves past the lease, so another
     * sender (or replica) skips them while this one delivers, and a sender that dies mid-delivery leaves
     * them to be retried once the lease runs out.
     */
    async claimDue(limit: number, leaseMs: number): Promise<EmailRow[]> {
      return (await CLAIM_DUE.execute(db, [limit, leaseMs / 1000])).rows;
    },

    async markSent(id: string): Promise<void> {
      await MARK_SENT.execute(db, [id]);
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
