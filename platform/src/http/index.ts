export { createService, ProblemSchema, type App, type Service, type ServiceOptions, type ReadinessCheck } from './create-service.ts';
export { onShutdownSignal } from './shutdown.ts';
export { staticDiscovery, type Discovery, type ServiceContext } from './context.ts';
export { createBalancer, type Balancer, type BalancerOptions, type BalancingStrategy, type CallOutcome, type InstanceState, type Lease } from './balancer.ts';
export {
  createServiceClient,
  WHOLE_BODY_BYTES,
  type ServiceClient,
  type ServiceClientOptions,
  type CallOptions,
  type OutgoingHeaders,
  type ServiceResponse,
  type StreamedResponse,
} from './service-client.ts';
export { createServiceClients, type ServiceClients } from './service-clients.ts';
export { type BreakerState, type ResilienceOptions } from './circuit.ts';
export { TransportError, isTransportError, type TransportFailure } from './transport-error.ts';
export { DEADLINE_HEADER, deadlineFrom, earliestDeadline } from './deadline.ts';
export { endToEndHeaders } from './hop-by-hop.ts';
export { replyJsonText, type JsonText } from './json-text.ts';
