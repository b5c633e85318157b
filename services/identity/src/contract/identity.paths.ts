/** The paths identity serves; the gateway exposes them unchanged. */
export const IdentityPaths = {
  register: '/api/auth/register',
  login: '/api/auth/login',
  refresh: '/api/auth/refresh',
  logout: '/api/auth/logout',
  me: '/api/me',
  jwks: '/.well-known/jwks.json',
  rotateKeys: '/api/admin/keys/rotate',
} as const;
