import { type Kysely, type Selectable, statement, type Updateable } from '@bazaar/platform/db';
import type { PaymentStatus } from '../contract/payment.schemas.ts';
import type { PaymentRecord } from '../domain/payment.model.ts';
import type { PaymentsTable, PaymentsTables } from './payments.tables.ts';

function toPayment(row: Selectable<PaymentsTable>): PaymentRecord {
  return {
    id: row.id,
    orderId: row.order_id,
    customerId: row.customer_id,
    amountMinor: row.amount_minor,
    currency: row.currency,
    status: row.status,
    providerAuthorizationId: row.provider_authorization_id,
    declineCode: row.decline_code,
    failureCode: row.failure_code,
    authorizeKey: row.authorize_key,
    captureKey: row.capture_key,
    voidKey: row.void_key,
    attempts: row.attempts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    authorizedAt: row.authorized_at,
    capturedAt: row.captured_at,
    voidedAt: row.voided_at,
  };
}

/** The columns a new payment row is written with. */
export type NewPayment = Pick<PaymentRecord, 'id' | 'orderId' | 'customerId' | 'amountMinor' | 'currency' | 'status' | 'authorizeKey'> &
  Partial<Pick<PaymentRecord, 'voidKey' | 'voidedAt' | 'attempts'>>;

/** Column changes a transition makes besides the status. */
export type PaymentChanges = Pick<Updateable<PaymentsTable>, 'provider_authorization_id' | 'decline_code' | 'failure_code' | 'capture_key' | 'void_key'>;

/** What a transition records besides its changes: a provider call about to be made, the moment of an outcome. */
export interface TransitionOptions {
  readonly attempt?: boolean;
  readonly stamp?: 'authorized_at' | 'captured_at' | 'voided_at';
}

const INSERT = statement<
  Selectable<PaymentsTable>,
  [
    id: string,
    orderId: string,
    customerId: string | null,
    amountMinor: number,
    currency: string,
    status: PaymentStatus,
    authorizeKey: string,
    voidKey: string | null,
    voidedAt: Date | null,
    attempts: number,
  ]
>(`
  INSERT INTO payments (id, order_id, customer_id, amount_minor, currency, status, authorize_key, void_key, voided_at, attempts)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
  ON CONFLICT (order_id) DO NOTHING
  RETURNING *`);

const FIND_BY_ORDER = statement<Selectable<PaymentsTable>, [orderId: string]>('SELECT * FROM payments WHERE order_id = $1');

const CHANGEABLE = ['provider_authorization_id', 'decline_code', 'failure_code', 'capture_key', 'void_key'] as const satisfies readonly (keyof PaymentChanges)[];
const STAMPS = ['authorized_at', 'captured_at', 'voided_at'] as const satisfies readonly TransitionOptions['stamp'][];

/**
 * Every transition in one text: a column changes only when the changes ($5, as a JSON object) name it (a null
 * clears it), and only the stamp named by $6 takes the time.
 */
const TRANSITION = statement<
  Selectable<PaymentsTable>,
  [id: string, from: readonly PaymentStatus[], to: PaymentStatus, attempted: number, changes: string, stamp: TransitionOptions['stamp'] | null]
>(`
  UPDATE payments
  SET status = $3,
      updated_at = now(),
      attempts = attempts + $4,
      ${CHANGEABLE.map((column) => `${column} = CASE WHEN $5::jsonb ? '${column}' THEN $5::jsonb ->> '${column}' ELSE ${column} END`).join(',\n      ')},
      ${STAMPS.map((column) => `${column} = CASE WHEN $6::text = '${column}' THEN now() ELSE ${column} END`).join(',\n      ')}
  WHERE id = $1 AND status = ANY($2::text[])
  RETURNING *`);

/**
 * Payments by order. Every change is one conditional statement (no transaction spans a provider call): a
 * transition names the statuses it starts from, and a row that has moved on meanwhile is left alone.
 */
export function createPaymentRepository(db: Kysely<PaymentsTables>) {
  return {
    /** Inserts the payment, or returns undefined when the order already has one. */
    async insert(payment: NewPayment): Promise<PaymentRecord | undefined> {
      const { rows } = await INSERT.execute(db, [
        payment.id,
        payment.orderId,
        payment.customerId,
        payment.amountMinor,
        payment.currency,
        payment.status,
        payment.authorizeKey,
        payment.voidKey ?? null,
        payment.voidedAt ?? null,
        payment.attempts ?? 0,
      ]);
      const row = rows[0];
      return row && toPayment(row);
    },

    async findByOrderId(orderId: string): Promise<PaymentRecord | undefined> {
      const row = (await FIND_BY_ORDER.execute(db, [orderId])).rows[0];
      return row && toPayment(row);
    },

    /**
     * Moves the payment from one of `from` to `to` with `changes`. Returns undefined when the payment is no
     * longer in any of `from`.
     */
    async transition(
      id: string,
      from: readonly PaymentStatus[],
      to: PaymentStatus,
      changes: PaymentChanges = {},
      options: TransitionOptions = {},
    ): Promise<PaymentRecord | undefined> {
      const { rows } = await TRANSITION.execute(db, [id, from, to, options.attempt ? 1 : 0, JSON.stringify(changes), options.stamp ?? null]);
      const row = rows[0];
      return row && toPayment(row);
    },
  };
}

export type PaymentRepository = ReturnType<typeof createPaymentRepository>;
