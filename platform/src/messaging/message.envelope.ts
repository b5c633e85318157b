import { Type } from '@sinclair/typebox';
import { idPattern } from '../ids/index.ts';

/**
 * One message as it travels: the metadata that routing, deduplication and tracing rely on, around a payload
 * whose shape the producer's schema owns.
 */
export interface Message<T extends string = string, P = unknown> {
  /** `msg_…`, prefixed and time-sortable; consumers deduplicate by it. */
  readonly id: string;
  /** `<entity>.<past-tense-verb>` for events (`order.placed`), imperative for commands (`inventory.reserve-stock`). */
  readonly type: T;
  /** The version of the payload schema; a change that breaks consumers is a new version. */
  readonly version: number;
  /** ISO-8601 instant at which the fact happened (or the command was issued). */
  readonly occurredAt: string;
  /** The conversation this message belongs to (a checkout, a saga); kept across every message it causes. */
  readonly correlationId: string;
  /** The id of the message that caused this one, when one did. */
  readonly causationId?: string;
  /** W3C trace context of the producer, so the consumer's span joins the producer's trace. */
  readonly traceparent?: string;
  readonly payload: P;
}

/** Metadata a producer may set when it creates a message; everything has a sensible default. */
export interface MessageMeta {
  /** Defaults to the new message's own id: the message starts a conversation. */
  readonly correlationId?: string | undefined;
  readonly causationId?: string | undefined;
  /** Defaults to the active trace context. */
  readonly traceparent?: string | undefined;
  /** Defaults to now. */
  readonly occurredAt?: Date | string | undefined;
}

/** The meta of a message caused by `message`: same conversation, caused by it, traced from the active span. */
export function causedBy(message: Pick<Message, 'id' | 'correlationId'>): MessageMeta {
  return { correlationId: message.correlationId, causationId: message.id };
}

/** `order.placed`, `stock.level-changed`, `inventory.reserve-stock`: lowercase dotted words, hyphens inside words. */
export const MESSAGE_TYPE_PATTERN = '^[a-z][a-z0-9]*(-[a-z0-9]+)*(\\.[a-z][a-z0-9]*(-[a-z0-9]+)*)+$';

const TRACEPARENT_PATTERN = '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$';

/**
 * The envelope every consumer checks before it looks at the payload. Unknown envelope fields are allowed so a
 * newer producer can add metadata without breaking older consumers.
 */
export const EnvelopeSchema = Type.Object({
  id: Type.String({ pattern: idPattern('msg') }),
  type: Type.String({ pattern: MESSAGE_TYPE_PATTERN, maxLength: 200 }),
  version: Type.Integer({ minimum: 1 }),
  occurredAt: Type.String({ format: 'date-time' }),
  correlationId: Type.String({ minLength: 1, maxLength: 200 }),
  causationId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  traceparent: Type.Optional(Type.String({ pattern: TRACEPARENT_PATTERN })),
  payload: Type.Unknown(),
});
