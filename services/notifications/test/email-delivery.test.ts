import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startNotificationsFixture, type NotificationsFixture } from './support/notifications.fixture.ts';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server.ts';
import { orderConfirmed, userId, userRegistered } from './support/test-events.ts';
import { newId } from '@bazaar/platform/ids';
import { createMailboxTransport } from '../src/store/mailbox.transport.ts';
import { createNotificationRepository } from '../src/store/notification.repository.ts';
import type { EmailTransport, OutgoingEmail } from '../src/app/email-transport.ts';

const eventually = { timeout: 20_000, interval: 50 };

/** A mailbox whose first `failures` deliveries fail, as a flaky mail server would. */
function flakyMailbox(directory: string, failures: number) {
  const mailbox = createMailboxTransport(directory);
  const attempts: string[] = [];
  const transport: EmailTransport = {
    kind: 'mailbox',
    async send(email: OutgoingEmail) {
      attempts.push(email.id);
      if (attempts.length <= failures) throw new Error(`mail server unavailable (attempt ${attempts.length})`);
      await mailbox.send(email);
    },
    close: () => mailbox.close(),
  };
  return { transport, attempts };
}

async function emailRows(fixture: NotificationsFixture) {
  const { rows } = await fixture.sql.query<{ id: string; status: string; attempts: number; last_error: string | null }>('SELECT id, status, attempts, last_error FROM emails');
  return rows;
}

describe('handing e-mails to the sender', () => {
  let fixture: NotificationsFixture;

  // Polls once at start and then only every ten minutes: what is delivered here was handed over.
  beforeAll(async () => {
    fixture = await startNotificationsFixture({ env: { NOTIFICATIONS_EMAIL_POLL_MS: '600000' } });
  });

  afterAll(() => fixture.close());

  it('delivers an e-mail as its transaction commits, without a claim or a poll', async () => {
    await fixture.publish(orderConfirmed(userId(), { email: 'at-once@example.com' }));

    await vi.waitFor(async () => expect(await emailRows(fixture)).toMatchObject([{ status: 'sent', attempts: 1, last_error: null }]), eventually);
    const [email] = await emailRows(fixture);
    expect(await fixture.mailbox()).toEqual([`${email!.id}.eml`]);
  });
});

describe('an e-mail claimed by a writer that never delivered it', () => {
  let fixture: NotificationsFixture;

  beforeAll(async () => {
    fixture = await startNotificationsFixture({ env: { NOTIFICATIONS_EMAIL_POLL_MS: '50' } });
  });

  afterAll(() => fixture.close());

  it('is left alone while the claim lasts, then delivered by a poll', async () => {
    // As a process that died between its commit and the delivery leaves it.
    const recorded = await createNotificationRepository(fixture.db).record(
      { kind: 'order-confirmed', subject: 'Your order', body: 'Confirmed.', orderId: null, userId: userId(), sourceMessageId: newId('msg'), email: 'orphan@example.com' },
      1_500,
    );
    expect(recorded?.email).toMatchObject({ recipient: 'orphan@example.com', attempts: 1 });

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await emailRows(fixture)).toMatchObject([{ id: recorded!.email!.id, status: 'queued', attempts: 1 }]);
    expect(await fixture.mailbox()).toEqual([]);

    await vi.waitFor(async () => expect(await emailRows(fixture)).toMatchObject([{ status: 'sent', attempts: 2 }]), eventually);
    expect(await fixture.mailbox()).toEqual([`${recorded!.email!.id}.eml`]);
  });

  it('records an event once: a second record of it writes nothing and answers nothing', async () => {
    const repository = createNotificationRepository(fixture.db);
    const notification = { kind: 'welcome', subject: 'Hi', body: 'Welcome.', orderId: null, userId: userId(), sourceMessageId: newId('msg'), email: 'once@example.com' } as const;
    expect(await repository.record(notification)).toMatchObject({ email: { recipient: 'once@example.com', attempts: 0 } });
    expect(await repository.record(notification)).toBeUndefined();
    expect(await fixture.count('notifications', `source_message_id = '${notification.sourceMessageId}'`)).toBe(1);
    expect(await fixture.count('emails', `recipient = 'once@example.com'`)).toBe(1);
  });
});

