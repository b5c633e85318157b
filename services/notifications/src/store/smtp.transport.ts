import nodemailer from 'nodemailer';
import { messageIdOf, type EmailTransport } from '../app/email-transport.ts';

/** Sends e-mails to the SMTP server at `url` (`smtp://user:pass@host:port`, or `smtps://` for implicit TLS). */
export function createSmtpTransport(url: string, options: { timeoutMs: number }): EmailTransport {
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  });
  return {
    kind: 'smtp',
    async send(email) {
      await transport.sendMail({ messageId: messageIdOf(email), from: email.from, to: email.to, subject: email.subject, text: email.text });
    },
    async close() {
      transport.close();
    },
  };
}
