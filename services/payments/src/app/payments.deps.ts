import type { Logger } from '@bazaar/platform/telemetry';
import type { PaymentRepository } from '../store/payment.repository.ts';
import type { ProviderGateway } from './provider.gateway.ts';

/** What payments' use cases work with. */
export interface PaymentsDeps {
  readonly payments: PaymentRepository;
  readonly provider: ProviderGateway;
  readonly logger: Logger;
}
