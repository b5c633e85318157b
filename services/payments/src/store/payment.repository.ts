import { type Kysely, type Selectable, sql, type Updateable } from '@bazaar/platform/db';
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

/**
 * Payments by order. Every change is one conditional statement (no transaction spans a provider call): a
 * transition names the statuses it starts from, and a row that has moved on meanwhile is left alone.
 */
export function createPaymentRepository(db: Kysely<PaymentsTables>) {
  return {
    /** Inserts the payment, or returns undefined when the order already has one. */
    async insert(payment: NewPayment): Promise<PaymentRecord | undefined> {
      const row = await db
        .insertInto('payments')
        .values({
          id: payment.id,
          order_id: payment.orderId,
          customer_id: payment.customerId,
          amount_minor: payment.amountMinor,
          currency: payment.currency,
          status: payment.status,
          authorize_key: payment.authorizeKey,
          void_key: payment.voidKey ?? null,
          voided_at: payment.voidedAt ?? null,
          attempts: payment.attempts ?? 0,
        })
        .onConflict((conflict) => conflict.column('order_id').doNothing())
        .returningAll()
        .executeTakeFirst();
      return row && toPayment(row);
    },

    async findByOrderId(orderId: string): Promise<PaymentRecord | undefined> {
      const row = await db.selectFrom('payments').selectAll().where('order_id', '=', orderId).executeTakeFirst();
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
      const row = await db
        .updateTable('payments')
        .set({
          ...changes,
          status: to,
          updated_at: sql<Date>`now()`,
          attempts: sql<number>`attempts + ${options.attempt ? 1 : 0}`,
          ...(options.stamp && { [options.stamp]: sql<Date>`now()` }),
        })
        .where('id', '=', id)
        .where('status', 'in', [...from])
        .returningAll()
        .executeTakeFirst();
      return row && toPayment(row);
    },
  };
}

export type PaymentRepository = ReturnType<typeof createPaymentRepository>;
