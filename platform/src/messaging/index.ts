export { causedBy, EnvelopeSchema, type Message, type MessageMeta } from './message.envelope.ts';
export { defineMessage, type MessageDefinition, type MessageOf } from './message.definition.ts';
export { MessageValidationError } from './message.validation.ts';
export {
  createMessagingTables,
  dropMessagingTables,
  type MessagingTables,
  type OutboxTable,
  type InboxTable,
  type DeadLetterTable,
} from './messaging.tables.ts';
export { createOutbox, OUTBOX_CHANNEL, type CommittedRelay, type Outbox, type OutboxWriterOptions } from './outbox.writer.ts';
export { createOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from './outbox.relay.ts';
export { outboxLag, type OutboxLag } from './outbox.metrics.ts';
export {
  createConsumerRunner,
  type ConsumerRunner,
  type ConsumerRunnerOptions,
  type HandlerContext,
  type MessageHandler,
  type PreparedHandler,
} from './consumer.runner.ts';
export {
  createDeadLetters,
  DeadLetterSchema,
  DeadLetterPageSchema,
  type DeadLetter,
  type DeadLetterPage,
  type DeadLetterQuery,
  type DeadLetters,
} from './dead-letters.store.ts';
export { MessagingErrors } from './messaging.errors.ts';
export type { Broker, ConsumeOptions, Delivery, DeliveryHandler, Disposition, OutgoingMessage, Subscription } from './broker.ts';
export { createInProcessBroker, InProcessBus } from './in-process.broker.ts';
export { createRabbitBroker, type RabbitBrokerOptions } from './rabbitmq.broker.ts';
export { consumerTopology, RETRY_TIERS_MS, type ConsumerTopology } from './rabbitmq.topology.ts';
export { openBroker, type OpenBrokerOptions } from './open-broker.ts';
export { createMessaging, type Messaging, type MessagingOptions } from './messaging.ts';
export { backoffDelay, type Backoff } from './backoff.ts';
export {
  registerMessagingAdminRoutes,
  MessagingStatusSchema,
  MESSAGING_STATUS_PATH,
  type MessagingStatus,
  type MessagingAdminOptions,
} from './messaging-admin.routes.ts';
export { attachBroker, attachMessaging, BrokerConfig, type AttachBrokerOptions, type AttachMessagingOptions } from './service-messaging.ts';
