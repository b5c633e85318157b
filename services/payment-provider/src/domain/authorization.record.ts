import type { Authorization, AuthorizationStatus } from '../contract/authorization.schemas.ts';
import type { AuthorizationCounters } from '../contract/fault.schemas.ts';

/** One authorization in the provider's memory, with what was asked of it. */
export interface AuthorizationRecord {
  readonly id: string;
  readonly idempotencyKey: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly token: string;
  status: AuthorizationStatus;
  readonly declineCode: string | undefined;
  capturedAmountMinor: number | undefined;
  authorizeRequests: number;
  captureRequests: number;
  captures: number;
  voidRequests: number;
  voids: number;
}

/** The record as the `/v1` API shows it. */
export function toAuthorization(record: AuthorizationRecord): Authorization {
  return {
    authorizationId: record.id,
    status: record.status,
    amountMinor: record.amountMinor,
    currency: record.currency,
    idempotencyKey: record.idempotencyKey,
    ...(record.declineCode !== undefined && { declineCode: record.declineCode }),
    ...(record.capturedAmountMinor !== undefined && { capturedAmountMinor: record.capturedAmountMinor }),
  };
}

/** The record as the admin counters show it. */
export function toCounters(record: AuthorizationRecord): AuthorizationCounters {
  return {
    authorizationId: record.id,
    idempotencyKey: record.idempotencyKey,
    status: record.status,
    authorizeRequests: record.authorizeRequests,
    captureRequests: record.captureRequests,
    captures: record.captures,
    voidRequests: record.voidRequests,
    voids: record.voids,
  };
}
