/** The claims the storefront reads from an access token (identity signs `sub`, `email` and `roles`). */
export interface AccessClaims {
  readonly sub: string;
  readonly email: string;
  readonly roles: readonly string[];
  readonly exp?: number;
}

function base64UrlDecode(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * Reads a JWT's payload without verifying it. That is enough to decide what to *show* (the admin link);
 * every API call is still authorized by the gateway, which does verify the signature.
 */
export function decodeAccessToken(token: string): AccessClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(base64UrlDecode(payload)) as Record<string, unknown>;
    if (typeof claims['sub'] !== 'string') return null;
    const roles = Array.isArray(claims['roles'])
      ? claims['roles'].filter((role): role is string => typeof role === 'string')
      : typeof claims['role'] === 'string'
        ? [claims['role']]
        : [];
    return {
      sub: claims['sub'],
      email: typeof claims['email'] === 'string' ? claims['email'] : '',
      roles,
      ...(typeof claims['exp'] === 'number' ? { exp: claims['exp'] } : {}),
    };
  } catch {
    return null;
  }
}
