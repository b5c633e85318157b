import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { messageIdOf, type EmailTransport } from '../app/email-transport.ts';

/**
 * Writes each e-mail as `<id>.eml` in `directory`. The file is written under a temporary name and renamed, so
 * a reader never sees half an e-mail, and delivering the same e-mail again replaces its file: one file per e-mail.
 */
export function createMailboxTransport(directory: string): EmailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  let ready: Promise<unknown> | undefined;
  return {
    kind: 'mailbox',
    async send(email) {
      ready ??= mkdir(directory, { recursive: true });
      await ready;
      const info = await composer.sendMail({ messageId: messageIdOf(email), from: email.from, to: email.to, subject: email.subject, text: email.text });
      const file = path.join(directory, `${email.id}.eml`);
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, info.message);
      await rename(temporary, file);
    },
    async close() {
      composer.close();
    },
  };
}
