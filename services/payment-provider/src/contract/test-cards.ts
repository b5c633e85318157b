/** The card tokens the stand-in accepts; any other token is refused with 400 (PAYMENT_PROVIDER.UNKNOWN_TOKEN). */
export const TestCards = {
  /** Always approves (unless the fault knobs set a decline rate). */
  visa: 'tok_visa',
  /** Always declines with `card_declined`. */
  chargeDeclined: 'tok_chargeDeclined',
} as const;

/** Decline codes the stand-in answers with. */
export const DeclineCodes = {
  /** The card was refused (`tok_chargeDeclined`). */
  cardDeclined: 'card_declined',
  /** A simulated decline drawn by the `declineRate` fault knob. */
  insufficientFunds: 'insufficient_funds',
} as const;
