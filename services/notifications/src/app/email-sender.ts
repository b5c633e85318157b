import type { Logger } from '@bazaar/platform/telemetry';
import { afterFailure, type EmailRetryPolicy } from '../domain/email-retry.policy.ts';
import type { EmailRepository, QueuedEmail } from '../store/email.repository.ts';
import type { EmailTransport } from './email-transport.ts';

export interface EmailSenderOptions {
  readonly emails: EmailRepository;
  readonly transport: EmailTransport;
  readonly logger: Logger;
  readonly from: string;
  readonly retry: EmailRetryPolicy;
  readonly pollIntervalMs: number;
  /** E-mails claimed per round. */
  readonly batchSize?: number;
  /** How long a claimed e-mail is left alone by other senders; longer than any one delivery may take. */
  readonly leaseMs?: number;
}

/** Delivers queued e-mails, outside any transaction, retrying failures with backoff. */
export interface EmailSender {
  /** How long an e-mail queued already claimed (see `deliverClaimed`) is left to its writer. */
  readonly leaseMs: number;
  start(): void;
  /**
   * Delivers e-mails whose writer queued them claimed for `leaseMs` and whose transaction has committed: no
   * claim statement, no wait for a poll. Should this process die first, any sender retries them when the lease ends.
   */
  deliverClaimed(emails: readonly QueuedEmail[]): void;
  /** Stops after the round in progress. */
  stop(): Promise<void>;
}

export function createEmailSender(options: EmailSenderOptions): EmailSender {
  const { emails, transport, retry } = options;
  const logger = options.logger.child({ component: 'email-sender' });
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 120_000;
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  let again = false;
  const handedOver = new Set<Promise<void>>();
  let stopped = false;

  async function deliver(email: QueuedEmail): Promise<void> {
    try {
      await transport.send({ id: email.id, from: options.from, to: email.recipient, subject: email.subject, text: email.body });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const next = afterFailure(retry, email.attempts);
      if (next.giveUp) {
        logger.error({ err: error, emailId: email.id, attempts: email.attempts }, 'e-mail failed every attempt');
        await emails.markFailed(email.id, reason);
      } else {
        logger.warn({ err: error, emailId: email.id, attempts: email.attempts, delayMs: next.delayMs }, 'e-mail delivery failed; retrying');
        await emails.retryLater(email.id, reason, next.delayMs);
      }
      return;
    }
    // Delivered but not recorded (the database failed now) means one more delivery after the lease: the
    // transports make that the same e-mail (same file, same Message-ID), never a second one.
    await emails.markSent(email.id);
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      const due = await emails.claimDue(batchSize, leaseMs);
      for (const email of due) await deliver(email);
      if (due.length === batchSize) again = true;
    } while (again && running);
  }

  function schedule(delayMs: number): void {
    if (!running) return;
    clearTimeout(timer);
    timer = setTimeout(run, delayMs);
    timer.unref();
  }

  function run(): void {
    round = round
      .then(drain)
      .catch((error: unknown) => logger.warn({ err: error }, 'e-mail round failed; trying again at the next poll'))
      .finally(() => schedule(options.pollIntervalMs));
  }

  return {
    leaseMs,
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    deliverClaimed(queued) {
      // Before the first poll starts as well: only a stopped sender leaves them to the lease.
      if (stopped || queued.length === 0) return;
      const delivery = (async () => {
        for (const email of queued) await deliver(email);
      })()
        .catch((error: unknown) => logger.warn({ err: error }, 'e-mail delivery failed; a later round retries it when its claim ends'))
        .finally(() => handedOver.delete(delivery));
      handedOver.add(delivery);
    },
    async stop() {
      running = false;
      stopped = true;
      clearTimeout(timer);
      await Promise.all([round, ...handedOver]);
    },
  };
}
