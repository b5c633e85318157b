// The events notifications consumes, as their producers define them: identity's and orders' contracts.
export { UserRegistered } from '@bazaar/identity/contract';
export { OrderConfirmedMessage as OrderConfirmed, OrderCancelledMessage as OrderCancelled } from '@bazaar/orders/contract';
