export {
  defineSaga,
  defineStep,
  type SagaDefinition,
  type SagaEnd,
  type SagaStep,
  type StepCommand,
  type StepCompensation,
  type StepOutcome,
  type StepReply,
  type UndoOutcome,
} from './saga.definition.ts';
export type { CommandSender, ReplyOutcome, SagaCommand, SagaReply } from './saga.messages.ts';
export {
  createSagaOrchestrator,
  type SagaOrchestrator,
  type SagaOrchestratorOptions,
  type SagaView,
  type TickResult,
} from './saga.orchestrator.ts';
export { createSagaRunner, type SagaRunner, type SagaRunnerOptions } from './saga.runner.ts';
export { type StepRecord } from './saga.store.ts';
export {
  addSagaAwaitedAttempt,
  addSagaSaveCheck,
  createWorkflowTables,
  dropSagaAwaitedAttempt,
  dropSagaSaveCheck,
  dropWorkflowTables,
  type SagaStatus,
  type StepPhase,
  type StepStatus,
  type WorkflowTables,
} from './saga.tables.ts';
