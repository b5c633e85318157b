import type { ColumnType, Generated } from '@bazaar/platform/db';
import type { MessagingTables } from '@bazaar/platform/messaging';

export interface RecipientsTable {
  user_id: string;
  email: string;
  name: string;
  updated_at: Generated<Date>;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: 'welcome' | 'order-confirmed' | 'order-cancelled';
  subject: string;
  body: string;
  order_id: string | null;
  source_message_id: string;
  created_at: Generated<Date>;
  read_at: ColumnType<Date | null, never, Date>;
}

export type EmailStatus = 'queued' | 'sent' | 'failed';

export interface EmailsTable {
  id: string;
  notification_id: string;
  recipient: string;
  subject: string;
  body: string;
  status: Generated<EmailStatus>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  sent_at: ColumnType<Date | null, never, Date>;
  created_at: Generated<Date>;
}

/** Notifications' database: its own tables and the messaging tables. */
export interface NotificationsTables extends MessagingTables {
  recipients: RecipientsTable;
  notifications: NotificationsTable;
  emails: EmailsTable;
}