describe('delivering e-mails through a failing transport', () => {
  let fixture: NotificationsFixture;
  let flaky: ReturnType<typeof flakyMailbox>;
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'bazaar-flaky-'));
    flaky = flakyMailbox(directory, 2);
    fixture = await startNotificationsFixture({
      transport: flaky.transport,
      env: { NOTIFICATIONS_EMAIL_RETRY_BASE_MS: '50', NOTIFICATIONS_EMAIL_RETRY_MAX_MS: '200' },
    });
  });

  afterAll(async () => {
    await fixture.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('retries until the e-mail is delivered, and delivers it exactly once', async () => {
    await fixture.publish(userRegistered(userId(), 'retry@example.com'));

    await vi.waitFor(async () => expect(await emailRows(fixture)).toMatchObject([{ status: 'sent', attempts: 3, last_error: null }]), eventually);
    const [email] = await emailRows(fixture);
    expect(flaky.attempts).toEqual([email!.id, email!.id, email!.id]);
    expect(await readdir(directory)).toEqual([`${email!.id}.eml`]);
  });
});

describe('giving up on an e-mail', () => {
  let fixture: NotificationsFixture;
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'bazaar-broken-'));
    fixture = await startNotificationsFixture({
      transport: flakyMailbox(directory, Number.MAX_SAFE_INTEGER).transport,
      env: { NOTIFICATIONS_EMAIL_MAX_ATTEMPTS: '3', NOTIFICATIONS_EMAIL_RETRY_BASE_MS: '20', NOTIFICATIONS_EMAIL_RETRY_MAX_MS: '50' },
    });
  });

  afterAll(async () => {
    await fixture.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('marks it failed after the last attempt and keeps the notification in the inbox', async () => {
    const user = userId();
    await fixture.publish(orderConfirmed(user, { email: 'nowhere@example.com' }));

    await vi.waitFor(async () => expect(await emailRows(fixture)).toMatchObject([{ status: 'failed', attempts: 3 }]), eventually);
    expect((await emailRows(fixture))[0]!.last_error).toContain('mail server unavailable');
    expect(await fixture.count('notifications', `user_id = '${user}'`)).toBe(1);
    expect(await readdir(directory)).toEqual([]);
  });
});

describe('delivering e-mails over SMTP', () => {
  let smtp: SmtpTestServer;
  let fixture: NotificationsFixture;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    fixture = await startNotificationsFixture({
      env: { SMTP_URL: smtp.url, NOTIFICATIONS_EMAIL_RETRY_BASE_MS: '50', NOTIFICATIONS_EMAIL_RETRY_MAX_MS: '200' },
    });
  });

  afterAll(async () => {
    await fixture.close();
    await smtp.close();
  });

  it('sends the e-mail to the SMTP server when SMTP_URL is set, and writes no mailbox file', async () => {
    await fixture.publish(userRegistered(userId(), 'smtp@example.com', 'Sam'));

    await vi.waitFor(() => expect(smtp.received).toHaveLength(1), eventually);
    const [mail] = smtp.received;
    expect(mail).toMatchObject({ from: 'no-reply@bazaar.local', to: ['smtp@example.com'] });
    expect(mail!.data).toContain('Subject: Welcome to Bazaar');
    expect(mail!.data).toContain('Hello Sam');
    await vi.waitFor(async () => expect(await emailRows(fixture)).toMatchObject([{ status: 'sent' }]), eventually);
    expect(await fixture.mailbox()).toEqual([]);
  });

  it('retries a message the server refuses for now, and it arrives once', async () => {
    smtp.failNext(1);
    const event = orderConfirmed(userId(), { email: 'later@example.com' });
    await fixture.publish(event);

    await vi.waitFor(() => expect(smtp.received.filter((mail) => mail.to.includes('later@example.com'))).toHaveLength(1), eventually);
    await vi.waitFor(async () => {
      const { rows: settled } = await fixture.sql.query<{ status: string; attempts: number }>("SELECT status, attempts FROM emails WHERE recipient = 'later@example.com'");
      expect(settled).toEqual([{ status: 'sent', attempts: 2 }]);
    }, eventually);
    expect(smtp.received.filter((mail) => mail.to.includes('later@example.com'))).toHaveLength(1);
  });
});
