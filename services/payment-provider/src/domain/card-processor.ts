import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import type { AuthorizeRequest } from '../contract/authorization.schemas.ts';
import type { ProviderCounters } from '../contract/fault.schemas.ts';

/** What the processor itself counts (the outage knob counts its refusals apart). */
export type ProcessorCounters = Omit<ProviderCounters, 'refusedByOutage'>;
import { PaymentProviderErrors as Errors } from '../contract/payment-provider.errors.ts';
import type { AuthorizationRecord } from './authorization.record.ts';
import type { Verdict } from './card-verdict.ts';

export interface CardProcessorOptions {
  /** Authorizations kept in memory; the oldest are forgotten beyond it, so a long demo run stays bounded. */
  readonly maxAuthorizations: number;
  readonly newId: () => string;
}

/** The processor's ledger: authorizations by id and by idempotency key, and what it has done. */
export interface CardProcessor {
  /**
   * Authorizes once per idempotency key: a repeated key answers with the authorization it made (whatever it
   * has become since) and `verdict` is asked only for a new key, so a replay never draws again.
   */
  authorize(request: AuthorizeRequest, verdict: () => Verdict | undefined): Result<AuthorizationRecord, AppError>;
  /** Takes the held amount (or `amountMinor` of it); a second capture returns the first, never makes another. */
  capture(id: string, amountMinor?: number): Result<AuthorizationRecord, AppError>;
  /** Releases the hold; voiding twice is one void, voiding a captured authorization is refused. */
  void(id: string): Result<AuthorizationRecord, AppError>;
  findByKey(idempotencyKey: string): AuthorizationRecord | undefined;
  /** Every authorization made with the key, found by a full scan: a double authorization would show here. */
  allWithKey(idempotencyKey: string): AuthorizationRecord[];
  counters(): ProcessorCounters;
}

const sameTerms = (record: AuthorizationRecord, request: AuthorizeRequest) =>
  record.amountMinor === request.amountMinor && record.currency === request.currency && record.token === request.token;

export function createCardProcessor(options: CardProcessorOptions): CardProcessor {
  const byId = new Map<string, AuthorizationRecord>();
  const byKey = new Map<string, AuthorizationRecord>();
  const totals: ProcessorCounters = { authorizeRequests: 0, authorizations: 0, approved: 0, declined: 0, captureRequests: 0, captures: 0, voidRequests: 0, voids: 0 };

  function remember(record: AuthorizationRecord): void {
    byId.set(record.id, record);
    byKey.set(record.idempotencyKey, record);
    // Maps iterate in insertion order, so the first entry is the oldest.
    for (const [id, oldest] of byId) {
      if (byId.size <= options.maxAuthorizations) break;
      byId.delete(id);
      if (byKey.get(oldest.idempotencyKey) === oldest) byKey.delete(oldest.idempotencyKey);
    }
  }

  return {
    authorize(request, verdict) {
      totals.authorizeRequests += 1;
      const existing = byKey.get(request.idempotencyKey);
      if (existing) {
        if (!sameTerms(existing, request)) return fail(new AppError(Errors.IDEMPOTENCY_KEY_REUSED));
        existing.authorizeRequests += 1;
        return ok(existing);
      }
      const decided = verdict();
      if (decided === undefined) return fail(new AppError(Errors.UNKNOWN_TOKEN, `Unknown test token '${request.token}'`));
      const record: AuthorizationRecord = {
        id: options.newId(),
        idempotencyKey: request.idempotencyKey,
        amountMinor: request.amountMinor,
        currency: request.currency,
        token: request.token,
        status: decided.approved ? 'approved' : 'declined',
        declineCode: decided.approved ? undefined : decided.declineCode,
        capturedAmountMinor: undefined,
        authorizeRequests: 1,
        captureRequests: 0,
        captures: 0,
        voidRequests: 0,
        voids: 0,
      };
      remember(record);
      totals.authorizations += 1;
      if (decided.approved) totals.approved += 1;
      else totals.declined += 1;
      return ok(record);
    },

    capture(id, amountMinor) {
      totals.captureRequests += 1;
      const record = byId.get(id);
      if (!record) return fail(new AppError(Errors.AUTHORIZATION_NOT_FOUND));
      record.captureRequests += 1;
      if (record.status === 'captured') return ok(record);
      if (record.status !== 'approved') return fail(new AppError(Errors.NOT_CAPTURABLE, `The authorization is ${record.status}`));
      const amount = amountMinor ?? record.amountMinor;
      if (amount > record.amountMinor) return fail(new AppError(Errors.AMOUNT_EXCEEDS_AUTHORIZATION));
      record.status = 'captured';
      record.capturedAmountMinor = amount;
      record.captures += 1;
      totals.captures += 1;
      return ok(record);
    },

    void(id) {
      totals.voidRequests += 1;
      const record = byId.get(id);
      if (!record) return fail(new AppError(Errors.AUTHORIZATION_NOT_FOUND));
      record.voidRequests += 1;
      if (record.status === 'voided') return ok(record);
      if (record.status !== 'approved') return fail(new AppError(Errors.NOT_VOIDABLE, `The authorization is ${record.status}`));
      record.status = 'voided';
      record.voids += 1;
      totals.voids += 1;
      return ok(record);
    },

    findByKey: (idempotencyKey) => byKey.get(idempotencyKey),
    allWithKey: (idempotencyKey) => [...byId.values()].filter((record) => record.idempotencyKey === idempotencyKey),
    counters: () => ({ ...totals }),
  };
}
