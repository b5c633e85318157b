import type { User } from '../contract/auth.schemas.ts';
import type { UserRecord } from '../domain/user.model.ts';

/** An account as the API shows it. */
export function toUserView(user: UserRecord): User {
  return { id: user.id, email: user.email, name: user.name, roles: [...user.roles], createdAt: user.createdAt.toISOString() };
}
