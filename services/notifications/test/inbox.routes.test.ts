import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '@bazaar/platform/ids';
import type { Notification, NotificationPage } from '@bazaar/notifications/contract';
import { startNotificationsFixture, type NotificationsFixture } from './support/notifications.fixture.ts';
import { orderCancelled, orderConfirmed, userId, userRegistered } from './support/test-events.ts';

const eventually = { timeout: 20_000, interval: 50 };

describe('the notifications inbox', () => {
  let fixture: NotificationsFixture;
  const ada = userId();
  const bob = userId();
  let adaToken: string;
  let bobToken: string;

  async function inbox(token: string, query = ''): Promise<NotificationPage> {
    const response = await fixture.request('GET', `/api/notifications${query}`, { token });
    expect(response.statusCode).toBe(200);
    return response.json<NotificationPage>();
  }

  beforeAll(async () => {
    fixture = await startNotificationsFixture();
    adaToken = await fixture.issuer.token({ roles: ['customer'], userId: ada });
    bobToken = await fixture.issuer.token({ roles: ['customer'], userId: bob });
    // Published one by one so that their notifications are made, and so ordered, in this sequence.
    for (const event of [userRegistered(ada), orderConfirmed(ada), orderCancelled(ada, { reason: 'out of stock' })]) {
      await fixture.publish(event);
      await vi.waitFor(async () => expect(await fixture.count('notifications', `source_message_id = '${event.id}'`)).toBe(1), eventually);
    }
    await fixture.publish(userRegistered(bob, 'bob@example.com', 'Bob'));
    await vi.waitFor(async () => expect(await fixture.count('notifications', `user_id = '${bob}'`)).toBe(1), eventually);
  });

  afterAll(async () => {
    await fixture.close();
  });

  it("shows the caller only their own messages, newest first, all unread", async () => {
    const page = await inbox(adaToken);
    expect(page.items.map((item) => item.kind)).toEqual(['order-cancelled', 'order-confirmed', 'welcome']);
    expect(page.unreadCount).toBe(3);
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]!.body).toContain('out of stock');

    const bobs = await inbox(bobToken);
    expect(bobs.items.map((item) => item.kind)).toEqual(['welcome']);
    expect(bobs.items[0]!.body).toContain('Hello Bob');
  });

  it('pages through the inbox with a cursor, never repeating a message', async () => {
    const first = await inbox(adaToken, '?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await inbox(adaToken, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((item) => item.kind)).toEqual(['welcome']);
    expect(second.nextCursor).toBeNull();
    expect(second.unreadCount).toBe(3);
  });

  it('marks a message read once, lowering the unread count', async () => {
    const [newest] = (await inbox(adaToken)).items;
    const marked = await fixture.request('POST', `/api/notifications/${newest!.id}/read`, { token: adaToken });
    expect(marked.statusCode).toBe(200);
    const read = marked.json<Notification>();
    expect(read).toMatchObject({ id: newest!.id, readAt: expect.any(String) });

    const again = await fixture.request('POST', `/api/notifications/${newest!.id}/read`, { token: adaToken, body: {} });
    expect(again.statusCode).toBe(200);
    expect(again.json<Notification>().readAt).toBe(read.readAt);
    expect((await inbox(adaToken)).unreadCount).toBe(2);
  });

  it("answers 404 for another user's message and leaves it unread", async () => {
    const [bobsWelcome] = (await inbox(bobToken)).items;
    const response = await fixture.request('POST', `/api/notifications/${bobsWelcome!.id}/read`, { token: adaToken });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'NOTIFICATIONS.NOTIFICATION_NOT_FOUND' });
    expect(response.body).not.toContain('Bob');
    expect((await inbox(bobToken)).unreadCount).toBe(1);
  });

  it('answers 404 for a well-formed id nobody has', async () => {
    const response = await fixture.request('POST', `/api/notifications/${newId('ntf')}/read`, { token: adaToken });
    expect(response.statusCode).toBe(404);
  });

  it.each([
    ['a malformed cursor', 'GET', '/api/notifications?cursor=not-a-cursor!', undefined],
    ['a cursor of another kind', 'GET', `/api/notifications?cursor=${Buffer.from(JSON.stringify([1, 'prd_01jd3x0000000000000000000'])).toString('base64url')}`, undefined],
    ['a limit of zero', 'GET', '/api/notifications?limit=0', undefined],
    ['a limit too large', 'GET', '/api/notifications?limit=1000', undefined],
    ['an unknown query parameter', 'GET', '/api/notifications?everyone=true', undefined],
    ['a malformed id', 'POST', '/api/notifications/ord_123/read', undefined],
    ['a body with fields', 'POST', `/api/notifications/${newId('ntf')}/read`, { userId: 'usr_someone_else' }],
  ] as const)('rejects %s with a 400 problem', async (_case, method, url, body) => {
    const response = await fixture.request(method, url, { token: adaToken, ...(body ? { body } : {}) });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('turns away callers without a valid token', async () => {
    const anonymous = await fixture.request('GET', '/api/notifications');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    const forged = await fixture.request('GET', '/api/notifications', { token: await fixture.issuer.forgedToken({ roles: ['customer'] }) });
    expect(forged.statusCode).toBe(401);
  });
});
