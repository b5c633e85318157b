import { type Kysely, type Selectable, sql } from '@bazaar/platform/db';
import type { Role } from '../contract/auth.schemas.ts';
import type { UserRecord } from '../domain/user.model.ts';
import type { IdentityTables, UsersTable } from './identity.tables.ts';

function toUser(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    roles: row.roles as Role[],
    createdAt: row.created_at,
  };
}

/** Accounts, looked up by id or by normalized e-mail. */
export function createUserRepository(db: Kysely<IdentityTables>) {
  return {
    /** Inserts the account, or returns undefined when the e-mail is already taken. */
    async insert(user: Omit<UserRecord, 'createdAt'>): Promise<UserRecord | undefined> {
      const row = await db
        .insertInto('users')
        .values({ id: user.id, email: user.email, name: user.name, password_hash: user.passwordHash, roles: [...user.roles] })
        .onConflict((conflict) => conflict.column('email').doNothing())
        .returningAll()
        .executeTakeFirst();
      return row && toUser(row);
    },

    async findById(id: string): Promise<UserRecord | undefined> {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },

    async findByEmail(email: string): Promise<UserRecord | undefined> {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
      return row && toUser(row);
    },

    async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
      await db.updateTable('users').set({ password_hash: passwordHash, updated_at: sql`now()` }).where('id', '=', id).execute();
    },

    /** Adds `role` to the account unless it already has it. */
    async grantRole(email: string, role: Role): Promise<void> {
      await db
        .updateTable('users')
        .set({ roles: sql`array_append(roles, ${role})`, updated_at: sql`now()` })
        .where('email', '=', email)
        .where(sql<boolean>`NOT (${role} = ANY(roles))`)
        .execute();
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
