import { type Static, Type } from '@sinclair/typebox';
import { idPattern } from '@bazaar/platform/ids';

/** The roles an account can hold; every account is a customer, some are also admins. */
export const Role = Type.Union([Type.Literal('customer'), Type.Literal('admin')]);
export type Role = Static<typeof Role>;

/** `POST /api/auth/register`: the e-mail is normalized (trimmed, NFKC, lower case) before it is stored. */
export const RegisterRequest = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  },
  { additionalProperties: false },
);
export type RegisterRequest = Static<typeof RegisterRequest>;

/** `POST /api/auth/login`. */
export const LoginRequest = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

/** `POST /api/auth/refresh`: trades a refresh token for a new pair; a browser sends `{}` and its refresh cookie. */
export const RefreshRequest = Type.Object(
  { refreshToken: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })) },
  { additionalProperties: false },
);
export type RefreshRequest = Static<typeof RefreshRequest>;

/** `POST /api/auth/logout`: revokes the refresh token's whole family. */
export const LogoutRequest = RefreshRequest;
export type LogoutRequest = Static<typeof LogoutRequest>;

/** What login and refresh return: a short-lived access JWT and a long-lived opaque refresh token. */
export const TokenPair = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.String(),
  expiresIn: Type.Integer({ description: 'lifetime of the access token in seconds' }),
  tokenType: Type.Literal('Bearer'),
});
export type TokenPair = Static<typeof TokenPair>;

/** An account as the API shows it (never its password hash). */
export const User = Type.Object({
  id: Type.String({ pattern: idPattern('usr') }),
  email: Type.String(),
  name: Type.String(),
  roles: Type.Array(Role),
  createdAt: Type.String({ format: 'date-time' }),
});
export type User = Static<typeof User>;

/** One public signing key as published in the JWKS (Ed25519). */
export const PublicJwk = Type.Object({
  kty: Type.Literal('OKP'),
  crv: Type.Literal('Ed25519'),
  x: Type.String(),
  kid: Type.String(),
  alg: Type.Literal('EdDSA'),
  use: Type.Literal('sig'),
});
export type PublicJwk = Static<typeof PublicJwk>;

/** `GET /.well-known/jwks.json`: every signing key that tokens may still be verified with. */
export const Jwks = Type.Object({ keys: Type.Array(PublicJwk) });
export type Jwks = Static<typeof Jwks>;

/** `POST /api/admin/keys/rotate` takes no fields: an empty object, or no body at all. */
export const RotateKeysRequest = Type.Union([Type.Object({}, { additionalProperties: false }), Type.Null()]);
export type RotateKeysRequest = Static<typeof RotateKeysRequest>;

/** The outcome of a key rotation: the new signing key and every key still published. */
export const KeyRotation = Type.Object({
  activeKid: Type.String(),
  publishedKids: Type.Array(Type.String()),
});
export type KeyRotation = Static<typeof KeyRotation>;
