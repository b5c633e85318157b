export { createService, ProblemSchema, type App, type Service, type ServiceOptions, type ReadinessCheck } from './create-service.ts';
export { onShutdownSignal } from './shutdown.ts';
export { staticDiscovery, type Discovery, type ServiceContext } from './context.ts';
