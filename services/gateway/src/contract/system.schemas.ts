import { type Static, Type } from '@sinclair/typebox';

const ReplicaStatus = Type.Union([Type.Literal('ready'), Type.Literal('not-ready'), Type.Literal('down')]);

/** One replica of a service as the gateway sees it when asked. */
export const ReplicaViewSchema = Type.Object(
  {
    url: Type.String(),
    /** `down`: it did not answer its readiness probe in time. */
    status: ReplicaStatus,
    pid: Type.Union([Type.Integer(), Type.Null()]),
    uptimeSeconds: Type.Union([Type.Number(), Type.Null()]),
    checks: Type.Array(Type.Object({ name: Type.String(), ok: Type.Boolean() }, { additionalProperties: false })),
    /** Whether the gateway's balancer has taken it out of rotation after repeated failures. */
    ejected: Type.Boolean(),
    inFlight: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

/** One service: its replicas, the gateway's circuit to it and, for services on the broker, its messaging. */
export const ServiceViewSchema = Type.Object(
  {
    name: Type.String(),
    replicas: Type.Array(ReplicaViewSchema),
    breaker: Type.Union([Type.Literal('closed'), Type.Literal('open'), Type.Literal('half-open'), Type.Literal('isolated')]),
    messaging: Type.Union([
      Type.Object(
        {
          outboxPending: Type.Integer({ minimum: 0 }),
          outboxOldestAgeSeconds: Type.Number({ minimum: 0 }),
          deadLettersPending: Type.Integer({ minimum: 0 }),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
  },
  { additionalProperties: false },
);

/** `GET /api/admin/system`: the whole system at one moment, for the operator's console. */
export const SystemViewSchema = Type.Object(
  { generatedAt: Type.String({ format: 'date-time' }), services: Type.Array(ServiceViewSchema) },
  { additionalProperties: false },
);
export type SystemView = Static<typeof SystemViewSchema>;
export type ServiceView = Static<typeof ServiceViewSchema>;
export type ReplicaView = Static<typeof ReplicaViewSchema>;
