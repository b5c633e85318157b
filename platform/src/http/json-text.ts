import type { FastifyReply } from 'fastify';

declare const jsonOf: unique symbol;

/** The JSON text of a `T`, serialized already (a cached answer, say): sent as it is, never parsed on the way. */
export type JsonText<T> = string & { readonly [jsonOf]?: T };

/** Answers with JSON text as it is: Fastify sends a string under a JSON content type unchanged, past the serializer. */
export function replyJsonText<T>(reply: FastifyReply, text: JsonText<T>): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(text);
}
