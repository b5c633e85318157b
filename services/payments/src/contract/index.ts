export { PaymentsErrors } from './payments.errors.ts';
export { PaymentsPaths } from './payments.paths.ts';
export { PaymentStatus, AuthorizePayment, Payment, PaymentParams } from './payment.schemas.ts';
export {
  SagaStepRef,
  AuthorizePaymentCommand,
  CapturePaymentCommand,
  VoidPaymentCommand,
  PaymentSucceededReply,
  PaymentFailedReply,
  PaymentsCommands,
  PaymentsReplies,
} from './payments.messages.ts';
