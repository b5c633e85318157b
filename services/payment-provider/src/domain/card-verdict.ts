import { DeclineCodes, TestCards } from '../contract/test-cards.ts';

/** What the card network says to a new authorization. */
export type Verdict = { readonly approved: true } | { readonly approved: false; readonly declineCode: string };

/**
 * The verdict for a test card, or undefined for a token the provider does not know. Only `tok_visa` draws
 * from `random` (a number in [0, 1)), so a decline rate never turns a declining card into an approving one.
 */
export function verdictFor(token: string, declineRate: number, random: () => number): Verdict | undefined {
  if (token === TestCards.chargeDeclined) return { approved: false, declineCode: DeclineCodes.cardDeclined };
  if (token !== TestCards.visa) return undefined;
  return random() < declineRate ? { approved: false, declineCode: DeclineCodes.insufficientFunds } : { approved: true };
}
