import type { ErrorSpec } from '@bazaar/platform/errors';
import { PaymentsErrors } from '../contract/payments.errors.ts';
import type { PaymentStatus } from '../contract/payment.schemas.ts';

/**
 * What an operation does with a payment in a given status: `begin` records the intent, `send` (re)sends the
 * recorded intent to the provider, `done` answers with the payment as it is; an error spec refuses.
 */
export type Step = 'begin' | 'send' | 'done' | ErrorSpec;

/** Authorizing: the row is created as the intent, so there is no `begin`; a settled outcome is repeated. */
export function authorizeStep(status: PaymentStatus): Step {
  switch (status) {
    case 'pending':
      return 'send';
    case 'authorized':
    case 'capturing':
    case 'captured':
      return 'done';
    case 'declined':
      return PaymentsErrors.DECLINED;
    case 'failed':
      return PaymentsErrors.PROVIDER_UNAVAILABLE;
    case 'voiding':
    case 'voided':
      return PaymentsErrors.VOIDED;
  }
}

/** Capturing: only an authorized payment; a capture already made is answered again, never repeated. */
export function captureStep(status: PaymentStatus): Step {
  switch (status) {
    case 'authorized':
      return 'begin';
    case 'capturing':
      return 'send';
    case 'captured':
      return 'done';
    default:
      return PaymentsErrors.NOT_CAPTURABLE;
  }
}

/**
 * Voiding (the saga's compensation, so it succeeds wherever it can): a payment whose authorization outcome is
 * unknown (`pending`, `failed`) is voided too, since the provider may hold an authorization nobody heard of.
 */
export function voidStep(status: PaymentStatus): Step {
  switch (status) {
    case 'authorized':
    case 'pending':
    case 'failed':
      return 'begin';
    case 'voiding':
      return 'send';
    case 'voided':
    case 'declined':
      return 'done';
    case 'capturing':
    case 'captured':
      return PaymentsErrors.NOT_VOIDABLE;
  }
}

/** Statuses from which an operation records its intent, for the conditional update that does it. */
export const BEGINS_FROM = {
  capture: ['authorized'],
  void: ['authorized', 'pending', 'failed'],
} as const satisfies Record<string, readonly PaymentStatus[]>;
