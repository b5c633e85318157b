import { context, propagation } from '@opentelemetry/api';
import type { Static, TSchema } from '@sinclair/typebox';
import { newId } from '../ids/index.ts';
import { EnvelopeSchema, MESSAGE_TYPE_PATTERN, type Message, type MessageMeta } from './message.envelope.ts';
import { compileCheck, MessageValidationError } from './message.validation.ts';

/** A message type owned by its producer: its name, version and payload schema, with a typed factory and parser. */
export interface MessageDefinition<T extends string = string, S extends TSchema = TSchema> {
  readonly type: T;
  readonly version: number;
  readonly schema: S;
  /** A new message with a fresh id; throws MessageValidationError when the payload breaks the schema. */
  create(payload: Static<S>, meta?: MessageMeta): Message<T, Static<S>>;
  /** The message in `value`, checked envelope and payload; throws MessageValidationError otherwise. */
  parse(value: unknown): Message<T, Static<S>>;
}

/** The message type a definition produces and accepts. */
export type MessageOf<D> = D extends MessageDefinition<infer T, infer S> ? Message<T, Static<S>> : never;

function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}

const checkEnvelope = compileCheck(EnvelopeSchema, 'message');
const typePattern = new RegExp(MESSAGE_TYPE_PATTERN);

/**
 * Defines a message: `defineMessage({ type: 'order.placed', version: 1, schema: OrderPlacedPayload })`. The
 * producer validates with it before writing to the outbox and every consumer validates with it on receipt.
 */
export function defineMessage<const T extends string, S extends TSchema>(spec: {
  type: T;
  version: number;
  schema: S;
}): MessageDefinition<T, S> {
  if (!typePattern.test(spec.type)) throw new Error(`Message type "${spec.type}" must be dotted lowercase words, e.g. order.placed`);
  if (!Number.isInteger(spec.version) || spec.version < 1) throw new Error(`Message ${spec.type} needs a positive integer version`);
  const subject = `${spec.type} v${spec.version}`;
  const checkPayload = compileCheck(spec.schema, 'payload');

  return {
    type: spec.type,
    version: spec.version,
    schema: spec.schema,
    create(payload, meta = {}) {
      const problems = checkPayload(payload);
      if (problems.length > 0) throw new MessageValidationError(`${subject} payload is invalid`, problems);
      const id = newId('msg');
      const traceparent = meta.traceparent ?? activeTraceparent();
      const occurredAt = meta.occurredAt ?? new Date();
      return {
        id,
        type: spec.type,
        version: spec.version,
        occurredAt: typeof occurredAt === 'string' ? new Date(occurredAt).toISOString() : occurredAt.toISOString(),
        correlationId: meta.correlationId ?? id,
        ...(meta.causationId === undefined ? {} : { causationId: meta.causationId }),
        ...(traceparent === undefined ? {} : { traceparent }),
        payload,
      };
    },
    parse(value) {
      const envelopeProblems = checkEnvelope(value);
      if (envelopeProblems.length > 0) throw new MessageValidationError('not a valid message envelope', envelopeProblems);
      const message = value as Message;
      if (message.type !== spec.type || message.version !== spec.version) {
        throw new MessageValidationError(`expected ${subject}`, [`got ${message.type} v${message.version}`]);
      }
      const problems = checkPayload(message.payload);
      if (problems.length > 0) throw new MessageValidationError(`${subject} payload is invalid`, problems);
      return message as Message<T, Static<S>>;
    },
  };
}
