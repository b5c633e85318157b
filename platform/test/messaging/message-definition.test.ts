import { trace } from '@opentelemetry/api';
import { Type } from '@sinclair/typebox';
import { afterAll, describe, expect, it } from 'vitest';
import { isId } from '@bazaar/platform/ids';
import { causedBy, defineMessage, MessageValidationError } from '@bazaar/platform/messaging';
import { installTracing } from '@bazaar/platform/telemetry';

const tracing = installTracing({ processName: 'platform-message-definition-test' });
afterAll(() => tracing.shutdown());

const UserRegistered = defineMessage({
  type: 'user.registered',
  version: 2,
  schema: Type.Object(
    { userId: Type.String({ minLength: 1 }), email: Type.String({ format: 'email' }), name: Type.String() },
    { additionalProperties: false },
  ),
});

const payload = { userId: 'usr_1', email: 'ada@example.com', name: 'Ada' };

/** What a message looks like after the wire: serialized and parsed again. */
const overTheWire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('defineMessage().create', () => {
  it('wraps the payload in an envelope with a fresh sortable id, its type, version and time', () => {
    const before = Date.now();
    const message = UserRegistered.create(payload);
    expect(isId('msg', message.id)).toBe(true);
    expect(message).toMatchObject({ type: 'user.registered', version: 2, payload });
    expect(Date.parse(message.occurredAt)).toBeGreaterThanOrEqual(before);
    expect(message.occurredAt).toBe(new Date(message.occurredAt).toISOString());
  });

  it('starts a conversation of its own unless given a correlation id', () => {
    const first = UserRegistered.create(payload);
    expect(first.correlationId).toBe(first.id);
    const second = UserRegistered.create(payload, { correlationId: 'checkout-42', occurredAt: '2025-01-02T03:04:05Z' });
    expect(second.correlationId).toBe('checkout-42');
    expect(second.occurredAt).toBe('2025-01-02T03:04:05.000Z');
  });

  it('carries the conversation and the cause on to the messages a message causes', () => {
    const cause = UserRegistered.create(payload, { correlationId: 'signup-7' });
    const effect = UserRegistered.create(payload, causedBy(cause));
    expect(effect).toMatchObject({ correlationId: 'signup-7', causationId: cause.id });
  });

  it('records the trace context of the active span, and none outside a span', () => {
    expect(UserRegistered.create(payload)).not.toHaveProperty('traceparent');
    const { message, traceId } = trace.getTracer('test').startActiveSpan('register', (span) => {
      const made = UserRegistered.create(payload);
      span.end();
      return { message: made, traceId: span.spanContext().traceId };
    });
    expect(message.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
  });

  it('refuses a payload that breaks the producer’s schema, naming every problem', () => {
    const bad = { userId: '', email: 'not-an-email', name: 'Ada', admin: true };
    expect(() => UserRegistered.create(bad as unknown as typeof payload)).toThrow(MessageValidationError);
    try {
      UserRegistered.create(bad as unknown as typeof payload);
    } catch (error) {
      const problems = (error as MessageValidationError).problems.join('\n');
      expect(problems).toContain('payload/userId');
      expect(problems).toContain('payload/email');
      expect(problems).toContain('additional properties');
    }
  });
});

describe('defineMessage().parse', () => {
  it('accepts what create made, after the wire', () => {
    const message = UserRegistered.create(payload, { correlationId: 'c-1', causationId: 'msg_x' });
    expect(UserRegistered.parse(overTheWire(message))).toEqual(message);
  });

  it('tolerates envelope fields it does not know, so producers can add metadata', () => {
    const message = { ...UserRegistered.create(payload), tracestate: 'vendor=1' };
    expect(UserRegistered.parse(overTheWire(message))).toMatchObject({ payload });
  });

  it.each([
    ['another type', { type: 'user.deleted' }, /expected user.registered v2/],
    ['another version', { version: 1 }, /expected user.registered v2/],
    ['an id without the msg prefix', { id: 'usr_01jd3x0000000000000000000' }, /message\/id/],
    ['no correlation id', { correlationId: undefined }, /correlationId/],
    ['a time that is not a date-time', { occurredAt: 'yesterday' }, /message\/occurredAt/],
    ['a malformed traceparent', { traceparent: 'abc' }, /message\/traceparent/],
    ['a payload of the wrong shape', { payload: { userId: 'usr_1', email: 'ada@example.com' } }, /payload must have required property 'name'/],
  ])('refuses a message with %s', (_, change, problem) => {
    const message = overTheWire({ ...UserRegistered.create(payload), ...change });
    expect(() => UserRegistered.parse(message)).toThrow(problem);
  });

  it.each([null, 'text', 42, [], {}])('refuses %j as an envelope', (value) => {
    expect(() => UserRegistered.parse(value)).toThrow(MessageValidationError);
  });
});

describe('defineMessage', () => {
  it.each(['Order.Placed', 'placed', 'order..placed', 'order.placed_', 'order.-placed'])('refuses the type name %s', (type) => {
    expect(() => defineMessage({ type, version: 1, schema: Type.Object({}) })).toThrow(/dotted lowercase/);
  });

  it('accepts event and command names with hyphenated words', () => {
    expect(defineMessage({ type: 'stock.level-changed', version: 1, schema: Type.Object({}) }).type).toBe('stock.level-changed');
    expect(defineMessage({ type: 'inventory.reserve-stock', version: 1, schema: Type.Object({}) }).type).toBe('inventory.reserve-stock');
  });

  it.each([0, -1, 1.5])('refuses version %s', (version) => {
    expect(() => defineMessage({ type: 'order.placed', version, schema: Type.Object({}) })).toThrow(/positive integer version/);
  });
});
