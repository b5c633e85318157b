import { defineErrors } from '../errors/app-error.ts';

/** Errors of the messaging admin operations (listing and re-driving dead letters). */
export const MessagingErrors = defineErrors('MESSAGING', {
  DEAD_LETTER_NOT_FOUND: [404, 'Dead letter not found'],
  ALREADY_REDRIVEN: [409, 'This dead letter was already re-driven'],
  BROKER_UNAVAILABLE: [503, 'The message broker did not take the message'],
});
