import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '@bazaar/platform/ids';
import { startNotificationsFixture, type NotificationsFixture } from './support/notifications.fixture.ts';
import { orderCancelled, orderConfirmed, userId, userRegistered } from './support/test-events.ts';

const eventually = { timeout: 20_000, interval: 50 };

describe('notifications consuming events', () => {
  let fixture: NotificationsFixture;

  beforeAll(async () => {
    fixture = await startNotificationsFixture();
  });

  afterAll(async () => {
    await fixture.close();
  });

  async function emailOf(sourceMessageId: string) {
    const { rows } = await fixture.sql.query<{ id: string; status: string; recipient: string }>(
      'SELECT e.id, e.status, e.recipient FROM emails e JOIN notifications n ON n.id = e.notification_id WHERE n.source_message_id = $1',
      [sourceMessageId],
    );
    return rows;
  }

  it('welcomes a registered user with one notification and one e-mail file', async () => {
    const user = userId();
    const event = userRegistered(user, 'grace@example.com', 'Grace');
    await fixture.publish(event);

    await vi.waitFor(async () => expect(await emailOf(event.id)).toMatchObject([{ status: 'sent', recipient: 'grace@example.com' }]), eventually);
    expect(await fixture.count('notifications', `user_id = '${user}' AND kind = 'welcome'`)).toBe(1);
    const [email] = await emailOf(event.id);
    const mail = await fixture.readMail(`${email!.id}.eml`);
    expect(mail).toContain('To: grace@example.com');
    expect(mail).toContain('Subject: Welcome to Bazaar');
    expect(mail).toContain(`Message-ID: <${email!.id}@bazaar.local>`);
  });

  it('confirms an order to the address in the event, showing the total in its currency', async () => {
    const user = userId();
    const event = orderConfirmed(user, { email: 'buyer@example.com', totalMinor: 12_345 });
    await fixture.publish(event);

    await vi.waitFor(async () => expect(await emailOf(event.id)).toMatchObject([{ status: 'sent', recipient: 'buyer@example.com' }]), eventually);
    const [email] = await emailOf(event.id);
    const mail = await fixture.readMail(`${email!.id}.eml`);
    expect(mail).toContain(`Subject: Your order ${event.payload.orderId} is confirmed`);
    const { rows } = await fixture.sql.query<{ body: string }>('SELECT body FROM notifications WHERE source_message_id = $1', [event.id]);
    expect(rows[0]!.body).toContain('€123.45');
  });

  it('e-mails an order cancellation with its reason to the address the user registered with', async () => {
    const user = userId();
    await fixture.publish(userRegistered(user, 'lin@example.com', 'Lin'));
    await vi.waitFor(async () => expect(await fixture.count('notifications', `user_id = '${user}'`)).toBe(1), eventually);
    const event = orderCancelled(user, { reason: 'payment declined' });
    await fixture.publish(event);

    await vi.waitFor(async () => expect(await emailOf(event.id)).toMatchObject([{ status: 'sent', recipient: 'lin@example.com' }]), eventually);
    const [email] = await emailOf(event.id);
    expect(await fixture.readMail(`${email!.id}.eml`)).toContain('payment declined');
    expect(await fixture.count('notifications', `user_id = '${user}' AND kind = 'order-cancelled'`)).toBe(1);
  });

  it('keeps a notification without an e-mail when nobody knows the address', async () => {
    const user = userId();
    const event = orderConfirmed(user);
    await fixture.publish(event);

    await vi.waitFor(async () => expect(await fixture.count('notifications', `source_message_id = '${event.id}'`)).toBe(1), eventually);
    expect(await emailOf(event.id)).toEqual([]);
  });

  it('makes one notification and one e-mail of an event delivered twice', async () => {
    const user = userId();
    const event = orderConfirmed(user, { email: 'twice@example.com' });
    const filesBefore = (await fixture.mailbox()).length;
    await fixture.publish(event, event);
    await fixture.publish(event);

    await vi.waitFor(async () => expect(await emailOf(event.id)).toMatchObject([{ status: 'sent' }]), eventually);
    await vi.waitFor(async () => expect(await fixture.count('inbox', `message_id = '${event.id}'`)).toBe(1), eventually);
    expect(await fixture.count('notifications', `user_id = '${user}'`)).toBe(1);
    expect(await fixture.mailbox()).toHaveLength(filesBefore + 1);
  });

  it('dead-letters a malformed event and goes on consuming the next ones', async () => {
    const notJson = newId('msg');
    await fixture.publishRaw(notJson, 'order.confirmed', '{ this is not json');
    const badPayload = { ...orderConfirmed(userId()), payload: { orderId: 'ord_nope', userId: 'someone', totalMinor: -5, currency: 'euro' } };
    await fixture.publish(badPayload);

    await vi.waitFor(async () => expect(await fixture.count('dead_letters', `message_id IN ('${notJson}', '${badPayload.id}')`)).toBe(2), eventually);
    expect(await fixture.count('notifications', `source_message_id IN ('${notJson}', '${badPayload.id}')`)).toBe(0);

    const user = userId();
    const good = orderCancelled(user, { email: 'after@example.com' });
    await fixture.publish(good);
    await vi.waitFor(async () => expect(await emailOf(good.id)).toMatchObject([{ status: 'sent' }]), eventually);
    const letters = await fixture.service.messaging.deadLetters.list({ consumer: 'notifications' });
    expect(letters.items.map((letter) => letter.error).join('\n')).toMatch(/payload is invalid/);
  });
});
