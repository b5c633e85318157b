export { IdentityErrors } from './identity.errors.ts';
export { IdentityPaths } from './identity.paths.ts';
export {
  Role,
  RegisterRequest,
  LoginRequest,
  RefreshRequest,
  LogoutRequest,
  TokenPair,
  User,
  PublicJwk,
  Jwks,
  RotateKeysRequest,
  KeyRotation,
} from './auth.schemas.ts';
export { UserRegistered } from './identity.events.ts';
