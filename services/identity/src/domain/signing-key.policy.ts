/** When a signing key stopped signing (null while it is the active key). */
export interface SigningKeyAge {
  readonly kid: string;
  readonly supersededAt: Date | null;
}

/** Slack for clocks that disagree between identity and the services verifying its tokens. */
export const CLOCK_SKEW_SECONDS = 60;

/**
 * Keys that can leave the JWKS: a key is kept as long as a token it signed can still be unexpired, that is
 * for one access-token lifetime (plus clock skew) after it stopped signing.
 */
export function retirableKeys(keys: readonly SigningKeyAge[], now: Date, accessTokenTtlSeconds: number): string[] {
  const keepAfter = now.getTime() - (accessTokenTtlSeconds + CLOCK_SKEW_SECONDS) * 1000;
  return keys.filter((key) => key.supersededAt !== null && key.supersededAt.getTime() < keepAfter).map((key) => key.kid);
}
