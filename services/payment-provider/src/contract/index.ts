export { PaymentProviderErrors } from './payment-provider.errors.ts';
export { PaymentProviderPaths } from './payment-provider.paths.ts';
export { TestCards, DeclineCodes } from './test-cards.ts';
export {
  AuthorizationStatus,
  AuthorizeRequest,
  Authorization,
  AuthorizationParams,
  CaptureRequest,
  VoidRequest,
  AuthorizationLookup,
} from './authorization.schemas.ts';
export { Faults, ProviderCounters, AuthorizationCounters, AuthorizationsByKey } from './fault.schemas.ts';
