import { type Kysely, sql } from '@bazaar/platform/db';
import type { FailureWindow } from '../domain/login-throttle.policy.ts';
import type { IdentityTables } from './identity.tables.ts';

/** Who a failure is counted against: a normalized e-mail address or a client address. */
export interface FailureSubject {
  readonly scope: FailureWindow['scope'];
  readonly subject: string;
}

/**
 * Failed sign-ins counted in fixed windows that open at the first failure. Times come from the database's
 * clock so that every replica counts in the same windows.
 */
export function createLoginFailureRepository(db: Kysely<IdentityTables>) {
  return {
    /** The windows still open for these subjects. */
    async openWindows(subjects: readonly FailureSubject[], windowSeconds: number): Promise<FailureWindow[]> {
      if (subjects.length === 0) return [];
      const rows = await db
        .selectFrom('login_failures')
        .select([
          'scope',
          'failures',
          sql<number>`extract(epoch FROM window_started_at + make_interval(secs => ${windowSeconds}) - now())::float8`.as('seconds_left'),
        ])
        .where((eb) => eb.or(subjects.map(({ scope, subject }) => eb.and([eb('scope', '=', scope), eb('subject', '=', subject)]))))
        .where(sql<boolean>`window_started_at > now() - make_interval(secs => ${windowSeconds})`)
        .execute();
      return rows.map((row) => ({ scope: row.scope, failures: row.failures, secondsLeft: row.seconds_left }));
    },

    /** Counts one failure against each subject, opening a new window where the last one has closed. */
    async record(subjects: readonly FailureSubject[], windowSeconds: number): Promise<void> {
      if (subjects.length === 0) return;
      const expired = sql<boolean>`login_failures.window_started_at <= now() - make_interval(secs => ${windowSeconds})`;
      await db
        .insertInto('login_failures')
        .values(subjects.map(({ scope, subject }) => ({ scope, subject, window_started_at: sql`now()`, failures: 1 })))
        .onConflict((conflict) =>
          conflict.columns(['scope', 'subject']).doUpdateSet({
            failures: sql`CASE WHEN ${expired} THEN 1 ELSE login_failures.failures + 1 END`,
            window_started_at: sql`CASE WHEN ${expired} THEN now() ELSE login_failures.window_started_at END`,
          }),
        )
        .execute();
    },

    async clear(subject: FailureSubject): Promise<void> {
      await db.deleteFrom('login_failures').where('scope', '=', subject.scope).where('subject', '=', subject.subject).execute();
    },
  };
}

export type LoginFailureRepository = ReturnType<typeof createLoginFailureRepository>;
