/** One e-mail as the sender hands it to a transport. */
export interface OutgoingEmail {
  /** The e-mail's id; transports make it the Message-ID, so a retried delivery is recognisably the same e-mail. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Where e-mails go: a local mailbox directory or an SMTP server. */
export interface EmailTransport {
  readonly kind: 'mailbox' | 'smtp';
  /** Resolves once the e-mail is delivered; rejects when it was not (the sender retries). */
  send(email: OutgoingEmail): Promise<void>;
  close(): Promise<void>;
}

/** The RFC 5322 Message-ID of an e-mail. */
export function messageIdOf(email: OutgoingEmail): string {
  return `<${email.id}@bazaar.local>`;
}
