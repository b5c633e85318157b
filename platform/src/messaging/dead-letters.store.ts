import { Type, type Static } from '@sinclair/typebox';
import { sql, type Kysely, type Selectable } from 'kysely';
import { AppError } from '../errors/app-error.ts';
import { fail, ok, type Result } from '../errors/result.ts';
import { newId } from '../ids/index.ts';
import type { Logger } from '../telemetry/logger.ts';
import type { Broker, Delivery } from './broker.ts';
import { MessagingErrors } from './messaging.errors.ts';
import { messagingDb, type DeadLetterTable } from './messaging.tables.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);

/** A dead letter as admin routes show it. */
export const DeadLetterSchema = Type.Object(
  {
    id: Type.String(),
    consumer: Type.String(),
    messageId: NullableString,
    type: NullableString,
    error: Type.String(),
    attempts: Type.Integer(),
    deadAt: Type.String({ format: 'date-time' }),
    redrivenAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    /** The message as received when it was JSON, otherwise null and `raw` holds the text. */
    message: Type.Unknown(),
    raw: NullableString,
  },
  { additionalProperties: false },
);
export type DeadLetter = Static<typeof DeadLetterSchema>;

/** One page of dead letters, newest first. */
export const DeadLetterPageSchema = Type.Object(
  { items: Type.Array(DeadLetterSchema), nextCursor: NullableString },
  { additionalProperties: false },
);
export type DeadLetterPage = Static<typeof DeadLetterPageSchema>;

export interface DeadLetterQuery {
  readonly consumer?: string | undefined;
  /** `pending` (default): not re-driven yet. */
  readonly state?: 'pending' | 'redriven' | 'all' | undefined;
  readonly limit?: number | undefined;
  /** The `nextCursor` of the previous page. */
  readonly cursor?: string | undefined;
}

/** Reading and re-driving a service's dead letters, ready to sit behind admin routes. */
export interface DeadLetters {
  list(query?: DeadLetterQuery): Promise<DeadLetterPage>;
  get(id: string): Promise<DeadLetter | undefined>;
  /** How many dead letters wait for a re-drive. */
  pendingCount(): Promise<number>;
  /** Sends the message again to the consumer that gave up on it, and only to that consumer. */
  redrive(id: string): Promise<Result<DeadLetter, AppError>>;
}

export interface DeadLetterRecord {
  readonly consumer: string;
  readonly delivery: Delivery;
  readonly error: string;
  /** The body parsed as JSON, when it was JSON. */
  readonly json?: unknown;
}

// A body that is not JSON is kept as text for a human to read; a huge one is cut rather than bloat the table.
const MAX_RAW_LENGTH = 256 * 1024;

/** Stores a message a consumer gave up on; recording the same pending message twice keeps one row. */
export async function recordDeadLetter<DB>(db: Kysely<DB>, record: DeadLetterRecord): Promise<void> {
  const envelope = isObject(record.json) ? record.json : {};
  const messageId = typeof envelope['id'] === 'string' ? envelope['id'].slice(0, 200) : (record.delivery.id ?? null);
  const type = typeof envelope['type'] === 'string' ? envelope['type'].slice(0, 200) : (record.delivery.type ?? null);
  const isJson = record.json !== undefined;
  await sql`
    INSERT INTO dead_letters (id, consumer, message_id, type, message, raw, error, attempts)
    VALUES (${newId('dlt')}, ${record.consumer}, ${messageId && storable(messageId)}, ${type && storable(type)},
            ${isJson ? JSON.stringify(storable(record.json)) : null}::jsonb, ${isJson ? null : storable(record.delivery.body).slice(0, MAX_RAW_LENGTH)},
            ${storable(record.error).slice(0, 4_000)}, ${record.delivery.attempt})
    ON CONFLICT (consumer, message_id) WHERE redriven_at IS NULL AND message_id IS NOT NULL DO NOTHING`.execute(db);
}

export function createDeadLetters<DB>(options: { db: Kysely<DB>; broker: Broker; logger: Logger }): DeadLetters {
  const db = messagingDb(options.db);

  async function get(id: string): Promise<DeadLetter | undefined> {
    const row = await db.selectFrom('dead_letters').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toView(row);
  }

  return {
    get,
    async pendingCount() {
      const row = await db
        .selectFrom('dead_letters')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('redriven_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
    async list(query = {}) {
      const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
      let select = db.selectFrom('dead_letters').selectAll().orderBy('id', 'desc').limit(limit + 1);
      if (query.consumer !== undefined) select = select.where('consumer', '=', query.consumer);
      if ((query.state ?? 'pending') === 'pending') select = select.where('redriven_at', 'is', null);
      if (query.state === 'redriven') select = select.where('redriven_at', 'is not', null);
      if (query.cursor !== undefined) select = select.where('id', '<', query.cursor);
      const rows = await select.execute();
      const page = rows.slice(0, limit);
      return { items: page.map(toView), nextCursor: rows.length > limit ? page.at(-1)!.id : null };
    },
    async redrive(id) {
      // Claimed before the publish, so two admins cannot re-drive it twice and a message that fails again at
      // once is recorded as a new dead letter rather than folded into this one.
      const claimed = await db
        .updateTable('dead_letters')
        .set({ redriven_at: new Date() })
        .where('id', '=', id)
        .where('redriven_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (!claimed) {
        const existing = await get(id);
        return fail(new AppError(existing ? MessagingErrors.ALREADY_REDRIVEN : MessagingErrors.DEAD_LETTER_NOT_FOUND));
      }
      const body = claimed.message === null ? (claimed.raw ?? '') : JSON.stringify(claimed.message);
      try {
        await options.broker.publish([{ id: claimed.message_id ?? claimed.id, type: claimed.type ?? 'unknown', body, consumer: claimed.consumer }]);
      } catch (error) {
        await db.updateTable('dead_letters').set({ redriven_at: null }).where('id', '=', id).execute();
        options.logger.warn({ err: error, deadLetterId: id }, 're-driving a dead letter failed');
        return fail(new AppError(MessagingErrors.BROKER_UNAVAILABLE, undefined, { cause: error }));
      }
      options.logger.info({ deadLetterId: id, consumer: claimed.consumer, messageId: claimed.message_id }, 'dead letter re-driven');
      return ok(toView(claimed));
    },
  };
}

function toView(row: Selectable<DeadLetterTable>): DeadLetter {
  return {
    id: row.id,
    consumer: row.consumer,
    messageId: row.message_id,
    type: row.type,
    error: row.error,
    attempts: row.attempts,
    deadAt: row.dead_at.toISOString(),
    redrivenAt: row.redriven_at?.toISOString() ?? null,
    message: row.message ?? null,
    raw: row.raw,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** PostgreSQL text and jsonb cannot hold NUL characters; a poison message may. */
function storable<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\u0000', '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k), storable(v)])) as T;
  return value;
}
