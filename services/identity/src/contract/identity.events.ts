import { defineMessage } from '@bazaar/platform/messaging';
import { Type } from '@sinclair/typebox';

/** `user.registered` v1: a new customer account exists (notifications welcomes the customer). */
export const UserRegistered = defineMessage({
  type: 'user.registered',
  version: 1,
  schema: Type.Object(
    {
      userId: Type.String({ pattern: '^usr_[0-9a-hjkmnp-tv-z]{26}$' }),
      email: Type.String({ format: 'email', maxLength: 254 }),
      name: Type.String({ minLength: 1, maxLength: 200 }),
    },
    { additionalProperties: false },
  ),
});
